// Tests how what was typed in a search box is read into words.
#include "server/engine/typed_words.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "schema/errors.h"

namespace opslag {
namespace {

using ::testing::ElementsAre;

class TypedWordsTest : public ::testing::Test {
 protected:
  DanishAnalyzer analyzer_{{"og", "for"}};
};

TEST_F(TypedWordsTest, ALastWordWithNothingAfterItIsAPrefix) {
  const TypedWords typed = read_typed_words(analyzer_, "digital po");
  EXPECT_EQ(typed.last, "po");
  EXPECT_TRUE(typed.last_is_prefix);
}

TEST_F(TypedWordsTest, ALastWordFollowedByASpaceIsComplete) {
  const TypedWords typed = read_typed_words(analyzer_, "digital post ");
  EXPECT_EQ(typed.last, "post");
  EXPECT_FALSE(typed.last_is_prefix);
}

TEST_F(TypedWordsTest, FoldsTheWordsButKeepsTheTextBeforeTheLastAsTyped) {
  const TypedWords typed = read_typed_words(analyzer_, "Med NemID Lo");
  EXPECT_EQ(typed.before, "Med NemID ");
  EXPECT_THAT(typed.complete, ElementsAre("med", "nemid"));
  EXPECT_EQ(typed.last, "lo");
}

TEST_F(TypedWordsTest, LeavesStopWordsOutOfTheContextOnly) {
  const TypedWords typed = read_typed_words(analyzer_, "skat og po");
  EXPECT_THAT(typed.complete, ElementsAre("skat", "og"));
  EXPECT_THAT(typed.context, ElementsAre("skat"));
}

TEST_F(TypedWordsTest, ReadsOnlyTheLastOfManyWordsBefore) {
  std::string text;
  const std::size_t before = TypedWords::kMaxCompleteWords + 4;
  for (std::size_t i = 0; i < before; ++i) text += "ord" + std::to_string(i) + " ";
  const TypedWords typed = read_typed_words(analyzer_, text + "sidst");
  ASSERT_EQ(typed.complete.size(), TypedWords::kMaxCompleteWords);
  EXPECT_EQ(typed.complete.front(), "ord4");
  EXPECT_EQ(typed.complete.back(), "ord" + std::to_string(before - 1));
}

TEST_F(TypedWordsTest, TextWithoutWordsHasNoLastWord) {
  const TypedWords typed = read_typed_words(analyzer_, "!! ");
  EXPECT_TRUE(typed.last.empty());
  EXPECT_TRUE(typed.complete.empty());
}

TEST_F(TypedWordsTest, ReadsAHyphenatedLastWordJoinedAsTheIndexHoldsIt) {
  const std::optional<TypedHyphenated> typed = read_typed_hyphenated(analyzer_, "Log på e-B");
  ASSERT_TRUE(typed.has_value());
  EXPECT_EQ(typed->typed.last, "eb");
  EXPECT_EQ(typed->typed.before, "Log på ");
  EXPECT_THAT(typed->typed.complete, ElementsAre("log", "på"));
  EXPECT_TRUE(typed->typed.last_is_prefix);
  EXPECT_EQ(typed->first_part, "e");
}

TEST_F(TypedWordsTest, JoinsEveryPartOfAHyphenatedLastWord) {
  const std::optional<TypedHyphenated> typed = read_typed_hyphenated(analyzer_, "NemLog-in-te");
  ASSERT_TRUE(typed.has_value());
  EXPECT_EQ(typed->typed.last, "nemloginte");
  EXPECT_EQ(typed->first_part, "nemlog");
}

TEST_F(TypedWordsTest, ALastWordWithoutAHyphenHasNoHyphenatedReading) {
  EXPECT_FALSE(read_typed_hyphenated(analyzer_, "e-Boks digital po").has_value());
  EXPECT_FALSE(read_typed_hyphenated(analyzer_, "sundhed.d").has_value());
  EXPECT_FALSE(read_typed_hyphenated(analyzer_, "bygge- og anl").has_value());
}

TEST_F(TypedWordsTest, InvalidUtf8IsBadInput) {
  EXPECT_THROW((void)read_typed_words(analyzer_, "nem\xff"), BadInput);
  EXPECT_THROW((void)read_typed_hyphenated(analyzer_, "e-\xff"), BadInput);
}

}  // namespace
}  // namespace opslag
