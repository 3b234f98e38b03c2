// Tests the API's error table and parameter parsing on requests built in the test.
#include "server/http/json_answers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include "schema/errors.h"

namespace opslag {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

httplib::Request search_request() {
  httplib::Request req;
  req.method = "GET";
  req.path = "/search";
  return req;
}

/// What `guarded` answers when the handler throws `error`, and what it wrote to stderr.
template <typename E>
std::pair<httplib::Response, std::string> answer_to(const E& error) {
  httplib::Response res;
  ::testing::internal::CaptureStderr();
  guarded(search_request(), res, [&] { throw error; });
  return {res, ::testing::internal::GetCapturedStderr()};
}

std::string error_of(const httplib::Response& res) {
  return nlohmann::json::parse(res.body)["error"].get<std::string>();
}

TEST(JsonAnswersTest, BadInputGets400WithItsMessage) {
  const auto [res, log] = answer_to(BadInput("parameter size must be a whole number"));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(error_of(res), "parameter size must be a whole number");
  EXPECT_EQ(res.get_header_value("Content-Type"), "application/json; charset=utf-8");
}

TEST(JsonAnswersTest, ALimitGetsItsOwnStatus) {
  const auto [res, log] = answer_to(LimitExceeded(503, "the search took too long"));
  EXPECT_EQ(res.status, 503);
  EXPECT_EQ(error_of(res), "the search took too long");
}

TEST(JsonAnswersTest, AnInternalFailureGets500WithoutItsTextWhichGoesToTheLog) {
  const auto [res, log] = answer_to(Xapian::AssertionError("secret internal detail"));
  EXPECT_EQ(res.status, 500);
  EXPECT_THAT(error_of(res), Not(HasSubstr("secret")));
  EXPECT_THAT(error_of(res), HasSubstr("log"));
  EXPECT_THAT(log, HasSubstr("GET /search answered 500"));
  EXPECT_THAT(log, HasSubstr("secret internal detail"));
}

TEST(JsonAnswersTest, AStandardExceptionGets500WithoutItsText) {
  const auto [res, log] = answer_to(std::out_of_range("vector::at at /home/build/x.cc"));
  EXPECT_EQ(res.status, 500);
  EXPECT_THAT(error_of(res), Not(HasSubstr("/home")));
  EXPECT_THAT(log, HasSubstr("vector::at at /home/build/x.cc"));
}

TEST(JsonAnswersTest, AnUnavailableIndexGets503NamingNoFile) {
  const auto [res, log] = answer_to(Xapian::DatabaseOpeningError("/var/lib/opslag/db missing"));
  EXPECT_EQ(res.status, 503);
  EXPECT_THAT(error_of(res), HasSubstr("the index is not available"));
  EXPECT_THAT(error_of(res), Not(HasSubstr("/var/lib")));
  EXPECT_THAT(log, HasSubstr("/var/lib/opslag/db missing"));
}

TEST(JsonAnswersTest, AnUnreachableShardGets503) {
  const auto [res, log] = answer_to(Xapian::NetworkError("connection refused to 10.0.0.7"));
  EXPECT_EQ(res.status, 503);
  EXPECT_THAT(error_of(res), HasSubstr("a shard of the index cannot be reached"));
  EXPECT_THAT(error_of(res), Not(HasSubstr("10.0.0.7")));
}

TEST(JsonAnswersTest, ADatabaseThatCannotBeOpenedGets503NamingNoAddress) {
  const auto [res, log] = answer_to(IndexUnavailable("cannot open database tcp:10.0.0.7:33333"));
  EXPECT_EQ(res.status, 503);
  EXPECT_THAT(error_of(res), HasSubstr("the index is not available"));
  EXPECT_THAT(error_of(res), Not(HasSubstr("10.0.0.7")));
  EXPECT_THAT(log, HasSubstr("tcp:10.0.0.7:33333"));
}

TEST(JsonAnswersTest, AnIndexOfAnotherSchemaGets503NamingNoPath) {
  const auto [res, log] = answer_to(IndexMismatch("database /srv/db was built with version 1"));
  EXPECT_EQ(res.status, 503);
  EXPECT_THAT(error_of(res), Not(HasSubstr("/srv/db")));
  EXPECT_THAT(log, HasSubstr("/srv/db"));
}

TEST(JsonAnswersTest, AWholeNumberParameterIsReadOrRefusedWithItsRange) {
  httplib::Request req;
  EXPECT_EQ(int_param(req, "size", 10, 1, 100), 10);
  req.params.emplace("size", "25");
  EXPECT_EQ(int_param(req, "size", 10, 1, 100), 25);
  for (const char* bad : {"0", "101", "2.5", "ti", "", "25x"}) {
    httplib::Request wrong;
    wrong.params.emplace("size", bad);
    EXPECT_THROW(
        {
          try {
            (void)int_param(wrong, "size", 10, 1, 100);
          } catch (const BadInput& e) {
            EXPECT_STREQ(e.what(), "parameter size must be a whole number from 1 to 100") << bad;
            throw;
          }
        },
        BadInput)
        << bad;
  }
}

TEST(JsonAnswersTest, AMissingQueryShowsAnExample) {
  try {
    (void)query_param(httplib::Request{}, "/suggest?q=Nem");
    FAIL() << "no BadInput";
  } catch (const BadInput& e) {
    EXPECT_STREQ(e.what(), "parameter q is missing: /suggest?q=Nem");
  }
}

}  // namespace
}  // namespace opslag
