// Tests what the routes do for operators: limits on requests, /metrics, the access log, and the
// token-guarded administration.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/http/routes.h"
#include "tests/server/http/http_answers.h"
#include "tests/server/http/server_thread.h"
#include "tests/support/tiny_index.h"

namespace opslag {
namespace {

using nlohmann::json;
using testing::expect_error;

/// A real server on a loopback port over the tiny index, with the given limits and operations.
class OperationsTest : public ::testing::Test {
 protected:
  void start(const Limits& limits = {}, std::string admin_token = "",
             const TransportLimits& transport = {}) {
    searcher_ = std::make_unique<Searcher>(testing::project_schema(), index_.analyzer(),
                                           std::vector<std::string>{index_.db_path()},
                                           ShardPolicy{}, limits);
    log_ = std::make_unique<AccessLog>((log_dir_.path() / "access.log").string());
    HttpSettings settings;
    settings.limits = transport;
    settings.metrics = &metrics_;
    settings.access_log = log_.get();
    server_ = std::make_unique<HttpServer>(settings);
    routes_ = std::make_unique<Routes>(*searcher_,
                                       Operations{&metrics_, std::move(admin_token), transport});
    routes_->add_to(*server_);
    running_ = std::make_unique<testing::ServerThread>(*server_);
    port_ = running_->port();
    ASSERT_GT(port_, 0);
  }

  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path, headers);
  }

  /// The access log's lines once it has `count` (the server logs just after it answers), or
  /// what it has after two seconds.
  std::vector<json> log_lines(std::size_t count) const {
    std::vector<json> lines;
    for (int i = 0; i < 200 && lines.size() < count; ++i) {
      if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      lines.clear();
      std::ifstream in(log_dir_.path() / "access.log");
      for (std::string text; std::getline(in, text);) lines.push_back(json::parse(text));
    }
    return lines;
  }

  testing::TinyIndex index_;
  testing::TempDir log_dir_;
  Metrics metrics_;
  std::unique_ptr<Searcher> searcher_;
  std::unique_ptr<AccessLog> log_;
  std::unique_ptr<Routes> routes_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<testing::ServerThread> running_;
  int port_ = 0;
};

TEST_F(OperationsTest, AQueryWithTooManyWordsGets400NamingTheLimit) {
  Limits limits;
  limits.max_query_words = 3;
  start(limits);
  expect_error(get("/search?q=NemID%20MitID%20borger%20post"), 400, "--max-query-words");
  EXPECT_EQ(get("/search?q=NemID%20MitID%20borger")->status, 200);
}

TEST_F(OperationsTest, ALongerQueryThanConfiguredGets400NamingTheLimit) {
  Limits limits;
  limits.max_query_bytes = 10;
  start(limits);
  expect_error(get("/search?q=digitaliseringsstrategi"), 400, "--max-query-bytes");
}

TEST_F(OperationsTest, PageSizeAndDepthFollowTheConfiguredLimits) {
  Limits limits;
  limits.max_page_size = 5;
  limits.max_result_depth = 20;
  start(limits);
  expect_error(get("/search?q=NemID&size=6"), 400, "from 1 to 5");
  expect_error(get("/search?q=NemID&size=5&page=5"), 400, "--max-result-depth");
  EXPECT_EQ(get("/search?q=NemID&size=5&page=4")->status, 200);
}

TEST_F(OperationsTest, AWildcardStandsForAtMostTheConfiguredNumberOfWords) {
  Limits limits;
  limits.max_wildcard_terms = 1;
  start(limits);
  const auto res = get("/search?q=digital*");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json body = json::parse(res->body);
  int wildcards = 0;
  for (const json& e : body["expansions"]) wildcards += e["type"] == "wildcard";
  EXPECT_EQ(wildcards, 1) << res->body;
}

TEST_F(OperationsTest, ALongRequestLineGets414NamingTheLimit) {
  TransportLimits transport;
  transport.max_request_line = 100;
  start({}, "", transport);
  expect_error(get("/search?q=NemID&source=" + std::string(100, 'a')), 414, "--max-request-line");
}

TEST_F(OperationsTest, LargeHeadersGet431NamingTheLimit) {
  TransportLimits transport;
  transport.max_header_bytes = 300;
  start({}, "", transport);
  expect_error(get("/search?q=NemID", {{"X-Padding", std::string(400, 'x')}}), 431,
               "--max-header-bytes");
}

TEST_F(OperationsTest, ManyHeaderLinesGet431NamingTheLimit) {
  TransportLimits transport;
  transport.max_header_count = 10;
  start({}, "", transport);
  httplib::Headers headers;
  for (int i = 0; i < 20; ++i) headers.emplace("X-Line-" + std::to_string(i), "x");
  expect_error(get("/search?q=NemID", headers), 431, "--max-header-count");
}

TEST_F(OperationsTest, OneHeaderOverTheLimitGets431NotABadRequest) {
  start();
  expect_error(get("/search?q=NemID", {{"X-Padding", std::string(9000, 'x')}}), 431,
               "--max-header-bytes");
}

TEST_F(OperationsTest, APostGets405NamingTheMethodsServed) {
  start();
  httplib::Client client("127.0.0.1", port_);
  const auto res = client.Post("/search?q=NemID", std::string(1000, 'x'), "text/plain");
  expect_error(res, 405, "only GET, HEAD and OPTIONS");
  EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD, OPTIONS");
}

TEST_F(OperationsTest, AGetWithABodyGets413) {
  start();
  httplib::Client client("127.0.0.1", port_);
  httplib::Request req;
  req.method = "GET";
  req.path = "/search?q=NemID";
  req.body = "x";
  req.set_header("Content-Type", "text/plain");
  expect_error(client.send(req), 413, "carries no body");
}

