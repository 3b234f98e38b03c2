// Tests how a query is split into tokens.
#include "server/engine/query_lexer.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

TEST(QueryLexerTest, RecognisesOperatorsInCapitalsOnly) {
  const auto tokens = tokenize("a AND b og c OG d ELLER e IKKE f NEAR g");
  ASSERT_EQ(tokens.size(), 13u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kAnd);
  EXPECT_EQ(tokens[3].kind, TokenKind::kWord);  // "og"
  EXPECT_EQ(tokens[5].kind, TokenKind::kAnd);
  EXPECT_EQ(tokens[7].kind, TokenKind::kOr);
  EXPECT_EQ(tokens[9].kind, TokenKind::kNot);
  EXPECT_EQ(tokens[11].kind, TokenKind::kNear);
  EXPECT_EQ(tokens[11].distance, kDefaultNearDistance);
}

TEST(QueryLexerTest, ReadsTheDistanceOfNear) {
  EXPECT_EQ(tokenize("NEAR/3")[0].distance, 3);
  EXPECT_EQ(tokenize("NEAR/0")[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokenize("NEAR/x")[0].kind, TokenKind::kWord);
}

TEST(QueryLexerTest, ReadsSignsBeforeWordsPhrasesAndParentheses) {
  const auto tokens = tokenize("+NemID -\"Digital Post\" -(a)");
  EXPECT_EQ(tokens[0].sign, '+');
  EXPECT_EQ(tokens[1].sign, '-');
  EXPECT_EQ(tokens[1].kind, TokenKind::kPhrase);
  EXPECT_EQ(tokens[1].text, "Digital Post");
  EXPECT_EQ(tokens[2].sign, '-');
  EXPECT_EQ(tokens[2].kind, TokenKind::kOpen);
}

TEST(QueryLexerTest, ALoneHyphenIsAWord) {
  const auto tokens = tokenize("a - b");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].text, "-");
}

TEST(QueryLexerTest, ReadsFieldsWithWordsAndPhrases) {
  const auto tokens =
      tokenize("titel:strategi kilde:\"Danske Regioner\" År:2007 source:KL dato:2016..2020");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].field, "titel");
  EXPECT_EQ(tokens[0].text, "strategi");
  EXPECT_EQ(tokens[1].field, "kilde");
  EXPECT_EQ(tokens[1].kind, TokenKind::kPhrase);
  EXPECT_EQ(tokens[1].text, "Danske Regioner");
  EXPECT_EQ(tokens[2].field, "år");
  EXPECT_EQ(tokens[3].field, "kilde");
  EXPECT_EQ(tokens[4].field, "dato");
  EXPECT_EQ(tokens[4].text, "2016..2020");
}

TEST(QueryLexerTest, AColonInAnOrdinaryWordIsNotAField) {
  const auto tokens = tokenize("kl:12 https://borger.dk");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].field, "");
  EXPECT_EQ(tokens[0].text, "kl:12");
  EXPECT_EQ(tokens[1].field, "");
}

TEST(QueryLexerTest, AnUnclosedQuoteRunsToTheEnd) {
  const auto tokens = tokenize("\"Digital Post");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "Digital Post");
}

}  // namespace
}  // namespace opslag
