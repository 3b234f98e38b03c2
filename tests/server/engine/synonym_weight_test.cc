// Tests that a synonym written in several words weighs as one word: "det centrale
// personregister" found for "cpr" counts as one mention of the thing, not three words.
#include <gtest/gtest.h>

#include "tests/support/searched_corpus.h"

namespace opslag {
namespace {

class SynonymWeightTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("forkortelsen.txt",
                  "Opslag i kommunen\n\n01-02-2024 Nyhed\n\nSagsbehandleren slår op i CPR, og CPR "
                  "svarer straks.\n");
    corpus_.write("navnet.txt",
                  "Opslag i staten\n\n02-02-2024 Nyhed\n\nSagsbehandleren slår op i Det Centrale "
                  "Personregister.\n");
    corpus_.write("vejret.txt", "Vejret\n\n03-02-2024 Nyhed\n\nI morgen bliver det regn.\n");
    corpus_.write("havnen.txt", "Havnen\n\n04-02-2024 Nyhed\n\nSkibene ligger stille i havn.\n");
    corpus_.index();
  }

  testing::SearchedCorpus corpus_;
};

TEST_F(SynonymWeightTest, AWordSaidTwiceOutranksItsSynonymOfThreeWordsSaidOnce) {
  // Counted word by word, the synonym's three words would outweigh the typed one.
  EXPECT_EQ(corpus_.ids("cpr"), (std::vector<std::string>{"forkortelsen.txt", "navnet.txt"}));
}

TEST_F(SynonymWeightTest, ItsDocumentIsStillFoundAndRanksSoInALongerQueryToo) {
  const std::vector<std::string> found = corpus_.ids("cpr sagsbehandleren");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "forkortelsen.txt");
  EXPECT_EQ(found[1], "navnet.txt");
}

}  // namespace
}  // namespace opslag
