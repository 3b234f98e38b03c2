// Tests the one check of a search request that the server and opslag-search share.
#include "server/engine/search_request.h"

#include <gtest/gtest.h>

#include "schema/errors.h"
#include "tests/support/test_request.h"

namespace opslag {
namespace {

using testing::request;

/// The message check_search_request refuses `r` with, or "" if it accepts it.
std::string refusal(const SearchRequest& r, const Limits& limits = {}, std::size_t words = 1) {
  try {
    check_search_request(r, limits, words);
    return "";
  } catch (const BadInput& e) {
    return e.what();
  }
}

TEST(SearchRequestTest, AnOrdinaryRequestPasses) {
  EXPECT_EQ(refusal(request("NemID", 3, 20)), "");
}

TEST(SearchRequestTest, TheQueryIsHeldToItsLengthValidUtf8AndSomeText) {
  Limits limits;
  limits.max_query_bytes = 5;
  EXPECT_EQ(refusal(request("digitalisering"), limits),
            "parameter q is longer than 5 bytes (--max-query-bytes)");
  EXPECT_EQ(refusal(request("\xff")), "parameter q is not valid UTF-8");
  EXPECT_EQ(refusal(request(" \t ")), "parameter q is empty");
}

TEST(SearchRequestTest, TooManyWordsNameTheCountAndTheOption) {
  Limits limits;
  limits.max_query_words = 3;
  EXPECT_EQ(refusal(request("a b c d"), limits, 4),
            "parameter q has 4 words; at most 3 are searched for (--max-query-words)");
}

TEST(SearchRequestTest, SizeAndPageAreHeldToTheirRangesAndDepth) {
  EXPECT_EQ(refusal(request("NemID", 1, 101)), "parameter size must be a whole number from 1 to 100");
  EXPECT_EQ(refusal(request("NemID", 1, 0)), "parameter size must be a whole number from 1 to 100");
  EXPECT_EQ(refusal(request("NemID", 0, 10)),
            "parameter page must be a whole number from 1 to 10000");
  EXPECT_EQ(refusal(request("NemID", 1001, 10)),
            "parameter page is out of range: page × size may be at most 10000 "
            "(--max-result-depth)");
  EXPECT_EQ(refusal(request("NemID", 1000, 10)), "");
}

TEST(SearchRequestTest, FilterValuesMustBeShortUtf8Text) {
  SearchRequest r = request("NemID");
  r.sources = {""};
  EXPECT_EQ(refusal(r), "parameter source must be 1 to 200 bytes of UTF-8 text");
  r.sources = {"KL"};
  r.types = {std::string(201, 'x')};
  EXPECT_EQ(refusal(r), "parameter type must be 1 to 200 bytes of UTF-8 text");
}

TEST(SearchRequestTest, FromMayNotBeAfterTo) {
  SearchRequest r = request("NemID");
  r.from = "20170101";
  r.to = "20161231";
  EXPECT_EQ(refusal(r), "parameter from is after parameter to");
  r.to = "20170101";
  EXPECT_EQ(refusal(r), "");
}

TEST(SearchRequestTest, SortOrdersAreReadByName) {
  EXPECT_EQ(parse_sort_order("relevance", "--sort"), SortOrder::kRelevance);
  EXPECT_EQ(parse_sort_order("date", "--sort"), SortOrder::kDateAscending);
  EXPECT_EQ(parse_sort_order("-date", "--sort"), SortOrder::kDateDescending);
  EXPECT_THROW((void)parse_sort_order("nyeste", "--sort"), BadInput);
}

}  // namespace
}  // namespace opslag
