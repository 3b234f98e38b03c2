// Tests the order of suggested words and the bounds on what suggestions read of the index.
#include "server/engine/suggestion_ranking.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/memory_database.h"

namespace opslag {
namespace {

using ::testing::ElementsAre;
using testing::MemoryDatabase;

std::vector<std::string> words_of(const std::vector<WordCount>& counts) {
  std::vector<std::string> out;
  for (const WordCount& c : counts) out.push_back(c.word);
  return out;
}

TEST(SuggestionRankingTest, AWordInMoreDocumentsRanksFirst) {
  EXPECT_TRUE(ranks_before({"post", 3}, {"nemid", 2}));
  EXPECT_FALSE(ranks_before({"nemid", 2}, {"post", 3}));
}

TEST(SuggestionRankingTest, WordsInAsManyDocumentsRankAlphabetically) {
  EXPECT_TRUE(ranks_before({"nemid", 2}, {"nemidkort", 2}));
  EXPECT_FALSE(ranks_before({"nemidkort", 2}, {"nemid", 2}));
}

TEST(SuggestionRankingTest, KeepBestSortsBestFirstAndCutsToSize) {
  std::vector<WordCount> words{{"a", 1}, {"b", 4}, {"c", 2}, {"d", 3}};
  keep_best(words, 2);
  EXPECT_THAT(words_of(words), ElementsAre("b", "d"));
}

TEST(SuggestionRankingTest, KeepBestKeepsEveryWordWhenThereAreFewerThanSize) {
  std::vector<WordCount> words{{"a", 1}, {"b", 4}};
  keep_best(words, 5);
  EXPECT_THAT(words_of(words), ElementsAre("b", "a"));
}

TEST(SuggestionRankingTest, StopWordsAndPossessivesAreNotWorthSuggesting) {
  const DanishAnalyzer analyzer({"og"});
  EXPECT_FALSE(worth_suggesting(analyzer, "og"));
  EXPECT_FALSE(worth_suggesting(analyzer, "nemid's"));
  EXPECT_FALSE(worth_suggesting(analyzer, "nemid\u2019s"));
  EXPECT_TRUE(worth_suggesting(analyzer, "nemid"));
}

TEST(SuggestionRankingTest, TermsBeginningGivesTheKeptTermsOfThePrefixWithTheirDocuments) {
  MemoryDatabase index;
  index.add({"post", "posten", "pris"});
  index.add({"post", "postkasse"});
  const auto found =
      terms_beginning(index.db(), "pos", [](std::string_view term) { return term != "posten"; });
  EXPECT_THAT(words_of(found), ElementsAre("post", "postkasse"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].documents, 2u);
  EXPECT_EQ(found[1].documents, 1u);
}

TEST(SuggestionRankingTest, TermsBeginningReadsAtMostTheBoundOfTerms) {
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < kMaxScannedTerms + 10; ++i) terms.push_back("w" + std::to_string(i));
  MemoryDatabase index;
  index.add(terms);
  EXPECT_EQ(terms_beginning(index.db(), "w", [](std::string_view) { return true; }).size(),
            kMaxScannedTerms);
}

TEST(SuggestionRankingTest, EnquireAllOfMatchesOnlyDocumentsHoldingEveryPart) {
  MemoryDatabase index;
  const Xapian::docid both = index.add({"digital", "post"});
  index.add({"digital"});
  index.add({"post"});
  const Xapian::MSet found =
      enquire_all_of(index.db(), {Xapian::Query("digital"), Xapian::Query("post")}, 2)
          .get_mset(0, 10);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(*found.begin(), both);
}

TEST(SuggestionRankingTest, EnquireAllOfRanksOnlyWhenTheRarestPartIsRareEnough) {
  MemoryDatabase index;
  index.add({"post"});
  index.add({"post", "post", "brev"});
  const std::vector<Xapian::Query> post{Xapian::Query("post")};
  const Xapian::MSet ranked = enquire_all_of(index.db(), post, kMaxRankedPostings).get_mset(0, 10);
  const Xapian::MSet unranked =
      enquire_all_of(index.db(), post, kMaxRankedPostings + 1).get_mset(0, 10);
  ASSERT_EQ(ranked.size(), 2u);
  ASSERT_EQ(unranked.size(), 2u);
  EXPECT_GT(ranked.begin().get_weight(), 0);
  EXPECT_EQ(unranked.begin().get_weight(), 0);
}

}  // namespace
}  // namespace opslag
