// Guards ranking quality: the judged queries over corpus/ must score at least the baseline.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "errors.h"
#include "index_updater.h"
#include "relevance_metrics.h"
#include "searcher.h"
#include "stock_xapian.h"
#include "temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(OPSLAG_SOURCE_DIR) / "tests" / "relevance";

/// The figure called `name` in baseline.txt.
double baseline(const std::string& name) {
  std::ifstream in(kDir / "baseline.txt");
  for (std::string key; in >> key;) {
    if (key[0] == '#') {
      std::getline(in, key);
      continue;
    }
    double value = 0;
    in >> value;
    if (key == name) return value;
  }
  throw std::runtime_error("baseline.txt has no " + name);
}

/// corpus/ indexed once for the suite, and the judgments.
class RelevanceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new testing::TempDir;
    std::ostringstream errors;
    IndexUpdater(testing::project_schema(), DanishAnalyzer(testing::project_schema()), db(),
                 errors)
        .run({fs::path(OPSLAG_SOURCE_DIR) / "corpus"});
  }
  static void TearDownTestSuite() { delete data_; }
  static fs::path db() { return data_->path() / "db"; }

  DanishAnalyzer analyzer_{testing::project_schema()};
  Searcher searcher_{testing::project_schema(), analyzer_, db().string()};
  Judgments judgments_ = read_judgments(kDir / "judgments.tsv");
  static testing::TempDir* data_;
};

testing::TempDir* RelevanceTest::data_ = nullptr;

TEST_F(RelevanceTest, JudgedQueriesScoreAtLeastTheRecordedBaseline) {
  ASSERT_GE(judgments_.size(), 60u);
  const RelevanceScore m = mean(run_judgments(searcher_, judgments_));
  // The baseline is printed to three decimals: allow for that rounding, nothing more.
  EXPECT_GE(m.ndcg10, baseline("ndcg10") - 0.0005) << "nDCG@10 fell";
  EXPECT_GE(m.reciprocal_rank, baseline("mrr") - 0.0005) << "MRR fell";
}

TEST_F(RelevanceTest, OpslagPutsTheRightDocumentFirstMoreOftenThanStockXapian) {
  const RelevanceScore opslag = mean(run_judgments(searcher_, judgments_));
  const StockXapian stock{Xapian::Database(db().string())};
  const RelevanceScore baseline = mean(run_judgments(
      [&](const std::string& query) { return stock.search(query); }, judgments_));
  EXPECT_GT(baseline.ndcg10, 0.5) << "the stock baseline found next to nothing";
  EXPECT_GT(opslag.first_right, baseline.first_right);
  EXPECT_GT(opslag.ndcg10, baseline.ndcg10);
}

TEST(RelevanceMetricsTest, RightFirstCountsOnlyATopGradeDocumentAtRankOne) {
  EXPECT_EQ(score_ranking({"a", "b"}, {{"a", 3}, {"b", 2}}).first_right, 1);
  EXPECT_EQ(score_ranking({"b", "a"}, {{"a", 3}, {"b", 2}}).first_right, 0);
  EXPECT_EQ(score_ranking({"x", "a"}, {{"a", 3}}).first_right, 0);
  EXPECT_EQ(score_ranking({"b"}, {{"b", 2}}).first_right, 1);  // 2 is this query's best grade
}

TEST(RelevanceMetricsTest, APerfectRankingScoresOne) {
  const RelevanceScore s = score_ranking({"a", "b", "x"}, {{"a", 3}, {"b", 2}});
  EXPECT_DOUBLE_EQ(s.ndcg10, 1.0);
  EXPECT_DOUBLE_EQ(s.reciprocal_rank, 1.0);
  EXPECT_DOUBLE_EQ(s.recall10, 1.0);
}

TEST(RelevanceMetricsTest, SwappedGradesScoreBelowOne) {
  const RelevanceScore s = score_ranking({"b", "a"}, {{"a", 3}, {"b", 1}});
  // DCG = 1/log2(2) + 7/log2(3); ideal = 7/log2(2) + 1/log2(3).
  EXPECT_NEAR(s.ndcg10, (1.0 + 7.0 / std::log2(3.0)) / (7.0 + 1.0 / std::log2(3.0)), 1e-12);
}

TEST(RelevanceMetricsTest, ReciprocalRankAndRecallCountFromTheFirstRelevant) {
  const RelevanceScore s = score_ranking({"x", "y", "a"}, {{"a", 2}, {"b", 2}});
  EXPECT_DOUBLE_EQ(s.reciprocal_rank, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.recall10, 0.5);
}

TEST(RelevanceMetricsTest, OnlyTheTopTenCount) {
  std::vector<std::string> ranked(10, "x");
  ranked.push_back("a");
  const RelevanceScore s = score_ranking(ranked, {{"a", 3}});
  EXPECT_EQ(s.ndcg10, 0);
  EXPECT_EQ(s.reciprocal_rank, 0);
}

TEST(RelevanceMetricsTest, AMalformedJudgmentLineIsNamedByLine) {
  testing::TempDir dir;
  const fs::path file = dir.write("j.tsv", "# kommentar\nNemID\ta.txt:3\nMitID\tb.txt:9\n");
  try {
    (void)read_judgments(file);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("j.tsv:3: \"b.txt:9\" is not id:grade"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace opslag
