// Tests the table of short prefixes' best words: its order, its bounds, its new revisions.
#include "server/engine/short_prefix_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/memory_database.h"

namespace opslag {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using testing::MemoryDatabase;
using ::testing::Not;

/// "post" in three documents, "pris" in two, "posten" in one; a stop word, a possessive and
/// prefixed (title, stem) terms beside them.
class ShortPrefixTableTest : public ::testing::Test {
 protected:
  ShortPrefixTableTest() {
    index_.add({"post", "pris", "posten", "og", "post's", "Spost", "Zpost"});
    index_.add({"post", "pris"});
    index_.add({"post"});
  }

  /// The words the table gives for `prefix`, or "(no table)".
  std::vector<std::string> best(const ShortPrefixTable& table, const std::string& prefix,
                                std::size_t size = 8) {
    const auto found = table.best(index_.db(), prefix, size);
    if (!found) return {"(no table)"};
    std::vector<std::string> out;
    for (const WordCount& w : *found) out.push_back(w.word);
    return out;
  }

  DanishAnalyzer analyzer_{{"og"}};
  MemoryDatabase index_;
};

TEST_F(ShortPrefixTableTest, GivesThePrefixsWordsInTheMostDocumentsFirst) {
  const ShortPrefixTable table(analyzer_, 2, 8);
  EXPECT_THAT(best(table, "p"), ElementsAre("post", "pris", "posten"));
  EXPECT_THAT(best(table, "po"), ElementsAre("post", "posten"));
}

TEST_F(ShortPrefixTableTest, GivesAtMostTheSizeAskedForAndTheSizeItKeeps) {
  EXPECT_THAT(best(ShortPrefixTable(analyzer_, 2, 8), "p", 1), ElementsAre("post"));
  EXPECT_THAT(best(ShortPrefixTable(analyzer_, 2, 2), "p"), ElementsAre("post", "pris"));
}

TEST_F(ShortPrefixTableTest, LeavesOutStopWordsPossessivesAndPrefixedTerms) {
  const ShortPrefixTable table(analyzer_, 2, 8);
  EXPECT_THAT(best(table, "o"), ElementsAre());
  EXPECT_THAT(best(table, "po"), Not(Contains("post's")));
  EXPECT_THAT(best(table, "S"), ElementsAre());
  EXPECT_THAT(best(table, "Z"), ElementsAre());
}

TEST_F(ShortPrefixTableTest, APrefixNoWordBeginsGetsNoWords) {
  EXPECT_THAT(best(ShortPrefixTable(analyzer_, 2, 8), "xy"), ElementsAre());
}

TEST_F(ShortPrefixTableTest, KeepsOnlyPrefixesOfUpToItsCharacters) {
  const ShortPrefixTable table(analyzer_, 1, 8);
  EXPECT_THAT(best(table, "p"), ElementsAre("post", "pris", "posten"));
  EXPECT_THAT(best(table, "po"), ElementsAre());
}

TEST_F(ShortPrefixTableTest, CountsAPrefixInCharactersNotBytes) {
  index_.add({"økonomi"});
  EXPECT_THAT(best(ShortPrefixTable(analyzer_, 1, 8), "ø"), ElementsAre("økonomi"));
}

TEST_F(ShortPrefixTableTest, FollowsANewRevisionOfTheIndex) {
  const ShortPrefixTable table(analyzer_, 2, 8);
  EXPECT_THAT(best(table, "øk"), ElementsAre());
  index_.add({"økonomi"});
  EXPECT_THAT(best(table, "øk"), ElementsAre("økonomi"));
}

}  // namespace
}  // namespace opslag
