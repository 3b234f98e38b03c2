// Tests the queries of single clauses and what they record for snippets and expansions.
#include "server/engine/clause_queries.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

class ClauseQueriesTest : public ::testing::Test {
 protected:
  /// Clauses over the syntax schema, stop words left out unless `keep_stopwords`.
  ClauseQueries clauses(bool keep_stopwords = false) {
    return ClauseQueries(testing::syntax_schema(), analyzer_, synonyms_, vocabulary_, spelling_, 10,
                         keep_stopwords, out_);
  }

  DanishAnalyzer analyzer_{{"og"}};
  SynonymExpander synonyms_{{{"KL", "Kommunernes Landsforening"}}, analyzer_};
  WordFrequency vocabulary_;
  NearestSpelling spelling_;
  ParsedQuery out_;
};

TEST_F(ClauseQueriesTest, AWordMatchesByItsStem) {
  EXPECT_FALSE(clauses().free_word("", "Strategierne", nullptr).empty());
  EXPECT_THAT(out_.stems, ElementsAre(analyzer_.stem("strategierne")));
  EXPECT_THAT(out_.free_words, ElementsAre("strategierne"));
}

/// An archive that holds "intelligens" and "strategierne", and spells slips as its own words.
class RespellingTest : public ClauseQueriesTest {
 protected:
  RespellingTest() {
    vocabulary_ = [](const std::string& word) -> std::uint64_t {
      return word == "intelligens" || word == "strategierne" ? 40 : 0;
    };
    spelling_ = [](const std::string& word) -> std::string {
      if (word == "inteligens") return "intelligens";
      if (word == "strategiernes") return "strategierne";
      if (word == "intelligns") return "intelligens";
      if (word == "intelligens") return "intelligent";
      if (word == "won") return "jon";
      if (word == "iso27001") return "iso27002";
      return "";
    };
  }
};

TEST_F(RespellingTest, AWordTheArchiveLacksIsSearchedAsTheArchiveSpellsIt) {
  std::vector<std::string> plain_words;  // for the phrase bonus and the synonyms
  EXPECT_FALSE(clauses().free_word("", "inteligens", &plain_words).empty());
  EXPECT_THAT(plain_words, ElementsAre("intelligens"));
  EXPECT_THAT(out_.stems, Contains(analyzer_.stem("intelligens")));
  EXPECT_THAT(out_.stems, Not(Contains(analyzer_.stem("inteligens"))));  // "int"
  ASSERT_FALSE(out_.expansions.empty());
  EXPECT_EQ(out_.expansions[0].kind, "respelled");
  EXPECT_EQ(out_.expansions[0].from, "inteligens");
  EXPECT_EQ(out_.expansions[0].to, "intelligens");
  EXPECT_THAT(out_.free_words, ElementsAre("intelligens"));  // nothing left to suggest
}

TEST_F(RespellingTest, AFormOfAWordTheArchiveHoldsIsSearchedAsTyped) {
  (void)clauses().free_word("", "strategiernes", nullptr);
  EXPECT_TRUE(out_.expansions.empty());
  EXPECT_THAT(out_.stems, ElementsAre(analyzer_.stem("strategiernes")));
}

TEST_F(RespellingTest, AWordTheArchiveHoldsOrAShortWordIsNeverRespelled) {
  (void)clauses().free_word("", "intelligens", nullptr);
  (void)clauses().free_word("", "won", nullptr);
  EXPECT_TRUE(out_.expansions.empty());
}

TEST_F(RespellingTest, ACodeOfLettersAndDigitsIsNeverRespelled) {
  (void)clauses().free_word("", "iso27001", nullptr);
  for (const Expansion& e : out_.expansions) EXPECT_NE(e.kind, "respelled") << e.to;
}

TEST_F(RespellingTest, NothingIsRespelledWithoutAVocabulary) {
  vocabulary_ = {};
  (void)clauses().free_word("", "intelligns", nullptr);
  EXPECT_TRUE(out_.expansions.empty());
}

