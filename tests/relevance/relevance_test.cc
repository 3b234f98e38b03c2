// Guards ranking quality on our own corpus: the judged queries over corpus/ (judgments.tsv) must
// score at least their recorded baseline, and better than stock Xapian.
#include <gtest/gtest.h>

#include <sstream>

#include "indexer/index_updater.h"
#include "server/engine/searcher.h"
#include "server/eval/relevance_metrics.h"
#include "server/eval/stock_xapian.h"
#include "tests/relevance/recorded_baseline.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;
using testing::baseline;

/// corpus/ indexed once for the suite, and the judgments.
class RelevanceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new testing::TempDir;
    std::ostringstream errors;
    IndexUpdater(testing::project_schema(), DanishAnalyzer(testing::project_schema()), db(), errors)
        .run({fs::path(OPSLAG_SOURCE_DIR) / "corpus"});
  }
  static void TearDownTestSuite() { delete data_; }
  static fs::path db() { return data_->path() / "db"; }

  DanishAnalyzer analyzer_{testing::project_schema()};
  Searcher searcher_{testing::project_schema(), analyzer_, db().string()};
  Judgments judgments_ = read_judgments(testing::relevance_dir() / "judgments.tsv");
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
  const RelevanceScore baseline = mean(
      run_judgments([&](const std::string& query) { return stock.search(query); }, judgments_));
  EXPECT_GT(baseline.ndcg10, 0.5) << "the stock baseline found next to nothing";
  EXPECT_GT(opslag.first_right, baseline.first_right);
  EXPECT_GT(opslag.ndcg10, baseline.ndcg10);
}

}  // namespace
}  // namespace opslag
