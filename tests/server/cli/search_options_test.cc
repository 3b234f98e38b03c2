// Tests opslag-search's options and the search request they make.
#include "server/cli/search_options.h"

#include <gtest/gtest.h>

#include "schema/errors.h"
#include "tests/support/parse_options.h"

namespace opslag {
namespace {

SearchOptions parse(const std::vector<std::string>& args) {
  return testing::parse_options(&add_search_options, args);
}

TEST(SearchOptionsTest, TheWordsOfTheCommandLineAreOneQuery) {
  const SearchRequest r = search_request_of(parse({"--db", "db", "Digital", "Post"}));
  EXPECT_EQ(r.query, "Digital Post");
  EXPECT_EQ(r.page, 1);
  EXPECT_EQ(r.size, 10);
  EXPECT_EQ(r.sort, SortOrder::kRelevance);
}

TEST(SearchOptionsTest, FiltersDatesAndOrderBecomeTheRequest) {
  const SearchRequest r = search_request_of(parse(
      {"--db", "db", "--source", "KL", "--type", "rapport", "--from", "2016", "--to", "2017-06",
       "--sort", "-date", "--page", "2", "--size", "5", "strategi"}));
  EXPECT_EQ(r.sources, std::vector<std::string>{"KL"});
  EXPECT_EQ(r.types, std::vector<std::string>{"rapport"});
  EXPECT_EQ(r.from, "20160101");
  EXPECT_EQ(r.to, "20170630");
  EXPECT_EQ(r.sort, SortOrder::kDateDescending);
  EXPECT_EQ(r.page, 2);
  EXPECT_EQ(r.size, 5);
}

TEST(SearchOptionsTest, AnUnreadableDateNamesTheOption) {
  try {
    (void)search_request_of(parse({"--db", "db", "--from", "i går", "x"}));
    FAIL() << "no BadInput";
  } catch (const BadInput& e) {
    EXPECT_NE(std::string(e.what()).find("--from"), std::string::npos) << e.what();
  }
}

TEST(SearchOptionsTest, AnUnknownSortOrderIsRefused) {
  EXPECT_THROW(parse({"--db", "db", "--sort", "nyeste", "x"}), CLI::ValidationError);
}

}  // namespace
}  // namespace opslag
