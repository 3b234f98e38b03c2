// Tests /search.csv and /search.jsonl on a real server over loopback: every match, up to
// --max-export, read back by Python's csv module with æ, ø and å intact.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "indexer/index_updater.h"
#include "server/http/routes.h"
#include "tests/integration/run_command.h"
#include "tests/server/http/server_thread.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

using ::testing::HasSubstr;

/// 10,050 documents, half from KL: more than the 10,000 an export gives by default.
class ExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new testing::TempDir;
    std::ofstream lines(data_->path() / "arkiv.jsonl");
    for (int i = 0; i < kDocuments; ++i) {
      const nlohmann::json doc = {
          {"id", "dok-" + std::to_string(i)},
          {"title", "Ærø, Æbelø og \"Fanø\" nr. " + std::to_string(i)},
          {"body", "Dokumentet om NemID på øerne, nummer " + std::to_string(i) + "."},
          {"date", "2020-01-01"},
          {"source", i % 2 ? "KL" : "Danske Regioner"}};
      lines << doc.dump() << '\n';
    }
    lines.close();
    std::ostringstream errors;
    IndexUpdater(testing::project_schema(), analyzer(), db_path(), errors)
        .run(IndexInputs{{}, {data_->path() / "arkiv.jsonl"}});
  }
  static void TearDownTestSuite() { delete data_; }

  static const DanishAnalyzer& analyzer() {
    static const DanishAnalyzer a(testing::project_schema());
    return a;
  }
  static std::string db_path() { return (data_->path() / "db").string(); }

  void SetUp() override {
    routes_.add_to(server_);
    running_ = std::make_unique<testing::ServerThread>(server_);
  }

  httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", running_->port());
    client.set_read_timeout(60);
    return client.Get(path);
  }

  static constexpr int kDocuments = 10'050;
  static testing::TempDir* data_;
  Searcher searcher_{testing::project_schema(), analyzer(), db_path()};
  Routes routes_{searcher_};
  HttpServer server_{HttpSettings{}};
  std::unique_ptr<testing::ServerThread> running_;
};

testing::TempDir* ExportTest::data_ = nullptr;

TEST_F(ExportTest, TenThousandMatchesAsCsvThatPythonsCsvModuleReadsBackWithDanishLetters) {
  const auto res = get("/search.csv?q=NemID");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body.substr(0, 300);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8; header=present");
  EXPECT_EQ(res->get_header_value("X-Opslag-Total"), "10050");
  EXPECT_EQ(res->get_header_value("X-Opslag-Exported"), "10000");
  EXPECT_EQ(res->get_header_value("X-Opslag-Cut"),
            "the first 10000 of 10050 matches (--max-export)");
  const auto file = data_->write("svar.csv", res->body);
  const testing::CommandResult read = testing::run(
      "python3 -c 'import csv, sys\n"
      "rows = list(csv.reader(open(sys.argv[1], encoding=\"utf-8-sig\", newline=\"\")))\n"
      "print(len(rows) - 1, rows[0], rows[1][1], rows[1][7], sep=\"|\")' " +
      file.string());
  ASSERT_EQ(read.status, 0) << read.output;
  EXPECT_THAT(read.output, ::testing::StartsWith("10000|['id', 'title', 'date', 'source', "
                                                 "'type', 'url', 'score', 'snippet']|Ærø, "
                                                 "Æbelø og \"Fanø\" nr. "));
  EXPECT_THAT(read.output, HasSubstr("|Dokumentet om NemID på øerne, nummer "));
}

TEST_F(ExportTest, JsonLinesTakeTheSearchsFiltersOneDocumentALine) {
  const auto res = get("/search.jsonl?q=NemID&source=KL");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("X-Opslag-Total"), "5025");
  EXPECT_FALSE(res->has_header("X-Opslag-Cut"));
  std::istringstream lines(res->body);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    const auto row = nlohmann::json::parse(line);
    ASSERT_EQ(row["source"], "KL") << line;
  }
  EXPECT_EQ(count, 5025);
}

TEST_F(ExportTest, AnExportTakesTheSearchsChecks) {
  const auto res = get("/search.csv?q=NemID&from=20x");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_THAT(res->body, HasSubstr("parameter from"));
  EXPECT_EQ(get("/search.jsonl")->status, 400);
}

}  // namespace
}  // namespace opslag
