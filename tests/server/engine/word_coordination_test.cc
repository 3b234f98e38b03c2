// Tests coordination: how many of a query's words a document needs, all of them ranked first.
#include "server/engine/word_coordination.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tests/support/memory_database.h"

namespace opslag {
namespace {

TEST(WordCoordinationTest, OneOfTwoWordsThenThreeInFiveRoundedUp) {
  const std::vector<std::size_t> expected = {1, 1, 2, 3, 3, 4, 5, 5};
  for (std::size_t n = 1; n <= expected.size(); ++n)
    EXPECT_EQ(minimum_matching(n), expected[n - 1]) << n << " words";
}

TEST(WordCoordinationTest, OneClauseOrVeryManyAreLeftAsTheyAre) {
  const Xapian::Query a("a");
  EXPECT_EQ(coordinated(a, {a}).get_description(), a.get_description());
  const std::vector<Xapian::Query> many(kMaxCoordinatedClauses + 1, a);
  EXPECT_EQ(coordinated(a, many).get_description(), a.get_description());
}

class CoordinatedSearchTest : public ::testing::Test {
 protected:
  /// Ids, best first, of the documents `words` (each a clause) find, ranked by their OR.
  std::vector<std::string> ranked(const std::vector<std::string>& words) const {
    std::vector<Xapian::Query> units;
    for (const std::string& w : words) units.emplace_back(w);
    const Xapian::Query any(Xapian::Query::OP_OR, units.begin(), units.end());
    Xapian::Enquire enquire(db_.db());
    enquire.set_query(coordinated(any, units));
    std::vector<std::string> ids;
    const Xapian::MSet found = enquire.get_mset(0, 10);
    for (auto it = found.begin(); it != found.end(); ++it) ids.push_back(it.get_document().get_data());
    return ids;
  }

  void SetUp() override {
    db_.add({"digital", "post", "borger"}, "all");
    db_.add({"digital", "post", "post", "post", "post"}, "two");
    db_.add({"digital", "digital", "digital"}, "one");
    db_.add({"kanel"}, "none");
  }

  testing::MemoryDatabase db_;
};

TEST_F(CoordinatedSearchTest, ADocumentWithOneOfThreeWordsIsLeftOut) {
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
