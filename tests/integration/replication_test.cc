// Tests read replicas made with Xapian's own replication: xapian-replicate-server serving the
// folder opslag-index writes into, xapian-replicate keeping a copy that opslag-search reads.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/integration/run_command.h"
#include "tests/support/daemon.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;
using testing::bin;
using testing::run;

class ReplicationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("nemid.txt", "NemID lanceres\n\n01-07-2010\n\nMed NemID logger borgerne på.\n");
    corpus_.write("post.txt", "Digital Post\n\n01-11-2014\n\nBreve kommer i Digital Post.\n");
    ASSERT_EQ(index().status, 0);
  }
  testing::CommandResult index() const {
    return run(bin("opslag-index") + " --quiet --db " + (master_.path() / "opslag").string() + " " +
               corpus_.path().string());
  }
  /// One replication pass into the replica folder (bounded in time).
  testing::CommandResult replicate(int port) const {
    return run("timeout 60 xapian-replicate --one-shot --quiet -h 127.0.0.1 -p " +
               std::to_string(port) + " -m opslag " + replica().string());
  }
  nlohmann::json search(const std::string& query) const {
    const auto r =
        run(bin("opslag-search") + " --json --db " + replica().string() + " '" + query + "'");
    return nlohmann::json::parse(r.output);
  }
  fs::path replica() const { return replica_.path() / "opslag"; }

  testing::TempDir corpus_;
  testing::TempDir master_;
  testing::TempDir replica_;
};

TEST_F(ReplicationTest, AReplicaCanBeSearchedAndFollowsTheMaster) {
  const int port = testing::free_port();
  testing::Daemon server({"xapian-replicate-server", "-I", "127.0.0.1", "-p", std::to_string(port),
                          master_.path().string()},
                         port);
  ASSERT_TRUE(server.running()) << "xapian-replicate-server did not start";
  const auto first = replicate(port);
  ASSERT_EQ(first.status, 0) << first.output;
  EXPECT_EQ(search("NemID")["total"], 1);

  corpus_.write("mitid.txt", "MitID afløser NemID\n\n18-10-2021\n\nMitID er her.\n");
  ASSERT_EQ(index().status, 0);
  const auto second = replicate(port);
  ASSERT_EQ(second.status, 0) << second.output;
  const auto hits = search("NemID");
  EXPECT_EQ(hits["total"], 2) << hits.dump();
}

}  // namespace
}  // namespace opslag
