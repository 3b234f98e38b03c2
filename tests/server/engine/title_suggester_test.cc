// Tests title suggestions over a tiny indexed corpus: which titles, in which order, how many.
#include "server/engine/title_suggester.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/tiny_index.h"

namespace opslag {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

class TitleSuggesterTest : public ::testing::Test {
 protected:
  TitleSuggesterTest() {
    index_.write("strategi-ny.txt",
                 "Strategi for digital post\n\n01-01-2017 Notat\n\nEn strategi om post.\n");
  }

  /// The titles suggested for `typed`, in order, its last word most likely completing to
  /// `likely`.
  std::vector<std::string> titles(std::string_view typed, std::size_t size = 8,
                                  const std::vector<std::string>& likely = {}) {
    return texts(typed, size, likely).first;
  }

  /// The titles suggested for `typed` and the titles read on the way.
  std::pair<std::vector<std::string>, std::vector<std::string>> texts(
      std::string_view typed, std::size_t size, const std::vector<std::string>& likely = {}) {
    index_.reindex();
    const Xapian::Database db(index_.db_path());
    std::vector<std::string> seen, out;
    for (const Suggestion& s :
         suggester_.suggest(db, read_typed_words(index_.analyzer(), typed), size, seen, likely)) {
      EXPECT_EQ(s.kind, SuggestionKind::kTitle);
      out.push_back(s.text);
    }
    return {out, seen};
  }

  testing::TinyIndex index_;
  TitleSuggester suggester_{index_.analyzer(), testing::project_schema().field("title").prefix};
};

TEST_F(TitleSuggesterTest, SuggestsTitlesHoldingEveryWordTypedTheLastAsAPrefix) {
  EXPECT_THAT(titles("digital po"),
              ElementsAre("Digital Post bliver obligatorisk", "Strategi for digital post"));
}

TEST_F(TitleSuggesterTest, ACompleteLastWordMustStandWhole) {
  const std::vector<std::string> found = titles("post ");
  EXPECT_THAT(found, Contains("Digital Post bliver obligatorisk"));
  EXPECT_THAT(found, Not(Contains("Postkassen på hjørnet fjernes")));
}

TEST_F(TitleSuggesterTest, TitlesBeginningWithWhatWasTypedComeFirst) {
  EXPECT_THAT(titles("strategi "),
              ElementsAre("Strategi for digital post", "Ny fællesoffentlig strategi"));
  const std::vector<std::string> found = titles("post");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0], "Postkassen på hjørnet fjernes");
}

TEST_F(TitleSuggesterTest, AShortLastWordAloneGetsNoTitles) {
  EXPECT_THAT(titles("po"), ElementsAre());
  EXPECT_THAT(titles("digital p"), Contains("Digital Post bliver obligatorisk"));
}

TEST_F(TitleSuggesterTest, ARepeatedTitleIsShownOnceButSeenTwice) {
  index_.write("nemid-igen.txt", "NemID lanceres!\n\n03-07-2010 Nyhed\n\nIgen om NemID.\n");
  const auto [shown, seen] = texts("nemid", 8);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_TRUE(shown[0].starts_with("NemID lanceres")) << shown[0];
  EXPECT_THAT(seen, ::testing::UnorderedElementsAre("NemID lanceres", "NemID lanceres!"));
}

TEST_F(TitleSuggesterTest, ALastWordAlsoStandsForTheRareTitleWordItWasCompletedTo) {
  // More title words begin with "in" than a prefix stands for, each in two titles; "intelligens"
  // is in one.
  const char* words[] = {"indbyggere",  "indsats",     "indhold",  "indkøb",     "indtægter",
                         "indblik",     "indgang",     "indlæg",   "indretning", "indførelse",
                         "indstilling", "indvandring", "inflation"};
  static_assert(std::size(words) > TitleSuggester::kPrefixWords);
  for (const char* word : words) {
    for (const char* n : {"1", "2"}) {
      index_.write(std::string(word) + n + ".txt",
                   std::string("Kunstig ") + word + "\n\n01-01-2020 Notat\n\nOm " + word + ".\n");
    }
  }
  index_.write("ki.txt", "Kunstig intelligens\n\n01-01-2020 Notat\n\nOm maskiner.\n");
  EXPECT_THAT(titles("kunstig in"), Not(Contains("Kunstig intelligens")));
  EXPECT_THAT(titles("kunstig in", 8, {"intelligens"}), Contains("Kunstig intelligens"));
}

TEST_F(TitleSuggesterTest, GivesAtMostSizeTitles) {
  EXPECT_EQ(titles("post", 1).size(), 1u);
  EXPECT_THAT(titles("post", 0), ElementsAre());
}

}  // namespace
}  // namespace opslag