TEST_F(OperationsTest, ASearchLongerThanTheTimeLimitGets503NamingIt) {
  Limits limits;
  limits.request_timeout_ms = 0.001;  // no search is this fast
  start(limits);
  expect_error(get("/search?q=NemID"), 503, "--request-timeout-ms");
}

TEST_F(OperationsTest, MetricsCountRequestsByRouteAndStatusForPrometheus) {
  start();
  ASSERT_EQ(get("/search?q=NemID")->status, 200);
  ASSERT_EQ(get("/search?q=NemID")->status, 200);
  ASSERT_EQ(get("/search")->status, 400);
  ASSERT_EQ(get("/documents/nemid.txt")->status, 200);
  // A request is counted just after it is answered (on its connection's thread): wait until
  // every one is.
  const std::vector<std::string> expected = {
      "opslag_http_requests_total{route=\"/search\",status=\"200\"} 2\n",
      "opslag_http_requests_total{route=\"/search\",status=\"400\"} 1\n",
      "opslag_http_requests_total{route=\"/documents/{id}\",status=\"200\"} 1\n",
      "opslag_http_request_duration_seconds_count{route=\"/search\"} 3\n"};
  const auto all_there = [&](const httplib::Result& r) {
    return r && std::all_of(expected.begin(), expected.end(), [&](const std::string& line) {
             return r->body.find(line) != std::string::npos;
           });
  };
  httplib::Result res = get("/metrics");
  for (int i = 0; i < 200 && !all_there(res); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    res = get("/metrics");
  }
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = res->body;
  for (const std::string& line : expected)
    EXPECT_NE(text.find(line), std::string::npos) << line << text;
  EXPECT_NE(text.find("opslag_index_documents " + std::to_string(testing::TinyIndex::kDocuments)),
            std::string::npos);
  EXPECT_EQ(text.find("opslag_index_last_reindex_timestamp_seconds 0\n"), std::string::npos)
      << "the index run's time is missing";
}

TEST_F(OperationsTest, EveryRequestGetsOneAccessLogLineWithErrorsCause) {
  start();
  ASSERT_EQ(get("/search?q=NemID")->status, 200);
  ASSERT_EQ(get("/search?q=")->status, 400);
  ASSERT_EQ(get("/nowhere")->status, 404);
  std::vector<json> lines = log_lines(3);
  ASSERT_EQ(lines.size(), 3u);
  // Each request came on its own connection, so the lines may come in any order.
  std::sort(lines.begin(), lines.end(),
            [](const json& a, const json& b) { return a["status"] < b["status"]; });
  EXPECT_EQ(lines[0]["path"], "/search");
  EXPECT_EQ(lines[0]["query"], "q=NemID");
  EXPECT_EQ(lines[0]["status"], 200);
  EXPECT_GT(lines[0]["ms"].get<double>(), 0);
  EXPECT_FALSE(lines[0].contains("error"));
  EXPECT_EQ(lines[1]["status"], 400);
  EXPECT_EQ(lines[1]["error"], "parameter q is empty");
  EXPECT_EQ(lines[2]["status"], 404);
  EXPECT_EQ(lines[2]["error"], "no such route: /nowhere");
}

TEST_F(OperationsTest, AdministrationIsOffWithoutAToken) {
  start();
  EXPECT_EQ(get("/admin/stats")->status, 404);
  EXPECT_EQ(get("/admin/stats", {{"Authorization", "Bearer "}})->status, 404);
  const json doc = json::parse(get("/documents/nemid.txt")->body);
  EXPECT_FALSE(doc.contains("path")) << doc;
}

TEST_F(OperationsTest, AdministrationNeedsTheRightBearerToken) {
  start({}, "s3cret-token");
  const auto none = get("/admin/stats");
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(get("/admin/stats", {{"Authorization", "Bearer s3cret-tokem"}})->status, 401);
  EXPECT_EQ(get("/admin/stats", {{"Authorization", "Bearer s3cret"}})->status, 401);
  const auto ok = get("/admin/stats", {{"Authorization", "Bearer s3cret-token"}});
  ASSERT_EQ(ok->status, 200) << ok->body;
  const json stats = json::parse(ok->body);
  EXPECT_EQ(stats["databases"], json::array({index_.db_path()}));
  EXPECT_EQ(stats["documents"], testing::TinyIndex::kDocuments);
  EXPECT_TRUE(stats["indexed_at"].is_string()) << stats;
  EXPECT_EQ(stats["limits"]["max_query_bytes"], 1000);
}

TEST_F(OperationsTest, TheBearerSchemeIsReadInAnyCaseButTheTokenExactly) {
  start({}, "s3cret-token");
  EXPECT_EQ(get("/admin/stats", {{"Authorization", "bearer s3cret-token"}})->status, 200);
  EXPECT_EQ(get("/admin/stats", {{"Authorization", "BEARER s3cret-token"}})->status, 200);
  // Header values are taken as sent: never percent-decoded, never cut at a NUL.
  EXPECT_EQ(get("/admin/stats", {{"Authorization", "Bearer s3cret-token%00junk"}})->status, 401);
  EXPECT_EQ(get("/admin/stats", {{"Authorization", "Bearer s3cret%2Dtoken"}})->status, 401);
}

TEST_F(OperationsTest, OnlyTheAdminSeesWhichFileADocumentCameFrom) {
  start({}, "s3cret-token");
  EXPECT_FALSE(json::parse(get("/documents/nemid.txt")->body).contains("path"));
  const json doc =
      json::parse(get("/documents/nemid.txt", {{"Authorization", "Bearer s3cret-token"}})->body);
  EXPECT_TRUE(doc["path"].get<std::string>().ends_with("nemid.txt")) << doc;
}

}  // namespace
}  // namespace opslag
