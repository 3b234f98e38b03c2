// Tests searching for a part of Danish compounds: "strategi" finds "digitaliseringsstrategien".
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/support/searched_corpus.h"

namespace opslag {
namespace {

class CompoundSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("strategi.txt",
                  "En ny strategi\n\n01-02-2016 Nyhed\n\nRegeringen har lagt en strategi frem for "
                  "de næste fire år.\n");
    corpus_.write("digitaliseringsstrategi.txt",
                  "Fælles mål for det offentlige\n\n02-03-2016 Nyhed\n\nDigitaliseringsstrategien "
                  "sætter kursen for kommuner og regioner frem mod 2020.\n");
    corpus_.write("portaler.txt",
                  "To indgange for borgerne\n\n03-04-2010 Nyhed\n\nBorgerportalen borger.dk og "
                  "sundhedsportalen sundhed.dk samler de offentlige tilbud.\n");
    corpus_.write("postkasse.txt",
                  "Breve i fremtiden\n\n04-05-2012 Nyhed\n\nDen røde postkasse forsvinder fra "
                  "gadebilledet.\n");
    corpus_.index();
  }

  SearchResult search(const std::string& query) const { return corpus_.search(query); }
  std::vector<std::string> ids(const std::string& query) const { return corpus_.ids(query); }

  testing::SearchedCorpus corpus_;
};

TEST_F(CompoundSearchTest, APartFindsTheCompoundButTheWordItselfRanksFirst) {
  EXPECT_EQ(ids("strategi"),
            (std::vector<std::string>{"strategi.txt", "digitaliseringsstrategi.txt"}));
}

TEST_F(CompoundSearchTest, APartFindsCompoundsWithAndWithoutALinkingS) {
  EXPECT_EQ(ids("portal"), std::vector<std::string>{"portaler.txt"});
  EXPECT_EQ(ids("post"), std::vector<std::string>{"postkasse.txt"});
  EXPECT_EQ(ids("sundhed"), std::vector<std::string>{"portaler.txt"});
}

TEST_F(CompoundSearchTest, TheSnippetMarksTheWholeCompound) {
  const SearchResult result = search("strategi");
  ASSERT_EQ(result.hits.size(), 2u);
  EXPECT_NE(result.hits[1].snippet.with_marks("[", "]").find("[Digitaliseringsstrategien]"),
            std::string::npos)
      << result.hits[1].snippet.text;
  const SearchResult portal = search("portal");
  ASSERT_EQ(portal.hits.size(), 1u);
  EXPECT_NE(portal.hits[0].snippet.with_marks("[", "]").find("[Borgerportalen]"), std::string::npos)
      << portal.hits[0].snippet.text;
  EXPECT_NE(portal.hits[0].snippet.with_marks("[", "]").find("[sundhedsportalen]"),
            std::string::npos)
      << portal.hits[0].snippet.text;
}

TEST_F(CompoundSearchTest, ListsTheCompoundsAPartFoundAsExpansions) {
  const SearchResult result = search("portal");
  std::vector<std::string> compounds;
  for (const Expansion& e : result.expansions)
    if (e.kind == "compound" && e.from == "portal") compounds.push_back(e.to);
  std::sort(compounds.begin(), compounds.end());
  EXPECT_EQ(compounds, (std::vector<std::string>{"borgerportalen", "sundhedsportalen"}));
}

TEST_F(CompoundSearchTest, AQuotedWordDoesNotMatchCompounds) {
  EXPECT_EQ(ids("\"strategi\""), std::vector<std::string>{"strategi.txt"});
}

TEST_F(CompoundSearchTest, AnExpansionDisappearsWithTheLastDocumentThatHadIt) {
  std::filesystem::remove(corpus_.path() / "postkasse.txt");
  corpus_.index();
  const SearchResult result = search("post");
  EXPECT_TRUE(result.hits.empty());
  EXPECT_TRUE(std::none_of(result.expansions.begin(), result.expansions.end(),
                           [](const Expansion& e) { return e.kind == "compound"; }));
}

}  // namespace
}  // namespace opslag
