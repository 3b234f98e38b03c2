// Tests the query language: what each kind of query turns into.
#include "server/engine/query_parser.h"

#include <gtest/gtest.h>

#include "schema/errors.h"
#include "tests/support/small_stack.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_names.h"

namespace opslag {
namespace {

class QueryParserTest : public ::testing::Test {
 protected:
  std::string parsed(std::string_view text) const {
    return parser_.parse(text).query.get_description();
  }
  DanishAnalyzer analyzer_{testing::project_schema()};
  QueryParser parser_{testing::syntax_schema(), analyzer_};
};

struct Case {
  std::string query;
  std::string expected;  ///< Xapian's description of the query
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.query; }

class QueryParserCases : public QueryParserTest, public ::testing::WithParamInterface<Case> {};

TEST_P(QueryParserCases, ParsesToTheExpectedXapianQuery) {
  EXPECT_EQ(parsed(GetParam().query), GetParam().expected) << GetParam().query;
}

INSTANTIATE_TEST_SUITE_P(
    Language, QueryParserCases,
    ::testing::Values(
        Case{"NemID", "Query(Znemid@1)"}, Case{"Strategierne", "Query(Zstrategi@1)"},
        Case{"digital post",
             "Query((((Zdigital@1 OR Zpost@2) OR (Zdigital@1 AND Zpost@2)) OR (digital@3 PHRASE 2 "
             "post@4)))"},
        Case{"\"Digital Post\"", "Query((digital@1 PHRASE 2 post@2))"},
        Case{"\"strategien\"", "Query(strategien@1)"},
        Case{"NemID AND MitID", "Query((Znemid@1 AND Zmitid@2))"},
        Case{"NemID OG MitID", "Query((Znemid@1 AND Zmitid@2))"},
        Case{"NemID ELLER MitID", "Query((Znemid@1 OR Zmitid@2))"},
        Case{"NemID IKKE MitID", "Query((Znemid@1 AND_NOT Zmitid@2))"},
        Case{"NemID NOT MitID", "Query((Znemid@1 AND_NOT Zmitid@2))"},
        Case{"+NemID -MitID", "Query((Znemid@1 AND_NOT Zmitid@2))"},
        Case{"(NemID ELLER MitID) OG borger", "Query(((Znemid@1 OR Zmitid@2) AND Zborger@3))"},
        Case{"e-Boks", "Query((Zebok OR 0.5 * (e@1 PHRASE 2 boks@2)))"},
        Case{"titel:strategi", "Query(ZSstrategi@1)"},
        Case{"titel:\"Digital Post\"", "Query((Sdigital@1 PHRASE 2 Spost@2))"},
        Case{"NemID kilde:KL", "Query((Znemid@1 FILTER XKWkl))"},
        Case{"kilde:\"Danske Regioner\"", "Query(0 * XKdanske regioner)"},
        Case{"NemID type:nyhed", "Query((Znemid@1 FILTER XTnyhed))"},
        Case{"NemID år:2007", "Query((Znemid@1 FILTER VALUE_RANGE 1 2007 2007))"},
        Case{"NemID år:2011..2015", "Query((Znemid@1 FILTER VALUE_RANGE 1 2011 2015))"},
        Case{"NemID dato:2016-01-01..2020-12-31",
             "Query((Znemid@1 FILTER VALUE_RANGE 0 20160101 20201231))"},
        Case{"NemID dato:..2010", "Query((Znemid@1 FILTER VALUE_LE 0 20101231))"},
        Case{"NemID -kilde:KL", "Query((Znemid@1 AND_NOT XKWkl))"},
        Case{"NemID NEAR MitID", "Query((nemid@1 NEAR 11 mitid@2))"},
        Case{"NemID NEAR/3 MitID", "Query((nemid@1 NEAR 4 mitid@2))"},
        Case{"digitali*", "Query(WILDCARD SYNONYM digitali)"},
        Case{"strategi for det offentlige",
             "Query((((Zstrategi@1 OR Zoffent@2) OR (Zstrategi@1 AND Zoffent@2)) OR (strategi@3 "
             "PHRASE 4 for@4 PHRASE 4 det@5 PHRASE 4 offentlige@6)))"}),
    [](const ::testing::TestParamInfo<Case>& info) {
      return std::to_string(info.index) + "_" + testing::test_name(info.param.query);
    });

class SynonymQueryTest : public ::testing::Test {
 protected:
  DanishAnalyzer analyzer_{testing::project_schema()};
  QueryParser parser_{testing::project_schema(), analyzer_};
};

TEST_F(SynonymQueryTest, AnAcronymAlsoSearchesItsFullName) {
  const ParsedQuery q = parser_.parse("KL");
  EXPECT_EQ(q.query.get_description(),
            "Query((Zkl@1 OR 0.5 * (kommunernes@2 PHRASE 2 landsforening@3)))");
  ASSERT_EQ(q.expansions.size(), 1u);
  EXPECT_EQ(q.expansions[0].kind, "synonym");
  EXPECT_EQ(q.expansions[0].from, "kl");
  EXPECT_EQ(q.expansions[0].to, "kommunernes landsforening");
}

TEST_F(SynonymQueryTest, AFullNameAlsoSearchesItsAcronym) {
  const ParsedQuery q = parser_.parse("Kommunernes Landsforening");
  EXPECT_NE(q.query.get_description().find("Zkl@"), std::string::npos) << q.query.get_description();
}

TEST_F(SynonymQueryTest, AMultiWordEntryMatchesAsAWhole) {
  const ParsedQuery q = parser_.parse("Digital Post");
  EXPECT_NE(q.query.get_description().find("digital@3 PHRASE 2 dokumentboks@4"), std::string::npos)
      << q.query.get_description();
}

TEST_F(SynonymQueryTest, AQuotedPhraseIsNeverExpanded) {
  const ParsedQuery q = parser_.parse("\"Digital Post\"");
  EXPECT_EQ(q.query.get_description(), "Query((digital@1 PHRASE 2 post@2))");
  EXPECT_TRUE(q.expansions.empty());
}

TEST_F(QueryParserTest, AaAndAaWithRingFindEachOther) {
  EXPECT_EQ(parsed("Aarhus"), "Query((Zaarhus@1 OR Zårhus@2))");
  EXPECT_EQ(parsed("Århus"), "Query((Zårhus@1 OR Zaarhus@2))");
  const ParsedQuery q = parser_.parse("Aarhus");
  ASSERT_EQ(q.expansions.size(), 1u);
  EXPECT_EQ(q.expansions[0].kind, "spelling");
  EXPECT_EQ(q.expansions[0].to, "århus");
}

TEST_F(QueryParserTest, AJoinedHyphenFormIsShownAsAnExpansion) {
  const ParsedQuery q = parser_.parse("e-Boks");
  ASSERT_EQ(q.expansions.size(), 1u);
  EXPECT_EQ(q.expansions[0].kind, "variant");
  EXPECT_EQ(q.expansions[0].to, "eboks");
}

TEST_F(QueryParserTest, ThreeWordsAreCoordinatedAndTwoAreNot) {
  EXPECT_NE(parser_.parse("digitale borgere selvbetjening").query.get_description().find("FILTER"),
            std::string::npos);
  EXPECT_EQ(parser_.parse("digitale borgere").query.get_description().find("FILTER"),
            std::string::npos);
}

TEST_F(QueryParserTest, LowerCaseOgIsAWordNotAnOperator) {
  const ParsedQuery q = parser_.parse("nemid og mitid");
  // As a word, "og" stands in the phrase of the words typed; as OG it would join them.
  EXPECT_NE(q.query.get_description().find("og@"), std::string::npos) << q.query.get_description();
  EXPECT_EQ(q.ignored, std::vector<std::string>{"og"});
}

TEST_F(QueryParserTest, LeavesStopWordsOutButKeepsThemInPhrases) {
  const ParsedQuery q = parser_.parse("strategi for \"det offentlige\"");
  EXPECT_EQ(q.ignored, std::vector<std::string>{"for"});
  EXPECT_NE(q.query.get_description().find("det@"), std::string::npos);
}

TEST_F(QueryParserTest, PrepositionsAndQuestionWordsAreStopWordsToo) {
  // Beyond Snowball's list: "ved" and "mellem" made a third word that two of three had to match.
  const ParsedQuery q = parser_.parse("hvordan deling mellem myndigheder ved nedbrud");
  EXPECT_EQ(q.ignored, (std::vector<std::string>{"hvordan", "mellem", "ved"}));
}

TEST_F(QueryParserTest, KeepsStopWordsWhenTheQueryHasNothingElse) {
  const ParsedQuery q = parser_.parse("og det");
  EXPECT_TRUE(q.ignored.empty());
  EXPECT_FALSE(q.query.empty());
}

TEST_F(QueryParserTest, ReadsBrokenSyntaxAsPlainWords) {
  for (const char* text : {"NemID AND", "(NemID", "OR", "NemID )", "-MitID"}) {
    const ParsedQuery q = parser_.parse(text);
    EXPECT_TRUE(q.as_plain_words) << text;
    EXPECT_FALSE(q.query.empty()) << text;
  }
}

TEST_F(QueryParserTest, LeavesAnOperatorOutOfBrokenSyntaxReadAsPlainWords) {
  // "NemID AND" is "NemID" half typed, not NemID and the word "and" (a duck, plural "ænder").
  for (const char* text : {"NemID AND", "OR NemID", "NemID NOT", "NemID NEAR", "NemID OG ("}) {
    const ParsedQuery q = parser_.parse(text);
    EXPECT_TRUE(q.as_plain_words) << text;
    EXPECT_EQ(q.query.get_description(), parser_.parse("NemID").query.get_description()) << text;
  }
  // An operator alone is all there is to search for.
  EXPECT_FALSE(parser_.parse("AND").query.empty());
}

TEST_F(QueryParserTest, ReadsBadFieldValuesAsPlainWords) {
  for (const char* text : {"dato:igår", "år:20x", "kilde:", "NemID NEAR", "x*"}) {
    const ParsedQuery q = parser_.parse(text);
    EXPECT_TRUE(q.as_plain_words) << text;
  }
}

// Guards a bug fuzzing led to: each parenthesis was parsed by recursion, so a query of
// thousands of "(" overflowed the stack (opslag-search crashed at 10,000 with 8 MB).
TEST_F(QueryParserTest, ReadsParenthesesNestedTooDeeplyAsPlainWords) {
  const std::string text = std::string(2000, '(') + "NemID";
  ParsedQuery q;
  testing::run_with_stack(testing::kSmallStack, [&] { q = parser_.parse(text); });
  EXPECT_TRUE(q.as_plain_words);
  EXPECT_EQ(q.query.get_description(), "Query(Znemid@1)");
  EXPECT_FALSE(parser_.parse("((((NemID))))").as_plain_words);
}

TEST_F(QueryParserTest, RemembersWildcardPrefixesForHighlighting) {
  EXPECT_TRUE(parser_.parse("digitali*").prefixes.contains("digitali"));
}

TEST_F(QueryParserTest, AnUnclosedQuoteRunsToTheEnd) {
  EXPECT_EQ(parsed("\"Digital Post"), "Query((digital@1 PHRASE 2 post@2))");
}

TEST_F(QueryParserTest, RemembersStemsAndPhraseWordsForHighlighting) {
  const ParsedQuery q = parser_.parse("strategierne \"Digital Post\"");
  EXPECT_TRUE(q.stems.contains("strategi"));
  ASSERT_EQ(q.phrases.size(), 1u);
  EXPECT_EQ(q.phrases[0], (std::vector<std::string>{"digital", "post"}));
}

TEST_F(QueryParserTest, WordsApartInTheQueryEarnNoBonusForStandingSideBySide) {
  const ParsedQuery apart = parser_.parse("digital titel:strategi post");
  EXPECT_TRUE(apart.phrases.empty());
  EXPECT_EQ(apart.query.get_description().find("PHRASE"), std::string::npos)
      << apart.query.get_description();
  EXPECT_EQ(parser_.parse("digital post titel:strategi").phrases,
            (std::vector<std::vector<std::string>>{{"digital", "post"}}));
}

TEST_F(QueryParserTest, NeighboursAreJoinedOnlyWhereTheyStandSideBySide) {
  const WordFrequency vocabulary = [](const std::string& word) -> std::uint64_t {
    return word == "gitlab" ? 3 : 10;
  };
  EXPECT_NE(parser_.parse("git lab", vocabulary).query.get_description().find("Zgitlab"),
            std::string::npos);
  EXPECT_EQ(parser_.parse("git titel:kode lab", vocabulary).query.get_description().find("Zgitlab"),
            std::string::npos);
}

TEST_F(QueryParserTest, AQueryWithoutWordsIsBadInput) {
  for (const char* text : {"", "   ", "!!! ---", "\"\""}) {
    EXPECT_THROW((void)parser_.parse(text), BadInput) << text;
  }
}

TEST_F(QueryParserTest, InvalidUtf8IsBadInput) {
  EXPECT_THROW((void)parser_.parse("nem\xc3"), BadInput);
}

}  // namespace
}  // namespace opslag
