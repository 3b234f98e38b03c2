// Tests the HTTP API on a real server on an ephemeral loopback port.
#include "server/http/routes.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/server/http/http_answers.h"
#include "tests/server/http/server_thread.h"
#include "tests/support/tiny_index.h"

namespace opslag {
namespace {

using nlohmann::json;
using testing::body_of;

class SearchRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    routes_.add_to(server_);
    running_ = std::make_unique<testing::ServerThread>(server_);
    port_ = running_->port();
    ASSERT_GT(port_, 0);
  }

  /// GETs `path`; fails the test if no response came back.
  httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path);
  }

  void expect_400(const std::string& path, const std::string& mentions) {
    SCOPED_TRACE(path);
    testing::expect_error(get(path), 400, mentions);
  }

  testing::TinyIndex index_;
  Searcher searcher_{testing::project_schema(), index_.analyzer(), index_.db_path()};
  Routes routes_{searcher_};
  HttpServer server_{HttpSettings{}};
  std::unique_ptr<testing::ServerThread> running_;
  int port_ = 0;
};

TEST_F(SearchRoutesTest, SearchAnswersJsonWithRankedHighlightedHits) {
  const auto res = get("/search?q=NemID");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json body = body_of(res);
  for (const char* key : {"query", "total", "page", "size", "took_ms", "hits"})
    EXPECT_TRUE(body.contains(key)) << key;
  EXPECT_EQ(body["query"], "NemID");
  EXPECT_EQ(body["page"], 1);
  EXPECT_EQ(body["size"], 10);
  ASSERT_FALSE(body["hits"].empty());
  const json& hit = body["hits"][0];
  for (const char* key : {"id", "title", "date", "source", "type", "url", "score", "snippet"})
    EXPECT_TRUE(hit.contains(key)) << key;
  EXPECT_EQ(hit["id"], "nemid.txt");
  EXPECT_NE(hit["snippet"].get<std::string>().find("<mark>NemID</mark>"), std::string::npos);
}

TEST_F(SearchRoutesTest, MisspelledQueryGetsASuggestionOthersNull) {
  EXPECT_EQ(body_of(get("/search?q=nemdi"))["suggestion"], "nemid");
  EXPECT_TRUE(body_of(get("/search?q=NemID"))["suggestion"].is_null());
}

TEST_F(SearchRoutesTest, ListsExpansionsSoAJournalistSeesWhyADocumentMatched) {
  const json body = body_of(get("/search?q=e-Boks%20selvbetj*"));
  ASSERT_TRUE(body["expansions"].is_array());
  ASSERT_EQ(body["expansions"].size(), 2u) << body["expansions"].dump();
  EXPECT_EQ(body["expansions"][0]["type"], "variant");
  EXPECT_EQ(body["expansions"][0]["to"], "eboks");
  EXPECT_EQ(body["expansions"][1]["type"], "wildcard");
  EXPECT_EQ(body["expansions"][1]["to"], "selvbetjening");
}

TEST_F(SearchRoutesTest, PhraseQueryRanksThePhraseFirst) {
  const json body = body_of(get("/search?q=%22Digital%20Post%22"));
  ASSERT_EQ(body["hits"].size(), 1u);
  EXPECT_EQ(body["hits"][0]["id"], "digital-post.txt");
}

TEST_F(SearchRoutesTest, PagingParametersAreHonoured) {
  const json body = body_of(get("/search?q=digital%20post&page=2&size=1"));
  EXPECT_EQ(body["page"], 2);
  EXPECT_EQ(body["size"], 1);
  EXPECT_EQ(body["hits"].size(), 1u) << body.dump();
}

TEST_F(SearchRoutesTest, MissingQueryGets400WithJsonError) { expect_400("/search", "parameter q"); }

TEST_F(SearchRoutesTest, EmptyQueryGets400WithJsonError) {
  expect_400("/search?q=", "parameter q is empty");
  expect_400("/search?q=%20%20", "parameter q is empty");
}

TEST_F(SearchRoutesTest, QueryWithoutWordsGets400) { expect_400("/search?q=%21%21", "no words"); }

TEST_F(SearchRoutesTest, OverLongQueryGets400) {
  expect_400("/search?q=" + std::string(Limits{}.max_query_bytes + 1, 'a'), "longer than 1000");
}

TEST_F(SearchRoutesTest, InvalidUtf8Gets400) { expect_400("/search?q=%FFabc", "not valid UTF-8"); }

TEST_F(SearchRoutesTest, BadPageAndSizeGet400NamingTheParameter) {
  expect_400("/search?q=nemid&page=0", "parameter page");
  expect_400("/search?q=nemid&page=abc", "parameter page");
  expect_400("/search?q=nemid&page=2x", "parameter page");
  expect_400("/search?q=nemid&page=-1", "parameter page");
  expect_400("/search?q=nemid&size=0", "parameter size");
  expect_400("/search?q=nemid&size=101", "parameter size");
  expect_400("/search?q=nemid&page=99999999999999999999", "parameter page");
  expect_400("/search?q=nemid&page=101&size=100", "out of range");
}

TEST_F(SearchRoutesTest, OddQueriesGetAnAnswerNeverA500) {
  for (const char* q :
       {"AND", "%28%28%28", "%22", "-", "%2B", "NOT%20NOT", "%00", "*", "%29NemID%28",
        "OG%20ELLER%20IKKE", "%22%22%22NemID", "-NemID", "NemID%20-", "%C3%A6%C3%B8%C3%A5",
        "%E2%80%93", "%F0%9F%98%80", "a%09b%0Ac", "%2B%2B%2B", "(%22Digital%20Post%22"}) {
    const auto res = get(std::string("/search?q=") + q);
    ASSERT_TRUE(res) << q;
    EXPECT_TRUE(res->status == 200 || res->status == 400) << q << ": " << res->status;
    EXPECT_FALSE(body_of(res).is_null()) << q << ": " << res->body;
  }
}

