// Tests coordination: how many of a query's words a document needs, all of them ranked first,
// phrases kept apart.
#include "server/engine/word_coordination.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/memory_database.h"

namespace opslag {
namespace {

TEST(WordCoordinationTest, OneOfTwoWordsThenTwoInFiveRoundedUp) {
  const std::vector<std::size_t> expected = {1, 1, 2, 2, 2, 3, 3, 4};
  for (std::size_t n = 1; n <= expected.size(); ++n)
    EXPECT_EQ(minimum_matching(n), expected[n - 1]) << n << " words";
}

/// The phrase of `words`.
Xapian::Query phrase_of(const std::vector<std::string>& words) {
  return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end());
}

TEST(WordCoordinationTest, PhrasesAreTakenOutOfAnOrAndCollected) {
  const Xapian::Query phrase = phrase_of({"e", "boks"});
  std::vector<Xapian::Query> phrases;
  const auto rest =
      without_phrases(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Zebok"), phrase), phrases);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->get_description(), Xapian::Query("Zebok").get_description());
  ASSERT_EQ(phrases.size(), 1u);
  EXPECT_EQ(phrases[0].get_description(), phrase.get_description());
}

TEST(WordCoordinationTest, APhraseAloneLeavesAnEmptyQuery) {
  const Xapian::Query phrase = phrase_of({"digital", "post"});
  std::vector<Xapian::Query> phrases;
  const auto rest = without_phrases(phrase, phrases);
  ASSERT_TRUE(rest);
  EXPECT_TRUE(rest->empty());
  EXPECT_EQ(phrases.size(), 1u);
  EXPECT_TRUE(without_phrases(Xapian::Query("Zpost"), phrases));
}

TEST(WordCoordinationTest, APhraseUnderAnAndCannotBeTakenOutEvenWithinAnOr) {
  const Xapian::Query phrase = phrase_of({"digital", "post"});
  const Xapian::Query under_and(Xapian::Query::OP_AND, Xapian::Query("a"), phrase);
  std::vector<Xapian::Query> phrases;
  EXPECT_FALSE(without_phrases(under_and, phrases));
  EXPECT_FALSE(without_phrases(
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Zpost"), under_and), phrases));
}

TEST(WordCoordinationTest, APhraseScaledToAWeightOfItsOwnIsTakenOutWithItsWeight) {
  // "iso27001" is also searched as the phrase "iso 27001" at half weight.
  const Xapian::Query scaled(Xapian::Query::OP_SCALE_WEIGHT, phrase_of({"iso", "27001"}), 0.5);
  std::vector<Xapian::Query> phrases;
  const auto rest = without_phrases(
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Ziso27001"), scaled), phrases);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->get_description(), Xapian::Query("Ziso27001").get_description());
  ASSERT_EQ(phrases.size(), 1u);
  EXPECT_EQ(phrases[0].get_description(), scaled.get_description());
}

class CoordinatedSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.add({"digital", "post", "borger"}, "all");
    db_.add({"digital", "post", "post", "post", "post"}, "two");
    db_.add({"digital", "digital", "digital"}, "one");
    db_.add({"kanel"}, "none");
  }

  /// Ids, best first, of the documents `words` (each a clause) find.
  std::vector<std::string> ranked(const std::vector<std::string>& words) const {
    CoordinationParts parts;
    for (const std::string& w : words) parts.units.emplace_back(w);
    parts.words = Xapian::Query(Xapian::Query::OP_OR, parts.units.begin(), parts.units.end());
    Xapian::Enquire enquire(db_.db());
    enquire.set_query(coordinated(parts));
    std::vector<std::string> ids;
    const Xapian::MSet found = enquire.get_mset(0, 10);
    for (auto it = found.begin(); it != found.end(); ++it)
      ids.push_back(it.get_document().get_data());
    return ids;
  }

  testing::MemoryDatabase db_;
};

TEST_F(CoordinatedSearchTest, ADocumentWithEnoughOfTheWordsIsFound) {
  const std::vector<std::string> ids = ranked({"digital", "post", "borger"});
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), (std::set<std::string>{"all", "two"}));
}

TEST_F(CoordinatedSearchTest, ADocumentWithEveryWordRanksAboveOneWithMoreOfSome) {
  // "two" says "post" four times, but lacks "borger".
  EXPECT_EQ(ranked({"digital", "post", "borger"}).front(), "all");
}

TEST_F(CoordinatedSearchTest, OneOfTwoWordsIsEnough) {
  const std::vector<std::string> ids = ranked({"digital", "post"});
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()),
            (std::set<std::string>{"all", "two", "one"}));
}

TEST_F(CoordinatedSearchTest, AQuestionAboutSomethingElseFindsNothing) {
  EXPECT_TRUE(ranked({"opskrift", "æblekage", "kanel"}).empty());
}

}  // namespace
}  // namespace opslag
