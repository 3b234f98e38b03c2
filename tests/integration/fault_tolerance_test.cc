// Tests that Opslag keeps answering and loses nothing when things go wrong: a reindex under
// load, opslag-index killed with SIGKILL mid-run, and opslag-server stopped with SIGTERM.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "tests/integration/run_command.h"
#include "tests/support/daemon.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;
using testing::bin;
using testing::run;

/// JSON lines of `count` small documents "<prefix>-0" …, each mentioning NemID.
void write_jsonl(const fs::path& file, const std::string& prefix, int count) {
  std::ofstream out(file);
  for (int i = 0; i < count; ++i)
    out << nlohmann::json{{"id", prefix + "-" + std::to_string(i)},
                          {"title", "Notat " + std::to_string(i) + " om NemID"},
                          {"date", "2014-05-01"},
                          {"source", "Digitaliseringsstyrelsen"},
                          {"body",
                           "Notatet " + prefix + " nummer " + std::to_string(i) +
                               " handler om NemID, borger.dk og Digital Post i kommunerne."}}
               .dump()
        << '\n';
}

Xapian::doccount documents_in(const fs::path& db) {
  return Xapian::Database(db.string()).get_doccount();
}

class FaultToleranceTest : public ::testing::Test {
 protected:
  std::string index_command(const std::string& inputs) const {
    return bin("opslag-index") + " --quiet --db " + db_.string() + " " + inputs;
  }
  /// opslag-server on the database, listening on `port` once it has started.
  std::unique_ptr<testing::Daemon> serve(int port) const {
    return std::make_unique<testing::Daemon>(
        std::vector<std::string>{bin("opslag-server"), "--db", db_.string(), "--port",
                                 std::to_string(port)},
        port);
  }
  testing::TempDir dir_;
  fs::path db_ = dir_.path() / "db";
};

TEST_F(FaultToleranceTest, SearchesDuringAReindexAllSucceedWithWholeAnswers) {
  write_jsonl(dir_.path() / "first.jsonl", "first", 300);
  ASSERT_EQ(run(index_command("--jsonl " + (dir_.path() / "first.jsonl").string())).status, 0);
  const int port = testing::free_port();
  const std::unique_ptr<testing::Daemon> server = serve(port);
  ASSERT_TRUE(testing::listening(port)) << "opslag-server did not start";

  // Reindexes five times, each run adding 2,000 documents in batches, while clients search.
  std::atomic<bool> indexing = true;
  std::thread indexer([&] {
    std::string inputs = "--jsonl " + (dir_.path() / "first.jsonl").string();
    for (int round = 0; round < 5; ++round) {
      const fs::path more = dir_.path() / ("more-" + std::to_string(round) + ".jsonl");
      write_jsonl(more, "more" + std::to_string(round), 2000);
      inputs += " --jsonl " + more.string();
      EXPECT_EQ(run(index_command(inputs)).status, 0);
    }
    indexing = false;
  });
  // Each client searches until the reindexing is over: at least 400 times, at most 20,000.
  constexpr int kMinRequests = 400, kMaxRequests = 20000;
  std::atomic<int> answered = 0, failed = 0, saw_new = 0;
  std::vector<std::thread> clients;
  for (int c = 0; c < 3; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(10, 0);
      for (int i = 0; i < kMaxRequests && (i < kMinRequests || indexing); ++i) {
        const auto res = client.Get(c == 0 ? "/search?q=NemID&size=10" : "/search?q=kommunerne");
        const nlohmann::json body =
            res ? nlohmann::json::parse(res->body, nullptr, false) : nlohmann::json();
        // Whole answers only: at least the first run's documents, ten hits, each with its title.
        const bool whole = res && res->status == 200 && body.is_object() &&
                           body["total"].get<int>() >= 300 && body["hits"].size() == 10 &&
                           body["hits"][9]["title"].get<std::string>().starts_with("Notat ");
        ++(whole ? answered : failed);
        if (whole && body["total"].get<int>() > 300) ++saw_new;
        if (!whole)
          ADD_FAILURE() << (res ? res->body : "no response: " + httplib::to_string(res.error()));
      }
    });
  }
  for (std::thread& t : clients) t.join();
  indexer.join();
  EXPECT_EQ(failed, 0);
  EXPECT_GE(answered, 3 * kMinRequests);
  EXPECT_GT(saw_new, 0) << "no search saw the reindex";
  EXPECT_EQ(documents_in(db_), 300u + 5 * 2000u);
}

