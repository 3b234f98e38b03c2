// Tests where opslag-search --new-since-last-run keeps its time, and how it reads it back.
#include "server/cli/last_run.h"

#include <gtest/gtest.h>

#include <fstream>

#include "schema/errors.h"
#include "tests/support/temp_dir.h"
#include "tests/support/thrown_message.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

SearchRequest search(const std::string& query) {
  SearchRequest request;
  request.query = query;
  return request;
}

TEST(LastRunTest, EachSearchHasAFileOfItsOwnUnderTheStateFolder) {
  const std::vector<std::string> db{"data/opslag.db"};
  const fs::path nemid = LastRun::default_file(search("NemID"), db, "/state", "/home/a");
  EXPECT_EQ(nemid.parent_path(), fs::path("/state/opslag"));
  EXPECT_EQ(nemid, LastRun::default_file(search("NemID"), db, "/state", nullptr));
  EXPECT_NE(nemid, LastRun::default_file(search("MitID"), db, "/state", nullptr));
  SearchRequest filtered = search("NemID");
  filtered.sources = {"KL"};
  EXPECT_NE(nemid, LastRun::default_file(filtered, db, "/state", nullptr));
  EXPECT_NE(nemid, LastRun::default_file(search("NemID"), {"other.db"}, "/state", nullptr));
  EXPECT_EQ(LastRun::default_file(search("NemID"), db, nullptr, "/home/a").parent_path(),
            fs::path("/home/a/.local/state/opslag"));
  EXPECT_NE(testing::thrown_message<BadInput>([&] {
              (void)LastRun::default_file(search("NemID"), db, nullptr, nullptr);
            }).find("--last-run-file"),
            std::string::npos);
}

TEST(LastRunTest, ReadsNothingBeforeTheFirstRunAndThenWhatWasWritten) {
  testing::TempDir dir;
  const LastRun last(dir.path() / "new" / "folders" / "nemid");
  EXPECT_EQ(last.read(), "");
  last.write("2026-12-05T07:12:33.000042Z");
  EXPECT_EQ(last.read(), "2026-12-05T07:12:33.000042Z");
  last.write("2026-12-06T07:12:33.000042Z");
  EXPECT_EQ(last.read(), "2026-12-06T07:12:33.000042Z");
}

TEST(LastRunTest, AFileThatHoldsNoTimeIsNamedNotTakenForTheFirstRun) {
  testing::TempDir dir;
  { std::ofstream(dir.path() / "nemid") << "rubbish\n"; }
  const std::string message =
      testing::thrown_message<BadInput>([&] { (void)LastRun(dir.path() / "nemid").read(); });
  EXPECT_NE(message.find("nemid: does not hold the time of a last run"), std::string::npos)
      << message;
}

}  // namespace
}  // namespace opslag
