// Tests the bonus for a query's words standing together: it holds for the words in any of
// their forms, so "datadelingen mellem myndighederne" meets a text that says "datadeling
// mellem myndigheder".
#include <gtest/gtest.h>

#include "tests/support/searched_corpus.h"

namespace opslag {
namespace {

class PhraseBonusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // "samlet" and "apart" hold the same words as often; "apart" is shorter, so by the words
    // alone it comes first.
    corpus_.write("samlet.txt",
                  "Initiativ otte\n\n01-02-2024 Nyhed\n\nVi vil afprøve bedre datadeling mellem "
                  "myndigheder i forløb, hvor børn og unge får hjælp af flere fagfolk på en gang, "
                  "og hvor familien oplever en sammenhængende indsats.\n");
    corpus_.write("apart.txt",
                  "Arkitekturen\n\n02-02-2024 Nyhed\n\nMyndigheder bruger registre. Reglerne for "
                  "datadeling står i loven.\n");
    corpus_.write("assistent.txt",
                  "Svar om natten\n\n03-02-2024 Nyhed\n\nKommunen afprøver en AI-baseret "
                  "digital assistent, som besvarer spørgsmål fra borgerne om skat, pension og "
                  "boligstøtte, også når rådhuset er lukket for natten.\n");
    corpus_.write("velfaerd.txt",
                  "Velfærd\n\n04-02-2024 Nyhed\n\nVi leverer velfærd til borgerne. Hjælpen "
                  "skal nå ud til borgerne.\n");
    corpus_.write("vejret.txt", "Vejret\n\n05-02-2024 Nyhed\n\nI morgen bliver det regn.\n");
    corpus_.index();
  }

  testing::SearchedCorpus corpus_;
};

TEST_F(PhraseBonusTest, TheWordsTogetherInOtherFormsOutrankTheSameWordsApart) {
  const std::vector<std::string> found = corpus_.ids("datadelingen mellem myndighederne");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "samlet.txt");
}

TEST_F(PhraseBonusTest, AStopWordBesideOneOtherWordEarnsNoBonus) {
  // "til borgerne" is a common phrase, not a need: the page on the assistant holds both of
  // the query's words and comes before the text that repeats the phrase.
  const std::vector<std::string> found = corpus_.ids("ai-assistent til borgerne");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "assistent.txt");
}

}  // namespace
}  // namespace opslag
