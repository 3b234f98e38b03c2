// Tests the cross-origin policy on requests and answers built in the test.
#include "server/http/cors_policy.h"

#include <gtest/gtest.h>

#include "schema/errors.h"

namespace opslag {
namespace {

httplib::Request from(const std::string& origin) {
  httplib::Request req;
  req.headers.emplace("Origin", origin);
  return req;
}

TEST(CorsPolicyTest, EveryAnswerSaysNosniffEvenWithoutOrigins) {
  httplib::Response res;
  CorsPolicy().add_headers(from("http://intranet.example"), res);
  EXPECT_EQ(res.get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(res.has_header("Access-Control-Allow-Origin"));
  EXPECT_FALSE(res.has_header("Vary"));
}

TEST(CorsPolicyTest, AnAllowedOriginIsEchoedAndTheAnswerVariesByOrigin) {
  httplib::Response res;
  CorsPolicy({"http://intranet.example:8000"}).add_headers(from("http://intranet.example:8000"),
                                                            res);
  EXPECT_EQ(res.get_header_value("Access-Control-Allow-Origin"), "http://intranet.example:8000");
  EXPECT_EQ(res.get_header_value("Vary"), "Origin");
}

TEST(CorsPolicyTest, APreflightFromAnotherOriginGetsOnlyTheMethods) {
  httplib::Request req = from("http://evil.example");
  req.headers.emplace("Access-Control-Request-Method", "GET");
  httplib::Response res;
  CorsPolicy({"http://intranet.example"}).answer_preflight(req, res);
  EXPECT_EQ(res.status, 204);
  EXPECT_EQ(res.get_header_value("Allow"), "GET, HEAD, OPTIONS");
  EXPECT_FALSE(res.has_header("Access-Control-Allow-Methods"));
}

TEST(CorsPolicyTest, OriginsAreWrittenAsBrowsersSendThem) {
  EXPECT_EQ(parse_origin("http://intranet.example:8000"), "http://intranet.example:8000");
  EXPECT_EQ(parse_origin("HTTPS://Intranet.Example"), "https://intranet.example");
  EXPECT_EQ(parse_origin("http://127.0.0.1:5500"), "http://127.0.0.1:5500");
  EXPECT_EQ(parse_origin("http://[::1]:8080"), "http://[::1]:8080");
  EXPECT_EQ(parse_origin("http://[::1]"), "http://[::1]");
}

TEST(CorsPolicyTest, WhatIsNoOriginIsRefused) {
  for (const char* origin :
       {"", "intranet.example", "http://intranet.example/", "http://intranet.example/søg",
        "ftp://intranet.example", "null", "http://", "http://:80",
        "http://intranet.example:", "http://intranet.example:123456", "http://intra net.example",
        "http://x.example?q=1", "http://user@x.example", "http://x.example#a", "*.example"}) {
    EXPECT_THROW((void)parse_origin(origin), BadInput) << origin;
    EXPECT_THROW(CorsPolicy({origin}), BadInput) << origin;
  }
}

}  // namespace
}  // namespace opslag
