// Tests what HttpServer does for every route: CORS and nosniff, preflights, JSON errors, the
// route names metrics count under, and that route modules compose in any order.
#include "server/http/http_server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/server/http/http_answers.h"
#include "tests/server/http/test_server.h"
#include "tests/support/tiny_index.h"

namespace opslag {
namespace {

constexpr const char* kIntranet = "http://intranet.example:8000";

class HttpServerTest : public ::testing::Test {
 protected:
  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    return server_.client().Get(path, headers);
  }

  testing::TinyIndex index_;
  Searcher searcher_{testing::project_schema(), index_.analyzer(), index_.db_path()};
  Suggester suggester_{testing::project_schema(), index_.analyzer(), {index_.db_path()}};
  testing::TestServer server_{searcher_, suggester_, {kIntranet}};
};

TEST_F(HttpServerTest, ApiAnswersAreNeverSniffed) {
  EXPECT_EQ(get("/search?q=nemid")->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(get("/findes-ikke")->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(HttpServerTest, AnAllowedOriginMayReadEveryApiAnswer) {
  for (const char* path : {"/search?q=nemid", "/suggest?q=nem", "/health", "/documents/nemid.txt",
                           "/search?q=", "/suggest", "/findes-ikke"}) {
    const auto res = get(path, {{"Origin", kIntranet}});
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), kIntranet) << path;
    EXPECT_EQ(res->get_header_value("Vary"), "Origin") << path;
    EXPECT_FALSE(res->has_header("Access-Control-Allow-Credentials")) << path;
  }
}

TEST_F(HttpServerTest, AnotherOriginGetsNoCorsHeaders) {
  for (const char* origin : {"http://evil.example", "http://intranet.example:8001",
                             "https://intranet.example:8000", "null"}) {
    const auto res = get("/search?q=nemid", {{"Origin", origin}});
    ASSERT_TRUE(res) << origin;
    EXPECT_EQ(res->status, 200) << origin;
    EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin")) << origin;
    // Still said, so a cache never hands the allowed origin's answer to this one.
    EXPECT_EQ(res->get_header_value("Vary"), "Origin") << origin;
  }
  EXPECT_FALSE(get("/search?q=nemid")->has_header("Access-Control-Allow-Origin"));
}

TEST_F(HttpServerTest, PreflightFromAnAllowedOriginGets204WithMethodsAndHeaders) {
  const auto res = server_.client().Options("/suggest?q=nem",
                                            {{"Origin", kIntranet},
                                             {"Access-Control-Request-Method", "GET"},
                                             {"Access-Control-Request-Headers", "content-type"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), kIntranet);
  EXPECT_THAT(res->get_header_value("Access-Control-Allow-Methods"), ::testing::HasSubstr("GET"));
  EXPECT_THAT(res->get_header_value("Access-Control-Allow-Headers"),
              ::testing::HasSubstr("Content-Type"));
  EXPECT_EQ(res->get_header_value("Access-Control-Max-Age"), "600");
  EXPECT_EQ(res->get_header_value("Vary"), "Origin");
  EXPECT_TRUE(res->body.empty());
}

TEST_F(HttpServerTest, PreflightFromAnotherOriginGetsNoCorsHeaders) {
  const auto res = server_.client().Options(
      "/search?q=nemid",
      {{"Origin", "http://evil.example"}, {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Methods"));
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Headers"));
}

TEST_F(HttpServerTest, OptionsWithoutPreflightSaysWhichMethodsThereAre) {
  const auto res = server_.client().Options("/search");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD, OPTIONS");
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Methods"));
}

TEST_F(HttpServerTest, ByDefaultNoOtherOriginMayReadAnswers) {
  const testing::TestServer only_own{searcher_, suggester_, {}};
  const auto res = only_own.client().Get("/search?q=nemid", {{"Origin", kIntranet}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
  EXPECT_FALSE(res->has_header("Vary"));
  const auto preflight = only_own.client().Options(
      "/search", {{"Origin", kIntranet}, {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(preflight);
  EXPECT_FALSE(preflight->has_header("Access-Control-Allow-Origin"));
}

TEST_F(HttpServerTest, StarAllowsEveryOrigin) {
  const testing::TestServer any{searcher_, suggester_, {"*"}};
  const auto res = any.client().Get("/suggest?q=nem", {{"Origin", "http://any.example"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "*");
}

TEST_F(HttpServerTest, AnOriginIsAllowedHoweverItsCaseWasWritten) {
  const testing::TestServer mixed_case{searcher_, suggester_, {"HTTP://Intranet.Example:8000"}};
  const auto res = mixed_case.client().Get("/health", {{"Origin", kIntranet}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), kIntranet);
}

TEST_F(HttpServerTest, EachRouteIsCountedUnderItsNameNotItsPath) {
  const HttpServer& s = server_.server();
  EXPECT_EQ(s.route_of("/search"), "/search");
  EXPECT_EQ(s.route_of("/documents/a.txt"), "/documents/{id}");
  EXPECT_EQ(s.route_of("/documents/a.txt/similar"), "/documents/{id}/similar");
  EXPECT_EQ(s.route_of("/static/app.js"), "/static/{file}");
  EXPECT_EQ(s.route_of("/"), "/");
  EXPECT_EQ(s.route_of("/suggest"), "/suggest");
  EXPECT_EQ(s.route_of("/admin/stats"), "/admin/stats");
  EXPECT_EQ(s.route_of("/no/such/thing"), "other");
  EXPECT_EQ(s.route_of("/searchx"), "other");
}

TEST_F(HttpServerTest, AnUnknownRouteGets404WithAJsonErrorNamingIt) {
  testing::expect_error(get("/findes-ikke"), 404, "no such route: /findes-ikke");
}

TEST_F(HttpServerTest, ARouteModuleMayBeAddedBeforeOrAfterAnother) {
  // The browser routes first, then the API: both answer, errors are JSON, headers are set.
  HttpServer server(testing::allowing({kIntranet}));
  const WebRoutes web(suggester_);
  const Routes api(searcher_);
  web.add_to(server);
  api.add_to(server);
  const testing::ServerThread running(server);
  httplib::Client client("127.0.0.1", running.port());
  const auto search = client.Get("/search?q=nemid", {{"Origin", kIntranet}});
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 200);
  EXPECT_EQ(search->get_header_value("Access-Control-Allow-Origin"), kIntranet);
  const auto suggest = client.Get("/suggest?q=nem");
  ASSERT_TRUE(suggest);
  EXPECT_EQ(suggest->status, 200);
  testing::expect_error(client.Get("/findes-ikke"), 404, "no such route");
}

}  // namespace
}  // namespace opslag
