// Guards ranking quality on the real set: the judged needs of real-judgments.tsv over the real
// documents of ../shared must score at least their recorded baselines (overall and by category)
// and better than stock Xapian, both as first judged and with the grades real-pooled.tsv gives
// the documents the engines ranked that the first judgments left out. Under ctest the documents are
// indexed once for all the tests (the RealSetIndex fixture, OPSLAG_REAL_SET_DB), since each test
// is a process of its own.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
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

/// danish-bench (Folketinget speeches, PAROLE-DK, the digitalisation texts) and the real PDF,
/// Word and HTML files of ../shared, indexed once for the suite, with real-judgments.tsv.
class RealRelevanceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path shared = testing::shared_dir();
    if (shared.empty()) return;
    const DanishAnalyzer analyzer(testing::project_schema());
    if (const char* indexed = std::getenv("OPSLAG_REAL_SET_DB")) {
      db_ = new fs::path(indexed);  // by the RealSetIndex fixture of this ctest run
    } else {
      data_ = new testing::TempDir;
      db_ = new fs::path(data_->path() / "db");
      std::ostringstream errors;
      IndexUpdater updater(testing::project_schema(), analyzer, *db_, errors);
      (void)updater.run(IndexInputs{testing::real_files(shared / "real-documents"),
                                    {shared / "corpus" / "danish-bench.jsonl.gz"}});
    }
    const Searcher searcher(testing::project_schema(), analyzer, db_->string());
    rankings_ = new std::map<std::string, std::vector<std::string>>;
    const Ranker opslag = top_ten(searcher);
    for (const Judgment& j : judgments()) (*rankings_)[j.query] = opslag(j.query);
    scores_ = new std::vector<RelevanceScore>(run_judgments(ranked, judgments()));
    pooled_scores_ = new std::vector<RelevanceScore>(run_judgments(ranked, pooled()));
  }
  static void TearDownTestSuite() {
    delete scores_;
    delete pooled_scores_;
    delete rankings_;
    delete db_;
    delete data_;
  }
  void SetUp() override {
    if (db_ == nullptr) GTEST_SKIP() << "../shared is not beside the checkout: no real set";
  }
  static const Judgments& judgments() {
    static const Judgments all = read_judgments(testing::relevance_dir() / "real-judgments.tsv");
    return all;
  }
  /// judgments() with the grades of real-pooled.tsv.
  static const Judgments& pooled() {
    static const Judgments all = [] {
      Judgments j = judgments();
      add_pooled_grades(j, testing::relevance_dir() / "real-pooled.tsv");
      return j;
    }();
    return all;
  }
  /// Opslag's top 10 for a judged query, searched once for both sets of grades.
  static std::vector<std::string> ranked(const std::string& query) { return rankings_->at(query); }

  static testing::TempDir* data_;  ///< only when the suite indexes the documents itself
  static fs::path* db_;
  static std::map<std::string, std::vector<std::string>>* rankings_;
  static std::vector<RelevanceScore>* scores_;
  static std::vector<RelevanceScore>* pooled_scores_;
};

testing::TempDir* RealRelevanceTest::data_ = nullptr;
fs::path* RealRelevanceTest::db_ = nullptr;
std::map<std::string, std::vector<std::string>>* RealRelevanceTest::rankings_ = nullptr;
std::vector<RelevanceScore>* RealRelevanceTest::scores_ = nullptr;
std::vector<RelevanceScore>* RealRelevanceTest::pooled_scores_ = nullptr;

TEST_F(RealRelevanceTest, JudgedNeedsOnRealDocumentsScoreAtLeastTheRecordedBaseline) {
  ASSERT_GE(judgments().size(), 100u);
  const RelevanceScore m = mean(*scores_);
  EXPECT_GE(m.ndcg10, baseline("ndcg10", "real-baseline.txt") - 1e-3);
  EXPECT_GE(m.reciprocal_rank, baseline("mrr", "real-baseline.txt") - 1e-3);
}

TEST_F(RealRelevanceTest, WithThePooledGradesJudgedNeedsScoreAtLeastTheRecordedBaseline) {
  const RelevanceScore m = mean(*pooled_scores_);
  EXPECT_GE(m.ndcg10, baseline("pooled-ndcg10", "real-baseline.txt") - 1e-3);
  EXPECT_GE(m.reciprocal_rank, baseline("pooled-mrr", "real-baseline.txt") - 1e-3);
  for (const auto& [category, c] : mean_by_category(pooled(), *pooled_scores_))
    EXPECT_GE(c.ndcg10, baseline("pooled-ndcg10-" + category, "real-baseline.txt") - 1e-3)
        << category;
  // The pooled grades only add what was read: no need's top ten holds fewer judged documents.
  for (std::size_t i = 0; i < scores_->size(); ++i)
    EXPECT_GE((*pooled_scores_)[i].judged10, (*scores_)[i].judged10) << judgments()[i].query;
}

TEST_F(RealRelevanceTest, EveryJudgedDocumentIsInTheIndex) {
  const Xapian::Database db(db_->string());
  const std::string prefix = testing::project_schema().field("id").prefix;
  for (const Judgment& judgment : pooled()) {  // the first judgments and the pooled grades
    for (const auto& [id, grade] : judgment.grades)
      EXPECT_NE(db.postlist_begin(prefix + id), db.postlist_end(prefix + id))
          << judgment.query << ": " << id;
    for (const std::string& id : judgment.not_relevant)
      EXPECT_NE(db.postlist_begin(prefix + id), db.postlist_end(prefix + id))
          << judgment.query << ": " << id;
  }
}

TEST_F(RealRelevanceTest, EachCategoryScoresAtLeastItsRecordedBaseline) {
  for (const auto& [category, m] : mean_by_category(judgments(), *scores_)) {
    EXPECT_GE(m.ndcg10, baseline("ndcg10-" + category, "real-baseline.txt") - 1e-3) << category;
    // Issue 14 asks known-item MRR@10 of 0.95: the answer first.
    if (category == "known-item") {
      EXPECT_GE(m.reciprocal_rank, baseline("mrr-known-item", "real-baseline.txt") - 1e-3);
    }
  }
}

TEST_F(RealRelevanceTest, OpslagRanksTheRealDocumentsBetterThanStockXapian) {
  const StockXapian stock{Xapian::Database(db_->string())};
  std::map<std::string, std::vector<std::string>> stock_rankings;
  for (const Judgment& j : judgments()) stock_rankings[j.query] = stock.search(j.query);
  const Ranker stock_ranked = [&](const std::string& query) { return stock_rankings.at(query); };
  const RelevanceScore baseline = mean(run_judgments(stock_ranked, judgments()));
  EXPECT_GT(baseline.ndcg10, 0.3) << "the stock baseline found next to nothing";
  EXPECT_GT(mean(*scores_).ndcg10, baseline.ndcg10);
  // The pooled grades were given to both engines' top tens, read without knowing whose.
  EXPECT_GT(mean(*pooled_scores_).ndcg10, mean(run_judgments(stock_ranked, pooled())).ndcg10);
}

}  // namespace
}  // namespace opslag
