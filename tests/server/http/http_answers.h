// Reads and checks the JSON answers of a real server in the HTTP tests.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace opslag::testing {

/// The response's JSON body, or a discarded value (neither object nor array) if it is not JSON.
inline nlohmann::json body_of(const httplib::Result& res) {
  return nlohmann::json::parse(res->body, nullptr, /*allow_exceptions=*/false);
}

/// Expects `res` to be an answer with `status` and a JSON {"error": ...} that mentions
/// `mentions` (the parameter or the limit at fault).
inline void expect_error(const httplib::Result& res, int status, const std::string& mentions) {
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, status) << res->body;
  const nlohmann::json body = body_of(res);
  ASSERT_TRUE(body.is_object() && body.contains("error")) << res->body;
  EXPECT_THAT(body["error"].get<std::string>(), ::testing::HasSubstr(mentions)) << res->body;
}

}  // namespace opslag::testing
