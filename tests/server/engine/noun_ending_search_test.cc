// Tests searching across a verb's two nouns: "aldersverificering" finds "aldersverifikation"
// and back, as Folketinget's speakers use both for the same check.
#include <gtest/gtest.h>

#include "tests/support/searched_corpus.h"

namespace opslag {
namespace {

class NounEndingSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("ministeren.txt",
                  "Sociale medier\n\n12-05-2023 Tale\n\nRegeringen vil have en sikker "
                  "aldersverifikation, før børn kan oprette en profil.\n");
    corpus_.write("ordfoereren.txt",
                  "Børn på nettet\n\n12-05-2023 Tale\n\nVi støtter aldersverificering med "
                  "MitID.\n");
    corpus_.write("klasser.txt",
                  "Data\n\n01-02-2024 Vejledning\n\nKlassifikationen af data følger "
                  "standarden.\n");
    corpus_.write("pension.txt", "Pension\n\n01-02-2024 Nyhed\n\nFolkepensionen stiger i 2030.\n");
    corpus_.index();
  }

  testing::SearchedCorpus corpus_;
};

TEST_F(NounEndingSearchTest, EitherEndingFindsBoth) {
  const std::vector<std::string> both{"ministeren.txt", "ordfoereren.txt"};
  EXPECT_EQ(corpus_.sorted_ids("aldersverificering"), both);
  EXPECT_EQ(corpus_.sorted_ids("aldersverifikation"), both);
  EXPECT_EQ(corpus_.sorted_ids("klassificering"), std::vector<std::string>{"klasser.txt"});
}

TEST_F(NounEndingSearchTest, SaysWhichFormItAddedAndMarksIt) {
  const SearchResult result = corpus_.search("aldersverificering");
  EXPECT_EQ(testing::SearchedCorpus::added(result, "form"), "aldersverifikation");
  EXPECT_NE(testing::SearchedCorpus::marked_snippet(result, "ministeren.txt")
                .find("[aldersverifikation]"),
            std::string::npos);
}

}  // namespace
}  // namespace opslag
