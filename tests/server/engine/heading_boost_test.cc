// Tests the bonus for a query's words in a title's heading: which part of a title is its
// heading, what the bonus is, and that each ten hits are reordered by it and no more.
#include "server/engine/heading_boost.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/searched_corpus.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

class HeadingBoostTest : public ::testing::Test {
 protected:
  [[nodiscard]] HeadingBoost boost(std::string_view query, double best_weight = 10) const {
    return HeadingBoost(analyzer_, parser_.parse(query), best_weight);
  }
  DanishAnalyzer analyzer_{testing::project_schema()};
  QueryParser parser_{testing::project_schema(), analyzer_};
};

TEST_F(HeadingBoostTest, TheHeadingIsTheSpeakerOfASpeechTheSectionOfATextOrTheWholeTitle) {
  EXPECT_EQ(title_heading("Digitaliseringsministeren (Marie Bjerre) – 1. behandling af "
                          "lovforslag nr. L 98: Forslag til lov om fravigelse"),
            "Digitaliseringsministeren (Marie Bjerre)");
  EXPECT_EQ(title_heading("Referencearkitektur for brugerstyring: 10. Bilag A: Ordliste"),
            "Ordliste");
  EXPECT_EQ(title_heading("Digital Post til alle"), "Digital Post til alle");
}

TEST_F(HeadingBoostTest, AHeadingTheQueryNamesInFullGainsTheWholeBonus) {
  EXPECT_DOUBLE_EQ(boost("ordliste").bonus("Referencearkitektur: Bilag A: Ordlisten"),
                   HeadingBoost::kWeight * 10);
}

TEST_F(HeadingBoostTest, TheBonusIsTheShareOfTheHeadingTimesTheShareOfTheQuery) {
  // One of the heading's two words ("til" is a stop word), one of the query's two.
  EXPECT_DOUBLE_EQ(boost("ordliste begreber").bonus("Brugerstyring: Ordliste til arkitekter"),
                   HeadingBoost::kWeight * 10 * 0.5 * 0.5);
}

TEST_F(HeadingBoostTest, AHeadingWithoutTheQuerysWordsGainsNothing) {
  EXPECT_EQ(boost("ordliste").bonus("Ordliste for brugerstyring: 1.6 Målgruppe"), 0);
  EXPECT_EQ(boost("til").bonus("Til borgerne"), 0);  // a stop word alone names nothing
}

TEST_F(HeadingBoostTest, AHeadingIsReadAsTheIndexReadsItCapitalsAndAccentsIncluded) {
  EXPECT_GT(boost("økonomi").bonus("Strategien: ØKONOMIEN I KOMMUNERNE"), 0);
  EXPECT_GT(boost("ide").bonus("Folketinget: Idéer fra borgerne"), 0);
  EXPECT_GT(boost("nemid").bonus("Bilag: Overgangen fra NemID"), 0);
}

TEST_F(HeadingBoostTest, ReordersEachTenRanksAndNeverAcrossThem) {
  std::vector<double> weights;
  std::vector<std::string_view> titles;
  for (int i = 0; i < 20; ++i) {
    weights.push_back(100 - i);
    titles.emplace_back(i == 5 || i == 15 ? "Arkitektur: Ordliste" : "Arkitektur: Målgruppe");
  }
  const std::vector<std::size_t> order = boost("ordliste", 100).order(weights, titles);
  ASSERT_EQ(order.size(), 20u);
  EXPECT_EQ(order[0], 5u);  // 95 + 20 before 100
  EXPECT_EQ(order[1], 0u);  // the rest of the first ten in their order
  EXPECT_EQ(order[10], 15u);
  EXPECT_EQ(order[11], 10u);
  EXPECT_DOUBLE_EQ(weights[5], 95 + HeadingBoost::kWeight * 100);
}

/// Sections of one text under its title: the glossary says "begreber" once, the section on the
/// readers speaks of the glossary and its terms more often.
class HeadingSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("maalgruppe.txt",
                  "Referencearkitektur for brugerstyring: Målgruppe\n\n01-02-2024 Rapport\n\n"
                  "Dokumentet er skrevet til arkitekter, der arbejder med brugerstyring. "
                  "Begreber som identitet, rettighed og adgang bruges som i ordlisten, og "
                  "læseren bør kende ordlisten og dens begreber, før de øvrige regler "
                  "om brugerstyring tages i brug.\n");
    corpus_.write("ordliste.txt",
                  "Referencearkitektur for brugerstyring: Bilag A: Ordliste\n\n01-02-2024 "
                  "Rapport\n\nHer forklares de begreber, dokumentet bruger: identitet, "
                  "autentifikation, fuldmagt og adgangspolitik, hver med en kort definition, "
                  "som de bruges i fællesoffentlig brugerstyring og i de løsninger, der "
                  "bygger på den, hos stat, regioner og kommuner.\n");
    corpus_.write("vejret.txt", "Vejret\n\n05-02-2024 Nyhed\n\nI morgen bliver det regn.\n");
    corpus_.index();
  }
  DanishAnalyzer analyzer_{testing::project_schema()};
  testing::SearchedCorpus corpus_;
};

TEST_F(HeadingSearchTest, ASectionWhoseHeadingTheQueryNamesComesBeforeOneThatSaysItsWordsMore) {
  const std::vector<std::string> found = corpus_.ids("ordliste brugerstyring begreber");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "ordliste.txt");
}

TEST_F(HeadingSearchTest, TheScoreShownIsTheWeightWithTheBonusSoItFallsDownThePage) {
  const SearchResult result = corpus_.search("ordliste brugerstyring begreber");
  ASSERT_EQ(result.hits.size(), 2u);
  EXPECT_GT(result.hits[0].score, result.hits[1].score);
}

TEST_F(HeadingSearchTest, PagesOfAnySizeAndTheExportGiveTheSameOrder) {
  const std::string query = "ordliste brugerstyring begreber";
  const std::vector<std::string> page = corpus_.ids(query);
  const Searcher searcher(testing::project_schema(), analyzer_, corpus_.db_path());
  std::vector<std::string> one_by_one;
  for (int page_number = 1; page_number <= 2; ++page_number)
    for (const Hit& hit : searcher.search(testing::request(query, page_number, 1)).hits)
      one_by_one.push_back(hit.doc.id);
  EXPECT_EQ(one_by_one, page);
  const auto stream = searcher.stream_matches(testing::request(query), 10);
  std::vector<std::string> exported;
  for (std::vector<Hit> piece = stream->next(1); !piece.empty(); piece = stream->next(1))
    exported.push_back(piece[0].doc.id);
  EXPECT_EQ(exported, page);
}

TEST_F(HeadingSearchTest, ByDateTheHeadingsChangeNothing) {
  SearchRequest newest = testing::request("ordliste brugerstyring begreber");
  newest.sort = SortOrder::kDateAscending;
  const Searcher searcher(testing::project_schema(), analyzer_, corpus_.db_path());
  const SearchResult result = searcher.search(newest);
  ASSERT_EQ(result.hits.size(), 2u);
  // Same date: by weight alone, the section that says the words more often first.
  EXPECT_EQ(result.hits[0].doc.id, "maalgruppe.txt");
}

}  // namespace
}  // namespace opslag