TEST_F(ClauseQueriesTest, AWordWithAaIsWidenedToItsOtherSpelling) {
  (void)clauses().free_word("", "Aarhus", nullptr);
  ASSERT_EQ(out_.expansions.size(), 1u);
  EXPECT_EQ(out_.expansions[0].kind, "spelling");
  EXPECT_EQ(out_.expansions[0].to, "århus");
  EXPECT_THAT(out_.stems, Contains(analyzer_.stem("århus")));
}

TEST_F(ClauseQueriesTest, AStopWordIsLeftOutUnlessKept) {
  EXPECT_TRUE(clauses().free_word("", "og", nullptr).empty());
  EXPECT_THAT(out_.ignored, ElementsAre("og"));
  EXPECT_FALSE(clauses(true).free_word("", "og", nullptr).empty());
}

TEST_F(ClauseQueriesTest, APlainWordIsAddedToThePlainWords) {
  std::vector<std::string> plain;
  (void)clauses().free_word("", "NemID", &plain);
  EXPECT_THAT(plain, ElementsAre("nemid"));
}

TEST_F(ClauseQueriesTest, AWildcardRecordsItsPrefix) {
  (void)clauses().free_word("", "digitali*", nullptr);
  EXPECT_THAT(out_.prefixes, ElementsAre("digitali"));
}

TEST_F(ClauseQueriesTest, AWildcardOfOneLetterIsASyntaxError) {
  EXPECT_THROW((void)clauses().free_word("", "d*", nullptr), QuerySyntaxError);
}

TEST_F(ClauseQueriesTest, APhraseRecordsItsWordsAsWritten) {
  (void)clauses().exact_phrase("", "Digital Post");
  EXPECT_THAT(out_.phrases, ElementsAre(std::vector<std::string>{"digital", "post"}));
}

TEST_F(ClauseQueriesTest, PositionsCountOnAcrossClauses) {
  ClauseQueries c = clauses();
  const Xapian::Query first = c.phrase("", {"digital", "post"});
  const Xapian::Query second = c.phrase("", {"brev"});
  EXPECT_EQ(second.get_description(), Xapian::Query("brev", 1, 3).get_description());
  EXPECT_EQ(first.get_type(), Xapian::Query::OP_PHRASE);
}

TEST_F(ClauseQueriesTest, TheSynonymsOfPlainWordsAreAddedAndRecorded) {
  const std::vector<SynonymQuery> added = clauses().synonyms_of({"borgerne", "kl"});
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].first, 1u);  // stands for "kl", the second word
  EXPECT_EQ(added[0].length, 1u);
  EXPECT_TRUE(added[0].phrase);
  // Two words weigh as one: each half.
  EXPECT_EQ(added[0].query.get_description(),
            "Query(0.5 * (kommunernes@1 PHRASE 2 landsforening@2))");
  ASSERT_EQ(out_.expansions.size(), 1u);
  EXPECT_EQ(out_.expansions[0].kind, "synonym");
  EXPECT_EQ(out_.expansions[0].from, "kl");
  EXPECT_EQ(out_.expansions[0].to, "kommunernes landsforening");
}

TEST_F(ClauseQueriesTest, NearRecordsEachWordAndMatchesThemNear) {
  const Xapian::Query q = clauses().near({"nemid", "mitid"}, 3);
  EXPECT_EQ(q.get_type(), Xapian::Query::OP_NEAR);
  EXPECT_THAT(out_.phrases,
              ElementsAre(std::vector<std::string>{"nemid"}, std::vector<std::string>{"mitid"}));
}

TEST_F(ClauseQueriesTest, AFieldWithoutAValueIsASyntaxError) {
  EXPECT_THROW((void)clauses().field(Token{TokenKind::kWord, "", 0, "kilde", 0}), QuerySyntaxError);
}

TEST_F(ClauseQueriesTest, ADateThatIsNoDateIsASyntaxError) {
  EXPECT_THROW((void)clauses().field(Token{TokenKind::kWord, "igår", 0, "dato", 0}),
               QuerySyntaxError);
}

TEST_F(ClauseQueriesTest, ASourceFiltersWithoutWidening) {
  const Xapian::Query q = clauses().field(Token{TokenKind::kWord, "KL", 0, "kilde", 0});
  EXPECT_EQ(q.get_type(), Xapian::Query::LEAF_TERM);
  EXPECT_TRUE(out_.expansions.empty());
}

}  // namespace
}  // namespace opslag
