// Tests sharded databases: opslag-index --shards, and searching shards as one, locally and over
// Xapian's remote backend (two xapian-tcpsrv processes on 127.0.0.1).
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

#include "indexer/index_updater.h"
#include "schema/errors.h"
#include "server/engine/searcher.h"
#include "server/eval/relevance_metrics.h"
#include "tests/support/daemon.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_request.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

using testing::TcpServer;

class ShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    single_ = new testing::TempDir;
    sharded_ = new testing::TempDir;
    const DanishAnalyzer analyzer(testing::project_schema());
    const fs::path corpus = fs::path(OPSLAG_SOURCE_DIR) / "corpus";
    std::ostringstream errors;
    IndexUpdater(testing::project_schema(), analyzer, single_->path() / "db", errors).run({corpus});
    IndexUpdater sharded(testing::project_schema(), analyzer, sharded_->path() / "db", errors);
    sharded.set_shards(2);
    sharded.run({corpus});
  }
  static void TearDownTestSuite() {
    delete single_;
    delete sharded_;
  }

  /// For every judged query, its top 10 as "id score" lines, equal scores in id order (shards
  /// number documents differently, and Xapian breaks ties by document number).
  static std::vector<std::string> top_tens(const Searcher& searcher) {
    std::vector<std::string> out;
    for (const Judgment& judgment :
         read_judgments(fs::path(OPSLAG_SOURCE_DIR) / "tests/relevance/judgments.tsv")) {
      const std::string& query = judgment.query;
      std::vector<std::pair<double, std::string>> hits;
      for (const Hit& hit : searcher.search(testing::request(query)).hits)
        hits.emplace_back(-std::round(hit.score * 1e6) / 1e6, hit.doc.id);
      std::sort(hits.begin(), hits.end());
      std::string line = query + ":";
      for (const auto& [score, id] : hits) line += " " + id + " " + std::to_string(-score);
      out.push_back(std::move(line));
    }
    return out;
  }

  /// The lines that differ, for a readable failure.
  static std::string differences(const std::vector<std::string>& a,
                                 const std::vector<std::string>& b) {
    std::string out;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
      if (a[i] != b[i]) out += "\n  " + a[i] + "\n  " + b[i];
    return out;
  }

  static fs::path single() { return single_->path() / "db"; }
  static fs::path sharded() { return sharded_->path() / "db"; }

  DanishAnalyzer analyzer_{testing::project_schema()};
  static testing::TempDir* single_;
  static testing::TempDir* sharded_;
};

testing::TempDir* ShardsTest::single_ = nullptr;
testing::TempDir* ShardsTest::sharded_ = nullptr;

TEST_F(ShardsTest, SplitsTheDocumentsOverTheShardsByTheirIds) {
  const Xapian::doccount a = Xapian::Database((sharded() / "shard-0").string()).get_doccount();
  const Xapian::doccount b = Xapian::Database((sharded() / "shard-1").string()).get_doccount();
  EXPECT_GT(a, 0u);
  EXPECT_GT(b, 0u);
  EXPECT_EQ(a + b, Xapian::Database(single().string()).get_doccount());
}

TEST_F(ShardsTest, HealthCountsTheDocumentsOfEveryShard) {
  const Searcher shards(testing::project_schema(), analyzer_, sharded().string());
  const IndexStatus status = shards.status();
  EXPECT_EQ(status.shards, 2u);
  EXPECT_EQ(status.documents, Xapian::Database(single().string()).get_doccount());
}

TEST_F(ShardsTest, ShardsSearchedAsOneRankLikeOneDatabase) {
  const Searcher one(testing::project_schema(), analyzer_, single().string());
  const Searcher shards(testing::project_schema(), analyzer_, sharded().string());
  const auto expected = top_tens(one), got = top_tens(shards);
  EXPECT_TRUE(got == expected) << differences(got, expected);
  const SearchResult a = one.search(testing::request("nemdi portal"));
  const SearchResult b = shards.search(testing::request("nemdi portal"));
  EXPECT_EQ(b.total, a.total);
  EXPECT_EQ(b.suggestion, a.suggestion);
  EXPECT_EQ(b.years.size(), a.years.size());
  ASSERT_FALSE(a.hits.empty());
  EXPECT_EQ(b.hits[0].snippet, a.hits[0].snippet);
}

TEST_F(ShardsTest, RemoteShardsServedByXapianTcpsrvRankLikeOneDatabase) {
  TcpServer first(sharded() / "shard-0"), second(sharded() / "shard-1");
  ASSERT_TRUE(first.running() && second.running()) << "xapian-tcpsrv did not start";
  const Searcher one(testing::project_schema(), analyzer_, single().string());
  const Searcher remote(testing::project_schema(), analyzer_,
                        std::vector<std::string>{first.source(), second.source()});
  const auto expected = top_tens(one), got = top_tens(remote);
  EXPECT_TRUE(got == expected) << differences(got, expected);
}

