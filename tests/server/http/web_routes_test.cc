// Tests /suggest, the built-in files and their security headers over real HTTP.
#include "server/http/web_routes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "schema/errors.h"
#include "server/http/routes.h"
#include "server/http/web_assets.h"
#include "tests/server/http/http_answers.h"
#include "tests/server/http/test_server.h"
#include "tests/support/tiny_index.h"

namespace opslag {
namespace {

using nlohmann::json;
using testing::body_of;

constexpr const char* kIntranet = "http://intranet.example:8000";

class WebRoutesTest : public ::testing::Test {
 protected:
  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    return server_.client().Get(path, headers);
  }

  void expect_400(const std::string& path, const std::string& mentions) {
    SCOPED_TRACE(path);
    testing::expect_error(get(path), 400, mentions);
  }

  testing::TinyIndex index_;
  Searcher searcher_{testing::project_schema(), index_.analyzer(), index_.db_path()};
  Suggester suggester_{testing::project_schema(), index_.analyzer(), {index_.db_path()}};
  testing::TestServer server_{searcher_, suggester_, {kIntranet}};
};

TEST_F(WebRoutesTest, SuggestAnswersJsonWithWordsThenTitles) {
  const auto res = get("/suggest?q=NemI");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json body = body_of(res);
  EXPECT_EQ(body["query"], "NemI");
  EXPECT_TRUE(body["took_ms"].is_number());
  ASSERT_GE(body["suggestions"].size(), 2u) << body.dump();
  EXPECT_EQ(body["suggestions"][0], json({{"text", "NemID"}, {"kind", "word"}}));
  EXPECT_EQ(body["suggestions"].back(), json({{"text", "NemID lanceres"},
                                              {"kind", "title"},
                                              {"id", "nemid.txt"},
                                              {"view", "/d/nemid.txt"}}));
}

TEST_F(WebRoutesTest, SuggestGivesAtMostSizeSuggestions) {
  EXPECT_EQ(body_of(get("/suggest?q=d&size=1"))["suggestions"].size(), 1u);
}

TEST_F(WebRoutesTest, SuggestWithoutWordsAnswersAnEmptyList) {
  const auto res = get("/suggest?q=%21%21");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["suggestions"], json::array());
}

TEST_F(WebRoutesTest, BadSuggestParametersGet400NamingTheParameter) {
  expect_400("/suggest", "parameter q is missing");
  expect_400("/suggest?q=", "parameter q is empty");
  expect_400("/suggest?q=%20", "parameter q is empty");
  expect_400("/suggest?q=" + std::string(Limits{}.max_query_bytes + 1, 'a'), "longer than 1000");
  expect_400("/suggest?q=nem%FF", "parameter q is not valid UTF-8");
  expect_400("/suggest?q=nem&size=0", "parameter size");
  expect_400("/suggest?q=nem&size=21", "parameter size");
  expect_400("/suggest?q=nem&size=tre", "parameter size");
}

TEST_F(WebRoutesTest, SuggestHoldsQToTheConfiguredLimit) {
  Limits limits;
  limits.max_query_bytes = 5;
  const testing::TestServer strict(searcher_, suggester_, {}, limits);
  const auto res = strict.client().Get("/suggest?q=digitali");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_THAT(res->body, ::testing::HasSubstr("--max-query-bytes"));
  EXPECT_EQ(strict.client().Get("/suggest?q=nem")->status, 200);
}

TEST_F(WebRoutesTest, ThePageKnowsHowDeepTheServerRanks) {
  EXPECT_THAT(get("/")->body, ::testing::HasSubstr("<body data-max-result-depth=\"10000\">"));
  Limits limits;
  limits.max_result_depth = 500;
  const testing::TestServer shallow(searcher_, suggester_, {}, limits);
  EXPECT_THAT(shallow.client().Get("/")->body,
              ::testing::HasSubstr("<body data-max-result-depth=\"500\">"));
}

TEST_F(WebRoutesTest, ThePageOfASearchNamesItsFeedEscapedAndThePlainPageNone) {
  EXPECT_THAT(get("/")->body, ::testing::Not(::testing::HasSubstr("application/atom+xml")));
  const std::string page =
      get("/?q=%22%3E%3Cscript%3E&source=KL&type=notat&sort=-date&page=2")->body;
  EXPECT_THAT(page,
              ::testing::HasSubstr(
                  "<link id=\"feed\" rel=\"alternate\" type=\"application/atom+xml\" "
                  "title=\"Opslag: &quot;&gt;&lt;script&gt;\" "
                  "href=\"/search.atom?q=%22%3E%3Cscript%3E&amp;source=KL&amp;type=notat\">"));
  EXPECT_LT(page.find("application/atom+xml"), page.find("</head>"));
}

