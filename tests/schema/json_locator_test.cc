// Tests finding the line of a JSON value, which schema errors report.
#include "schema/json_locator.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

using Pointer = nlohmann::json::json_pointer;

constexpr std::string_view kText = R"({
  "version": 1,
  "fields": [
    { "name": "id" },
    {
      "name": "title",
      "weight": 3
    }
  ]
})";

TEST(JsonLocatorTest, FindsTheLineOfATopLevelKey) {
  EXPECT_EQ(line_of(kText, Pointer("/version")), 2);
}

TEST(JsonLocatorTest, FindsTheLineOfAValueInsideAnArray) {
  EXPECT_EQ(line_of(kText, Pointer("/fields/0/name")), 4);
  EXPECT_EQ(line_of(kText, Pointer("/fields/1")), 5);
  EXPECT_EQ(line_of(kText, Pointer("/fields/1/weight")), 7);
}

TEST(JsonLocatorTest, AnswersLineOneForAPathThatIsNotThere) {
  EXPECT_EQ(line_of(kText, Pointer("/nothing/here")), 1);
}

TEST(JsonLocatorTest, CountsLinesUpToAnOffset) {
  EXPECT_EQ(line_at("a\nb\nc", 0), 1);
  EXPECT_EQ(line_at("a\nb\nc", 4), 3);
}

TEST(JsonLocatorTest, SkipsBracketsInsideStrings) {
  constexpr std::string_view text = "{\"a\": \"[{\\\"\",\n \"b\": 2}";
  EXPECT_EQ(line_of(text, Pointer("/b")), 2);
}

}  // namespace
}  // namespace opslag