TEST_F(SearchRoutesTest, FiltersSortsAndCountsFacets) {
  const json body =
      body_of(get("/search?q=digital%20post&type=nyhed&from=2014&to=2015-12&sort=-date"));
  ASSERT_EQ(body["hits"].size(), 2u) << body.dump();
  EXPECT_EQ(body["hits"][0]["id"], "postkasse.txt");
  EXPECT_EQ(body["hits"][1]["id"], "digital-post.txt");
  ASSERT_TRUE(body.contains("facets"));
  EXPECT_EQ(body["facets"]["type"][0]["value"], "nyhed");
  EXPECT_EQ(body["facets"]["type"][0]["count"], 2);
  EXPECT_EQ(body["facets"]["year"].size(), 2u);
}

TEST_F(SearchRoutesTest, RepeatedSourceParametersMeanAnyOfThem) {
  const json body = body_of(get("/search?q=digital%20post&source=KL&source=Danske%20Regioner"));
  EXPECT_EQ(body["total"], 2);
}

TEST_F(SearchRoutesTest, BadFiltersGet400NamingTheParameter) {
  expect_400("/search?q=nemid&from=2016-13", "parameter from");
  expect_400("/search?q=nemid&to=igår", "parameter to");
  expect_400("/search?q=nemid&from=2017&to=2016", "after parameter to");
  expect_400("/search?q=nemid&sort=titel", "parameter sort");
  expect_400("/search?q=nemid&source=", "parameter source");
}

TEST_F(SearchRoutesTest, SnippetsShowMarkupInDocumentsAsText) {
  const json body = body_of(get("/search?q=alert"));
  ASSERT_FALSE(body["hits"].empty());
  const std::string snippet = body["hits"][0]["snippet"];
  EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<script>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("&amp;"), std::string::npos) << snippet;
}

TEST_F(SearchRoutesTest, DocumentRouteReturnsMetadataAndText) {
  const auto res = get("/documents/nemid.txt");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json body = body_of(res);
  EXPECT_EQ(body["id"], "nemid.txt");
  EXPECT_EQ(body["title"], "NemID lanceres");
  EXPECT_NE(body["body"].get<std::string>().find("digitale signatur"), std::string::npos);
}

TEST_F(SearchRoutesTest, SimilarRouteListsOtherDocuments) {
  const auto res = get("/documents/digital-post.txt/similar?size=2");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json body = body_of(res);
  EXPECT_EQ(body["id"], "digital-post.txt");
  ASSERT_LE(body["similar"].size(), 2u);
  ASSERT_FALSE(body["similar"].empty());
  for (const json& hit : body["similar"]) EXPECT_NE(hit["id"], "digital-post.txt");
  EXPECT_EQ(get("/documents/findes-ikke.txt/similar")->status, 404);
  expect_400("/documents/digital-post.txt/similar?size=0", "parameter size");
}

TEST_F(SearchRoutesTest, UnknownDocumentGets404WithJsonError) {
  const auto res = get("/documents/findes-ikke.txt");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_TRUE(body_of(res).contains("error"));
}

TEST_F(SearchRoutesTest, HealthReportsDocumentsAndRevision) {
  const auto res = get("/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json body = body_of(res);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["documents"], testing::TinyIndex::kDocuments);
  EXPECT_GT(body["revision"].get<int>(), 0);
}

TEST_F(SearchRoutesTest, UnknownRouteGets404WithJsonError) {
  const auto res = get("/findes-ikke");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_TRUE(body_of(res).contains("error")) << res->body;
}

TEST_F(SearchRoutesTest, ServesANewRevisionWithoutARestart) {
  index_.write("mitid.txt", "MitID afløser NemID\n\n18-10-2021 Nyhed\n\nMitID kommer nu.\n");
  index_.reindex();
  const json body = body_of(get("/search?q=MitID"));
  ASSERT_EQ(body["hits"].size(), 1u);
  EXPECT_EQ(body["hits"][0]["id"], "mitid.txt");
}

TEST_F(SearchRoutesTest, RequestsDuringReindexingAllSucceed) {
  std::atomic<bool> done = false;
  std::atomic<int> requests = 0, failures = 0;
  std::mutex mutex;
  std::string first_failure;
  std::vector<std::thread> clients;
  for (int c = 0; c < 2; ++c) {
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", port_);
      while (!done || requests < 20) {
        const auto res = client.Get("/search?q=NemID");
        ++requests;
        if (!res || res->status != 200 || body_of(res)["hits"].empty()) {
          ++failures;
          std::lock_guard lock(mutex);
          if (first_failure.empty())
            first_failure = res ? std::to_string(res->status) + " " + res->body
                                : "no response: " + httplib::to_string(res.error());
        }
        if (requests > 2000) break;
      }
    });
  }
  for (int round = 0; round < 10; ++round) {
    index_.write("runde.txt",
                 "Runde " + std::to_string(round) + " af genindeksering\n\nNemID igen.\n");
    index_.reindex();
  }
  done = true;
  for (auto& client : clients) client.join();
  EXPECT_GT(requests, 0);
  EXPECT_EQ(failures, 0) << "first: " << first_failure;
}

}  // namespace
}  // namespace opslag