TEST_F(WebRoutesTest, OddPrefixesGetAnAnswerNeverA500) {
  for (const char* q :
       {"%28", "%22", "-", "*", "%00", "a%00b", "e-", "e-bo", "titel%3Anem", "%C3%A6",
        "%F0%9F%98%80", "NemID%20OG%20", "a%09b%0A", "%2B%2B", "sundhed.d", "2016-", "%E2%80%93"}) {
    const auto res = get(std::string("/suggest?q=") + q);
    ASSERT_TRUE(res) << q;
    EXPECT_TRUE(res->status == 200 || res->status == 400) << q << ": " << res->status;
    EXPECT_TRUE(body_of(res).is_object()) << q << ": " << res->body;
  }
}

TEST_F(WebRoutesTest, ServesTheSearchPageWithSecurityHeaders) {
  const auto res = get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Content-Security-Policy"), WebRoutes::kContentSecurityPolicy);
  EXPECT_THAT(res->get_header_value("Content-Security-Policy"),
              ::testing::StartsWith("default-src 'self'"));
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_THAT(res->body, ::testing::HasSubstr("<html lang=\"da\""));
}

TEST_F(WebRoutesTest, ServesTheWidgetAndEveryBuiltInFileWithItsType) {
  const auto widget = get("/widget.js");
  ASSERT_TRUE(widget);
  EXPECT_EQ(widget->status, 200);
  EXPECT_EQ(widget->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  ASSERT_FALSE(web_assets().empty());
  for (const WebAsset& asset : web_assets()) {
    const auto res = get("/static/" + std::string(asset.name));
    ASSERT_TRUE(res) << asset.name;
    EXPECT_EQ(res->status, 200) << asset.name;
    // The page alone is filled in: with how deep the server ranks.
    if (asset.name != "index.html") {
      EXPECT_EQ(res->body, asset.content) << asset.name;
    }
    EXPECT_EQ(res->get_header_value("Content-Type"), content_type_of(asset.name)) << asset.name;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << asset.name;
    EXPECT_EQ(res->get_header_value("Content-Security-Policy"), WebRoutes::kContentSecurityPolicy);
  }
}

TEST_F(WebRoutesTest, NamesTheContentTypeOfEachKindOfFile) {
  EXPECT_EQ(content_type_of("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_of("widget.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_of("app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_of("favicon.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_of("README"), "application/octet-stream");
}

TEST_F(WebRoutesTest, ThePageHasNoInlineScriptsOrStyles) {
  // A strict Content-Security-Policy (default-src 'self') would block them.
  const std::regex inline_code(R"(<script(?![^>]*\ssrc=)|<style|\sstyle=|\son[a-z]+=|javascript:)",
                               std::regex::icase);
  for (const WebAsset& asset : web_assets()) {
    if (!asset.name.ends_with(".html")) continue;
    const std::string html(asset.content);
    EXPECT_FALSE(std::regex_search(html, inline_code)) << asset.name;
  }
}

TEST_F(WebRoutesTest, UnknownStaticFileGets404WithJsonError) {
  const auto res = get("/static/findes-ikke.js");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_TRUE(body_of(res).contains("error"));
}

TEST_F(WebRoutesTest, NoPathReadsAFileOutsideTheBuiltInOnes) {
  for (const char* path : {"/static/../schema/schema.json",
                           "/static/%2e%2e/schema/schema.json",
                           "/static/%2E%2E%2Fschema%2Fschema.json",
                           "/static/..%2f..%2fschema%2fschema.json",
                           "/static/%2e%2e%2f%2e%2e%2fschema%2fschema.json",
                           "/static/....//schema/schema.json",
                           "/static/..%5cschema%5cschema.json",
                           "/static/%252e%252e%252fschema%252fschema.json",
                           "/static/.%2e/.%2e/schema/schema.json",
                           "/%2e%2e/schema/schema.json",
                           "/static/schema.json",
                           "/static/CMakeLists.txt",
                           "/static/embed.cmake",
                           "/static//etc/passwd",
                           "/static/%2fetc%2fpasswd",
                           "/static/..%2f..%2f..%2fetc%2fpasswd",
                           "/../../../../etc/passwd",
                           "/static/%00index.html",
                           "/static/index.html%00.js",
                           "/static/.",
                           "/static/..",
                           "/static/"}) {
    const auto res = get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << ": " << res->status;
    EXPECT_THAT(res->body, ::testing::Not(::testing::HasSubstr("\"fields\""))) << path;
    EXPECT_THAT(res->body, ::testing::Not(::testing::HasSubstr("root:"))) << path;
  }
}

}  // namespace
}  // namespace opslag
