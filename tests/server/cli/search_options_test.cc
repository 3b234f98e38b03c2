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
  const SearchRequest r = search_request_of(
      parse({"--db", "db", "--source", "KL", "--type", "rapport", "--from", "2016", "--to",
             "2017-06", "--sort", "-date", "--page", "2", "--size", "5", "strategi"}));
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

TEST(SearchOptionsTest, ColourOnATerminalOnlyUnlessNoColorOrAskedOtherwise) {
  const SearchOptions automatic = parse({"--db", "db", "x"});
  EXPECT_TRUE(output_style(automatic, true, 80, false, nullptr).colour);
  EXPECT_FALSE(output_style(automatic, false, 0, false, nullptr).colour);
  EXPECT_FALSE(output_style(automatic, true, 80, true, nullptr).colour);
  EXPECT_TRUE(output_style(parse({"--color", "always", "x"}), false, 0, true, nullptr).colour);
  EXPECT_FALSE(output_style(parse({"--color", "never", "x"}), true, 80, false, nullptr).colour);
  EXPECT_THROW(parse({"--color", "sometimes", "x"}), CLI::ValidationError);
}

TEST(SearchOptionsTest, WrapsAndPagesOnATerminalOnly) {
  const SearchOptions o = parse({"--db", "db", "x"});
  const OutputStyle terminal = output_style(o, true, 100, false, nullptr);
  EXPECT_EQ(terminal.width, 100u);
  EXPECT_TRUE(terminal.pager);
  EXPECT_EQ(output_style(o, true, 100, false, "60").width, 60u);
  EXPECT_EQ(output_style(o, true, 100, false, "junk").width, 100u);
  const OutputStyle pipe = output_style(o, false, 0, false, "60");
  EXPECT_EQ(pipe.width, 0u);
  EXPECT_FALSE(pipe.pager);
  EXPECT_FALSE(output_style(parse({"--no-pager", "x"}), true, 100, false, nullptr).pager);
}

TEST(SearchOptionsTest, AMistypedOptionGetsTheOneItWasMeantAs) {
  CLI::App app;
  SearchOptions options;
  add_search_options(app, options);
  EXPECT_EQ(option_hints(app, {"--db", "db", "--sourse", "KL", "x"}),
            "opslag-search: --sourse is no option: did you mean --source?\n");
  EXPECT_EQ(option_hints(app, {"--shwo=nemid.txt"}),
            "opslag-search: --shwo is no option: did you mean --show?\n");
  EXPECT_EQ(option_hints(app, {"--db", "db", "--zzzzzzz", "x"}), "");
  EXPECT_EQ(option_hints(app, {"--", "--sourse"}), "");
}

}  // namespace
}  // namespace opslag
