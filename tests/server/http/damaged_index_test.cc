// Tests what clients get when the index on disk is damaged, missing or being rebuilt: 503 naming
// the database, never a 400 that blames them, never a 500, and a server that stays up.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "server/http/routes.h"
#include "tests/server/http/http_answers.h"
#include "tests/server/http/server_thread.h"
#include "tests/support/tiny_index.h"

namespace opslag {
namespace {

using nlohmann::json;
using testing::expect_error;

/// The API over the tiny index on a loopback port; the test damages the index under it.
class DamagedIndexTest : public ::testing::Test {
 protected:
  DamagedIndexTest() {
    routes_.add_to(server_);
    running_ = std::make_unique<testing::ServerThread>(server_);
  }

  httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", running_->port());
    return client.Get(path);
  }

  /// Replaces the stored data of the document holding "NemID" with `data`, its terms kept.
  void store_data_of_nemid_document(const std::string& data) {
    Xapian::WritableDatabase db(index_.db_path());
    for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) {
      Xapian::Document doc = db.get_document(d);
      if (doc.get_data().find("NemID") == std::string::npos) continue;
      doc.set_data(data);
      db.replace_document(d, doc);
    }
    db.commit();
  }

  testing::TinyIndex index_;
  Searcher searcher_{testing::project_schema(), index_.analyzer(), index_.db_path()};
  HttpServer server_{HttpSettings{}};
  Routes routes_{searcher_};
  std::unique_ptr<testing::ServerThread> running_;
};

TEST_F(DamagedIndexTest, StoredDataThatIsNotOursGets503NamingTheDatabase) {
  store_data_of_nemid_document("garbage without a separator");
  expect_error(get("/search?q=NemID"), 503, index_.db_path());
  store_data_of_nemid_document(std::string("{\"title\": 5", 11) + '\0' + "NemID");
  expect_error(get("/search?q=NemID"), 503, "is not available");
}

TEST_F(DamagedIndexTest, StoredTextThatIsNotUtf8Gets503NotA400) {
  store_data_of_nemid_document(std::string("{\"id\":\"nemid.txt\"}") + '\0' +
                               "NemID \xff\xfe er en log-in");
  expect_error(get("/search?q=NemID"), 503, index_.db_path());
}

TEST_F(DamagedIndexTest, AStoredTitleThatIsNotUtf8Gets503BeforeItsHeadingIsRead) {
  store_data_of_nemid_document(std::string("{\"id\":\"nemid.txt\",\"title\":\"NemID \xff\"}") +
                               '\0' + "NemID er en log-in");
  expect_error(get("/search?q=NemID"), 503, index_.db_path());
}

TEST_F(DamagedIndexTest, AMissingDatabaseMakesHealthSayUnavailable) {
  ASSERT_EQ(get("/health")->status, 200);
  std::filesystem::remove_all(index_.db_path());
  const auto health = get("/health");
  ASSERT_EQ(health->status, 503) << health->body;
  const json body = json::parse(health->body);
  EXPECT_EQ(body["status"], "unavailable");
  EXPECT_NE(body["error"].get<std::string>().find(index_.db_path()), std::string::npos) << body;
  expect_error(get("/search?q=NemID"), 503, index_.db_path());
}

TEST_F(DamagedIndexTest, TruncatedTablesNeverTakeTheServerDown) {
  ASSERT_EQ(get("/search?q=NemID")->status, 200);
  // What Xapian has read is cached, so some answers may still be whole; none may be a 500.
  for (const char* table : {"postlist.glass", "termlist.glass", "docdata.glass"}) {
    const std::filesystem::path file = std::filesystem::path(index_.db_path()) / table;
    std::filesystem::resize_file(file, std::filesystem::file_size(file) / 3);
  }
  for (const char* path : {"/search?q=NemID", "/search?q=digital", "/documents/nemid.txt",
                           "/documents/nemid.txt/similar"}) {
    const auto res = get(path);
    ASSERT_TRUE(res) << path << ": no answer: the server went down";
    EXPECT_TRUE(res->status == 503 || res->status == 200 || res->status == 404)
        << path << " answered " << res->status << ": " << res->body;
  }
  const auto health = get("/health");
  ASSERT_TRUE(health);
  EXPECT_TRUE(health->status == 200 || health->status == 503) << health->body;
}

}  // namespace
}  // namespace opslag