TEST_F(FaultToleranceTest, SearchesDuringRebuildsAllSucceedAndFollowTheNewDatabase) {
  // Two archives of 300 documents with other ids; each rebuild replaces one by the other.
  write_jsonl(dir_.path() / "a.jsonl", "a", 300);
  write_jsonl(dir_.path() / "b.jsonl", "b", 300);
  ASSERT_EQ(run(index_command("--jsonl " + (dir_.path() / "a.jsonl").string())).status, 0);
  const int port = testing::free_port();
  const std::unique_ptr<testing::Daemon> server = serve(port);
  ASSERT_TRUE(testing::listening(port)) << "opslag-server did not start";

  std::atomic<bool> rebuilding = true;
  std::thread indexer([&] {
    for (int round = 0; round < 4; ++round) {
      const std::string archive = (dir_.path() / (round % 2 == 0 ? "b.jsonl" : "a.jsonl")).string();
      EXPECT_EQ(run(index_command("--rebuild --allow-mass-delete --jsonl " + archive)).status, 0);
    }
    rebuilding = false;
  });
  constexpr int kMinRequests = 300, kMaxRequests = 20000;
  std::atomic<int> failed = 0;
  std::set<std::string> first_ids;
  std::mutex ids_mutex;
  std::vector<std::thread> clients;
  for (int c = 0; c < 2; ++c) {
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(10, 0);
      for (int i = 0; i < kMaxRequests && (i < kMinRequests || rebuilding); ++i) {
        const auto res = client.Get("/search?q=NemID&size=1&sort=-date");
        const nlohmann::json body =
            res ? nlohmann::json::parse(res->body, nullptr, false) : nlohmann::json();
        if (!(res && res->status == 200 && body.is_object() && body["total"] == 300)) {
          ++failed;
          ADD_FAILURE() << (res ? res->body : "no response: " + httplib::to_string(res.error()));
          continue;
        }
        std::lock_guard lock(ids_mutex);
        first_ids.insert(body["hits"][0]["id"].get<std::string>().substr(0, 2));
      }
    });
  }
  for (std::thread& t : clients) t.join();
  indexer.join();
  EXPECT_EQ(failed, 0);
  // Both archives were searched: the server moved to each new database as it was put in place.
  EXPECT_EQ(first_ids, (std::set<std::string>{"a-", "b-"}));
  const auto last = httplib::Client("127.0.0.1", port).Get("/search?q=NemID&size=1");
  ASSERT_TRUE(last);
  EXPECT_EQ(nlohmann::json::parse(last->body)["hits"][0]["id"].get<std::string>().substr(0, 2),
            "a-");
  EXPECT_FALSE(fs::exists(dir_.path() / "db.rebuild"));
}

TEST_F(FaultToleranceTest, KillingTheIndexerMidRunKeepsThePreviousRevisionAndTheNextRunFinishes) {
  write_jsonl(dir_.path() / "old.jsonl", "old", 50);
  const std::string old_input = "--jsonl " + (dir_.path() / "old.jsonl").string();
  ASSERT_EQ(run(index_command(old_input)).status, 0);
  const Xapian::rev before = Xapian::Database(db_.string()).get_revision();

  write_jsonl(dir_.path() / "new.jsonl", "new", 20000);
  const std::string both = old_input + " --jsonl " + (dir_.path() / "new.jsonl").string();
  {
    testing::Daemon indexer(
        {bin("opslag-index"), "--quiet", "--db", db_.string(), "--jsonl",
         (dir_.path() / "old.jsonl").string(), "--jsonl", (dir_.path() / "new.jsonl").string()},
        0);
    ASSERT_TRUE(indexer.running());
    // Kill it as soon as its first batch is committed, in the middle of the next.
    for (int i = 0; i < 2000 && Xapian::Database(db_.string()).get_revision() <= before; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_GT(Xapian::Database(db_.string()).get_revision(), before) << "no batch was committed";
    ASSERT_EQ(kill(indexer.pid(), SIGKILL), 0);
    EXPECT_EQ(indexer.wait_exit(std::chrono::seconds(5)), -1);  // killed, not exited
  }
  const Xapian::doccount after_kill = documents_in(db_);
  EXPECT_GE(after_kill, 50u);
  EXPECT_LT(after_kill, 50u + 20000u) << "the run finished before it was killed";
  const auto found =
      run(bin("opslag-search") + " --json --db " + db_.string() + " '\"Notatet old\"'");
  ASSERT_EQ(found.status, 0) << found.output;
  EXPECT_EQ(nlohmann::json::parse(found.output)["total"], 50) << found.output;

  const auto rerun = run(bin("opslag-index") + " --db " + db_.string() + " " + both);
  EXPECT_EQ(rerun.status, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("failed 0"), std::string::npos) << rerun.output;
  EXPECT_EQ(documents_in(db_), 50u + 20000u);
}

/// A TCP connection to 127.0.0.1:`port`, closed when it goes.
class Connection {
 public:
  explicit Connection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Connection() { close(fd_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  [[nodiscard]] bool connected() const { return connected_; }
  void send(std::string_view text) const { (void)::send(fd_, text.data(), text.size(), 0); }
  /// Everything the server sends until it closes the connection.
  [[nodiscard]] std::string read_all() const {
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = recv(fd_, buffer, sizeof buffer, 0)) > 0;)
      out.append(buffer, static_cast<std::size_t>(n));
    return out;
  }

 private:
  int fd_;
  bool connected_ = false;
};

TEST_F(FaultToleranceTest, SigtermFinishesTheRequestInFlightThenExitsZero) {
  write_jsonl(dir_.path() / "docs.jsonl", "doc", 20);
  ASSERT_EQ(run(index_command("--jsonl " + (dir_.path() / "docs.jsonl").string())).status, 0);
  const int port = testing::free_port();
  const std::unique_ptr<testing::Daemon> server = serve(port);
  ASSERT_TRUE(testing::listening(port)) << "opslag-server did not start";

  // Half a request before the signal, the rest after: it is in flight when SIGTERM comes.
  const Connection connection(port);
  ASSERT_TRUE(connection.connected());
  connection.send("GET /search?q=NemID HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_EQ(kill(server->pid(), SIGTERM), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(testing::listening(port)) << "still accepting connections after SIGTERM";
  connection.send("Connection: close\r\n\r\n");
  const std::string answer = connection.read_all();
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
  EXPECT_NE(answer.find("\"total\":20"), std::string::npos) << answer;
  EXPECT_EQ(server->wait_exit(std::chrono::seconds(10)), 0);
}

}  // namespace
}  // namespace opslag
