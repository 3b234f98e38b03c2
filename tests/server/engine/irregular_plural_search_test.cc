// Tests searching across irregular plurals: "tegnebøger" finds "tegnebogen" and the compound
// "identitetstegnebog", and "tegnebog" finds "tegnebøgerne", with the forms marked.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/support/searched_corpus.h"

namespace opslag {
namespace {

class IrregularPluralSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("tegnebogen.txt",
                  "Ny app\n\n01-02-2025 Nyhed\n\nTegnebogen kommer på telefonen i 2026.\n");
    corpus_.write("identitet.txt",
                  "EU-krav\n\n02-03-2025 Nyhed\n\nHver stat skal tilbyde en digital "
                  "identitetstegnebog.\n");
    corpus_.write("flere.txt",
                  "I Europa\n\n03-04-2025 Nyhed\n\nTegnebøgerne skal kunne tale sammen.\n");
    corpus_.write("bog.txt", "Læsning\n\n04-05-2025 Nyhed\n\nEn god bog om haven.\n");
    corpus_.index();
  }

  testing::SearchedCorpus corpus_;
};

TEST_F(IrregularPluralSearchTest, ThePluralFindsTheSingularAndItsCompounds) {
  EXPECT_EQ(corpus_.sorted_ids("tegnebøger"),
            (std::vector<std::string>{"flere.txt", "identitet.txt", "tegnebogen.txt"}));
}

TEST_F(IrregularPluralSearchTest, TheSingularFindsThePlural) {
  const std::vector<std::string> found = corpus_.ids("tegnebog");
  EXPECT_NE(std::find(found.begin(), found.end(), "flere.txt"), found.end());
}

TEST_F(IrregularPluralSearchTest, SaysWhichFormItAddedAndMarksIt) {
  const SearchResult result = corpus_.search("tegnebøger");
  EXPECT_EQ(testing::SearchedCorpus::added(result, "form"), "tegnebog");
  EXPECT_NE(testing::SearchedCorpus::marked_snippet(result, "tegnebogen.txt").find("[Tegnebogen]"),
            std::string::npos);
}

TEST_F(IrregularPluralSearchTest, BooksFindABookFirstAndWalletsAsCompoundsOfIt) {
  const std::vector<std::string> found = corpus_.ids("bøger");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "bog.txt");
}

}  // namespace
}  // namespace opslag
