// Guards ranking quality: the judged queries over corpus/ (judgments.tsv) and over the real
// documents of ../shared (real-judgments.tsv) must score at least their recorded baselines.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "indexer/index_updater.h"
#include "schema/errors.h"
#include "server/engine/searcher.h"
#include "server/eval/relevance_metrics.h"
#include "server/eval/stock_xapian.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(OPSLAG_SOURCE_DIR) / "tests" / "relevance";

/// The figure called `name` in `file` (baseline.txt or real-baseline.txt).
double baseline(const std::string& name, const std::string& file = "baseline.txt") {
  std::ifstream in(kDir / file);
  for (std::string key; in >> key;) {
    if (key[0] == '#') {
      std::getline(in, key);
      continue;
    }
    double value = 0;
    in >> value;
    if (key == name) return value;
  }
  throw Error(file + " has no " + name);
}

/// The files of `folder` that the real set judges, as real-files.txt names them.
std::vector<fs::path> real_files(const fs::path& folder) {
  std::ifstream in(kDir / "real-files.txt");
  std::vector<fs::path> files;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') files.push_back(folder / line);
  if (files.empty()) throw Error("real-files.txt names no file");
  return files;
}

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
  const RelevanceScore baseline = mean(
      run_judgments([&](const std::string& query) { return stock.search(query); }, judgments_));
  EXPECT_GT(baseline.ndcg10, 0.5) << "the stock baseline found next to nothing";
  EXPECT_GT(opslag.first_right, baseline.first_right);
  EXPECT_GT(opslag.ndcg10, baseline.ndcg10);
}

/// danish-bench (Folketinget speeches, PAROLE-DK, the digitalisation texts) and the real PDF,
/// Word and HTML files of ../shared, indexed once for the suite, with real-judgments.tsv.
class RealRelevanceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path shared = testing::shared_dir();
    if (shared.empty()) return;
    data_ = new testing::TempDir;
    std::ostringstream errors;
    const DanishAnalyzer analyzer(testing::project_schema());
    IndexUpdater updater(testing::project_schema(), analyzer, data_->path() / "db", errors);
    (void)updater.run(IndexInputs{real_files(shared / "real-documents"),
                                  {shared / "corpus" / "danish-bench.jsonl.gz"}});
    const Searcher searcher(testing::project_schema(), analyzer, (data_->path() / "db").string());
    scores_ = new std::vector<RelevanceScore>(run_judgments(searcher, judgments()));
  }
  static void TearDownTestSuite() {
    delete scores_;
    delete data_;
  }
  void SetUp() override {
    if (data_ == nullptr) GTEST_SKIP() << "../shared is not beside the checkout: no real set";
  }
  static const Judgments& judgments() {
    static const Judgments all = read_judgments(kDir / "real-judgments.tsv");
    return all;
  }

  static testing::TempDir* data_;
  static std::vector<RelevanceScore>* scores_;
};

testing::TempDir* RealRelevanceTest::data_ = nullptr;
std::vector<RelevanceScore>* RealRelevanceTest::scores_ = nullptr;

TEST_F(RealRelevanceTest, JudgedNeedsOnRealDocumentsScoreAtLeastTheRecordedBaseline) {
  ASSERT_GE(judgments().size(), 100u);
  const RelevanceScore m = mean(*scores_);
  EXPECT_GE(m.ndcg10, baseline("ndcg10", "real-baseline.txt") - 1e-3);
  EXPECT_GE(m.reciprocal_rank, baseline("mrr", "real-baseline.txt") - 1e-3);
}

TEST_F(RealRelevanceTest, EveryJudgedDocumentIsInTheIndex) {
  const Xapian::Database db((data_->path() / "db").string());
  const std::string prefix = testing::project_schema().field("id").prefix;
  for (const Judgment& judgment : judgments())
    for (const auto& [id, grade] : judgment.grades)
      EXPECT_NE(db.postlist_begin(prefix + id), db.postlist_end(prefix + id))
          << judgment.query << ": " << id;
}

TEST_F(RealRelevanceTest, EachCategoryScoresAtLeastItsRecordedBaseline) {
  for (const auto& [category, m] : mean_by_category(judgments(), *scores_))
    EXPECT_GE(m.ndcg10, baseline("ndcg10-" + category, "real-baseline.txt") - 1e-3) << category;
}

TEST_F(RealRelevanceTest, OpslagRanksTheRealDocumentsBetterThanStockXapian) {
  const StockXapian stock{Xapian::Database((data_->path() / "db").string())};
  const RelevanceScore baseline = mean(
      run_judgments([&](const std::string& query) { return stock.search(query); }, judgments()));
  EXPECT_GT(baseline.ndcg10, 0.3) << "the stock baseline found next to nothing";
  EXPECT_GT(mean(*scores_).ndcg10, baseline.ndcg10);
}

}  // namespace
}  // namespace opslag