TEST_F(ShardsTest, RemoteShardsSuggestLikeOneDatabaseWithTheLexiconBesideThem) {
  TcpServer first(sharded() / "shard-0"), second(sharded() / "shard-1");
  ASSERT_TRUE(first.running() && second.running()) << "xapian-tcpsrv did not start";
  ShardPolicy policy;
  policy.lexicon = (sharded() / "lexicon").string();
  const Searcher one(testing::project_schema(), analyzer_, single().string());
  const Searcher remote(testing::project_schema(), analyzer_,
                        std::vector<std::string>{first.source(), second.source()}, policy);
  // The words are counted by the lexicon, not asked of every shard one by one: the same
  // suggestions, the same compounds listed in the same order, the same ranking.
  const auto listed = [](const SearchResult& r) {
    std::vector<std::string> out;
    for (const Expansion& e : r.expansions) out.push_back(e.kind + ":" + e.from + ">" + e.to);
    return out;
  };
  for (const char* query : {"nemdi portal", "digitalisring", "sundhedsportel", "strategi", "portal",
                            "aarhus kommune"}) {
    const SearchResult a = one.search(testing::request(query));
    const SearchResult b = remote.search(testing::request(query));
    EXPECT_EQ(b.suggestion, a.suggestion) << query;
    EXPECT_EQ(listed(b), listed(a)) << query;
  }
  const auto expected = top_tens(one), got = top_tens(remote);
  EXPECT_TRUE(got == expected) << differences(got, expected);
}

TEST_F(ShardsTest, AShardThatStopsGivesAnErrorNotAHang) {
  auto first = std::make_unique<TcpServer>(sharded() / "shard-0");
  TcpServer second(sharded() / "shard-1");
  ASSERT_TRUE(first->running() && second.running()) << "xapian-tcpsrv did not start";
  const Searcher remote(testing::project_schema(), analyzer_,
                        std::vector<std::string>{first->source(), second.source()});
  ASSERT_FALSE(remote.search(testing::request("NemID")).hits.empty());
  first.reset();  // the shard goes away mid-run
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW((void)remote.search(testing::request("NemID")), Xapian::NetworkError);
  EXPECT_THROW((void)remote.search(testing::request("NemID")), std::exception);  // still down
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

TEST_F(ShardsTest, AShardThatNeverAnswersTimesOut) {
  // A socket that accepts connections (the kernel's backlog) but never says a word.
  const int silent = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(silent, 4), 0);
  socklen_t length = sizeof address;
  getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length);
  ShardPolicy policy;
  policy.timeouts = {500, 500};
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(
      Searcher(testing::project_schema(), analyzer_,
               std::vector<std::string>{sharded().string(),
                                        "tcp:127.0.0.1:" + std::to_string(ntohs(address.sin_port))},
               policy),
      Error);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  close(silent);
}

TEST_F(ShardsTest, WithPartialAllowedTheOtherShardsAnswerAndSaySo) {
  auto first = std::make_unique<TcpServer>(sharded() / "shard-0");
  TcpServer second(sharded() / "shard-1");
  ASSERT_TRUE(first->running() && second.running()) << "xapian-tcpsrv did not start";
  ShardPolicy policy;
  policy.allow_partial = true;
  const Searcher remote(testing::project_schema(), analyzer_,
                        std::vector<std::string>{first->source(), second.source()}, policy);
  const SearchResult whole = remote.search(testing::request("digital"));
  EXPECT_FALSE(whole.partial);
  first.reset();
  const SearchResult part = remote.search(testing::request("digital"));
  EXPECT_TRUE(part.partial);
  EXPECT_GT(part.total, 0u);
  EXPECT_LT(part.total, whole.total);
  const Xapian::Database shard_1((sharded() / "shard-1").string());
  for (const Hit& hit : part.hits)  // every hit comes from the shard still up
    EXPECT_NE(shard_1.postlist_begin("Q" + hit.doc.id), shard_1.postlist_end("Q" + hit.doc.id));
}

TEST_F(ShardsTest, AnIncrementalRunUpdatesAndDeletesInTheRightShard) {
  testing::TempDir corpus, data;
  corpus.write("a.txt", "NemID lanceres\n\nTekst om NemID.\n");
  corpus.write("b.txt", "Digital Post\n\nTekst om Digital Post.\n");
  corpus.write("c.txt", "MitID kommer\n\nTekst om MitID.\n");
  std::ostringstream errors;
  IndexUpdater updater(testing::project_schema(), analyzer_, data.path() / "db", errors);
  updater.set_shards(2);
  ASSERT_EQ(updater.run({corpus.path()}).added, 3);
  corpus.write("a.txt", "NemID afløses\n\nTekst om MitID.\n");
  std::filesystem::remove(corpus.path() / "b.txt");
  IndexUpdater again(testing::project_schema(), analyzer_, data.path() / "db", errors);
  const IndexSummary summary = again.run({corpus.path()});  // the shard count is remembered
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(summary.deleted, 1);
  const Searcher searcher(testing::project_schema(), analyzer_, (data.path() / "db").string());
  EXPECT_EQ(searcher.search(testing::request("MitID")).total, 2u);
  EXPECT_EQ(searcher.search(testing::request("\"Digital Post\"")).total, 0u);
}

TEST_F(ShardsTest, RefusesToChangeTheNumberOfShards) {
  std::ostringstream errors;
  IndexUpdater updater(testing::project_schema(), analyzer_, sharded(), errors);
  updater.set_shards(3);
  try {
    (void)updater.run({fs::path(OPSLAG_SOURCE_DIR) / "corpus"});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("has 2 shards, not 3"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace opslag
