// Tests finding a name however it is spaced: words typed apart find them written together
// ("git lab": "GitLab"), and letters and digits typed together find them apart ("iso27001":
// "ISO 27001").
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/support/searched_corpus.h"

namespace opslag {
namespace {

class JoinedWordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("gitlab.txt",
                  "Kildekoden flytter\n\n01-02-2024 Nyhed\n\nFra i dag ligger koden i GitLab, "
                  "som platformen driver selv. Udviklerne får adgang med deres nøglekort.\n");
    corpus_.write("iso-apart.txt",
                  "Sikkerhed i driften\n\n02-02-2024 Nyhed\n\nLeverandøren følger ISO 27001 i "
                  "driften. Det bliver kontrolleret hvert år af en revisor.\n");
    corpus_.write("iso-iec.txt",
                  "Standarder\n\n03-02-2024 Nyhed\n\nKravene svarer til ISO/IEC 27001.\n");
    corpus_.write("iso-together.txt",
                  "Certificering\n\n04-02-2024 Nyhed\n\nCentret er certificeret efter ISO27001.\n");
    corpus_.write("tilbud.txt", "Butikken\n\n05-02-2024 Nyhed\n\nDer er tilbud på kaffe.\n");
    corpus_.write("bud.txt", "Auktion\n\n06-02-2024 Nyhed\n\nDet højeste bud vandt.\n");
    corpus_.index();
  }

  testing::SearchedCorpus corpus_;
};

TEST_F(JoinedWordsTest, TwoWordsTypedApartFindTheWordTheyMakeTogether) {
  const SearchResult result = corpus_.search("git lab");
  EXPECT_EQ(corpus_.ids("git lab"), (std::vector<std::string>{"gitlab.txt"}));
  EXPECT_EQ(testing::SearchedCorpus::added(result, "variant"), "gitlab");
  EXPECT_NE(testing::SearchedCorpus::marked_snippet(result, "gitlab.txt").find("[GitLab]"),
            std::string::npos);
}

TEST_F(JoinedWordsTest, LettersAndDigitsTypedTogetherFindThemApart) {
  const SearchResult result = corpus_.search("iso27001");
  EXPECT_EQ(corpus_.sorted_ids("iso27001"),
            (std::vector<std::string>{"iso-apart.txt", "iso-iec.txt", "iso-together.txt"}));
  EXPECT_EQ(testing::SearchedCorpus::added(result, "variant"), "iso 27001");
  EXPECT_NE(testing::SearchedCorpus::marked_snippet(result, "iso-apart.txt").find("[ISO 27001]"),
            std::string::npos);
}

TEST_F(JoinedWordsTest, LettersAndDigitsTypedTogetherFindThemApartBesideOtherWords) {
  // Two words are coordinated: the phrase "iso 27001" must still be searched.
  EXPECT_EQ(corpus_.sorted_ids("iso27001 revisor"),
            (std::vector<std::string>{"iso-apart.txt", "iso-iec.txt", "iso-together.txt"}));
}

TEST_F(JoinedWordsTest, LettersAndDigitsTypedApartFindThemTogether) {
  const std::vector<std::string> found = corpus_.sorted_ids("iso 27001");
  EXPECT_NE(std::find(found.begin(), found.end(), "iso-together.txt"), found.end());
}

TEST_F(JoinedWordsTest, AStopWordIsNotJoinedToItsNeighbour) {
  // "til" is a stop word: "til bud" searches "bud" and no "tilbud".
  EXPECT_EQ(corpus_.ids("til bud"), (std::vector<std::string>{"bud.txt"}));
}

}  // namespace
}  // namespace opslag
