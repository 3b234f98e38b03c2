// Tests that a Xapian error arising after the database was opened (a write that fails, a
// corrupt block, a remote shard that goes away) ends each executable with a message
// and an exit status, or for opslag-server a 503, never in std::terminate. Xapian::Error is
// not a std::exception: before every main ended in schema/error_exit.h, such an error aborted
// the program (SIGABRT, exit 134).
#include <gtest/gtest.h>
#include <httplib.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/integration/run_command.h"
#include "tests/support/daemon.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;
using testing::bin;
using testing::CommandResult;
using testing::run;

/// Overwrites every leaf block of the glass table `file` and keeps its branch blocks. Xapian
/// reads each table's root block when it opens a database, so the database still opens, but
/// reading what the leaves hold throws DatabaseCorruptError. Returns how many blocks were kept:
/// 0 means the table is a single leaf, which its root is, and the database would not open.
int corrupt_leaf_blocks(const fs::path& file) {
  constexpr std::size_t kBlockSize = 8192;  // glass's default, which opslag-index keeps
  constexpr std::size_t kLevelByte = 4;     // after the block's 4-byte revision; 0 is a leaf
  std::string table;
  {
    std::ifstream in(file, std::ios::binary);
    table.assign(std::istreambuf_iterator<char>(in), {});
  }
  int kept = 0;
  for (std::size_t at = 0; at + kBlockSize <= table.size(); at += kBlockSize) {
    if (table[at + kLevelByte] == 0) {
      table.replace(at, kBlockSize, kBlockSize, '\xff');
    } else {
      ++kept;
    }
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << table;
  return kept;
}

class XapianErrorsTest : public ::testing::Test {
 protected:
  /// opslag-index run over the shipped corpus (44 documents: enough for tables of more than
  /// one block) into `db`, after `shell` (commands that set limits for it).
  static CommandResult index_corpus(const fs::path& db, const std::string& shell = "") {
    return run(shell + "exec " + bin("opslag-index") + " --quiet --db " + db.string() + " " +
               (fs::path(OPSLAG_SOURCE_DIR) / "corpus").string());
  }

  /// Indexes the corpus into db_, then spoils the leaves of its document data table: the
  /// database opens and its metadata and postings read, but no document can be fetched.
  void index_and_corrupt_the_document_data() const {
    ASSERT_EQ(index_corpus(db_).status, 0);
    ASSERT_GT(corrupt_leaf_blocks(db_ / "docdata.glass"), 0) << "the table is a single block";
    ASSERT_NO_THROW((void)Xapian::Database(db_.string()).get_metadata("opslag.schema_version"))
        << "the corrupted database must still open, for the error to come after open";
  }

  /// Expects what every executable does with a Xapian error: exit status 2 (not a signal,
  /// which run() reports as -1, nor 134 from std::terminate), and one line naming the program
  /// and the error's description (and, from a search, the database: `names`).
  static void expect_message_and_exit_status(const CommandResult& r, const std::string& program,
                                             const std::string& error,
                                             const std::string& names = "") {
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_TRUE(r.output.starts_with(program + ": ")) << r.output;
    EXPECT_NE(r.output.find(error + ": "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(names), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("terminate called"), std::string::npos) << r.output;
  }

  testing::TempDir dir_;
  fs::path db_ = dir_.path() / "db";
};

TEST_F(XapianErrorsTest, TheIndexerTurnsAFailedWriteIntoAMessageAndExitStatus) {
  // A file size limit of 32 KB, with SIGXFSZ ignored so that a write past it fails with EFBIG
  // as on a full disk: making and committing the empty database writes a few bytes, the
  // corpus's tables hundreds of kilobytes.
  const CommandResult r = index_corpus(db_, "trap '' XFSZ; ulimit -f 64; ");
  expect_message_and_exit_status(r, "opslag-index", "DatabaseError");
  EXPECT_NE(r.output.find("File too large"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::exists(db_ / "iamglass")) << "the database was not even opened";
}

TEST_F(XapianErrorsTest, TheSearchCommandTurnsACorruptBlockIntoAMessageAndExitStatus) {
  index_and_corrupt_the_document_data();
  const CommandResult r = run(bin("opslag-search") + " --db " + db_.string() + " NemID");
  expect_message_and_exit_status(r, "opslag-search", "DatabaseCorruptError",
                                 "the index " + db_.string() + " cannot be read");
}

TEST_F(XapianErrorsTest, TheRelevanceCommandTurnsACorruptBlockIntoAMessageAndExitStatus) {
  index_and_corrupt_the_document_data();
  const CommandResult r = run(bin("opslag-relevance") + " --quiet --db " + db_.string());
  expect_message_and_exit_status(r, "opslag-relevance", "DatabaseCorruptError",
                                 "the index " + db_.string() + " cannot be read");
}

TEST_F(XapianErrorsTest, TheServerAnswers503WhenItsRemoteShardGoesAwayAndKeepsServing) {
  ASSERT_EQ(index_corpus(db_).status, 0);
  auto shard = std::make_unique<testing::TcpServer>(db_);
  ASSERT_TRUE(shard->running()) << "xapian-tcpsrv did not start";
  const int port = testing::free_port();
  testing::Daemon server(
      {bin("opslag-server"), "--db", shard->source(), "--port", std::to_string(port)}, port);
  ASSERT_TRUE(testing::listening(port)) << "opslag-server did not start";
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(15, 0);
  const auto before = client.Get("/search?q=NemID");
  ASSERT_TRUE(before) << httplib::to_string(before.error());
  ASSERT_EQ(before->status, 200) << before->body;

  shard.reset();  // xapian-tcpsrv and the connection it forked for the server go away
  const auto after = client.Get("/search?q=NemID");
  ASSERT_TRUE(after) << "no response: " << httplib::to_string(after.error());
  EXPECT_EQ(after->status, 503) << after->body;
  const auto body = nlohmann::json::parse(after->body, nullptr, false);
  EXPECT_TRUE(body.is_object() && body["error"].is_string()) << after->body;

  // The next request tries to reconnect, which fails too: 503 again, naming no address.
  const auto again = client.Get("/search?q=NemID");
  ASSERT_TRUE(again) << "no response: " << httplib::to_string(again.error());
  EXPECT_EQ(again->status, 503) << again->body;
  EXPECT_EQ(again->body.find("127.0.0.1"), std::string::npos) << again->body;
  // Still serving: wait_exit reaps it (and running() turns false) if it exited or was killed.
  (void)server.wait_exit(std::chrono::milliseconds(100));
  EXPECT_TRUE(server.running()) << "opslag-server exited";
  EXPECT_TRUE(testing::listening(port));
}

}  // namespace
}  // namespace opslag
