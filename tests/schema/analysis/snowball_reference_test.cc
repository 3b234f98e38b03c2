// Checks the stemmer against the Snowball project's Danish reference list in ../shared.
#include <gtest/gtest.h>

#include <fstream>

#include "schema/analysis/danish_analyzer.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

TEST(SnowballReferenceTest, StemsEveryReferenceWordAsSnowballDanishDoes) {
  const auto shared = testing::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not beside the checkout: no reference list";
  std::ifstream words(shared / "corpus" / "snowball-danish-voc.txt");
  std::ifstream stems(shared / "corpus" / "snowball-danish-output.txt");
  ASSERT_TRUE(words && stems);
  const DanishAnalyzer analyzer;
  int checked = 0, wrong = 0;
  std::string first_wrong;
  for (std::string word, stem; std::getline(words, word) && std::getline(stems, stem); ++checked) {
    if (analyzer.stem(word) == stem) continue;
    if (wrong++ == 0) first_wrong = word + " -> " + analyzer.stem(word) + ", expected " + stem;
  }
  EXPECT_GT(checked, 20000);
  EXPECT_EQ(wrong, 0) << "first: " << first_wrong;
}

TEST(SnowballReferenceTest, EveryStemIsAPrefixOfItsWord) {
  // The snippet maker relies on this to stem only the words that could match.
  const auto shared = testing::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not beside the checkout: no reference list";
  std::ifstream words(shared / "corpus" / "snowball-danish-voc.txt");
  ASSERT_TRUE(words);
  const DanishAnalyzer analyzer;
  int checked = 0;
  for (std::string word; std::getline(words, word); ++checked)
    ASSERT_TRUE(word.starts_with(analyzer.stem(word))) << word << " -> " << analyzer.stem(word);
  EXPECT_GT(checked, 20000);
}

}  // namespace
}  // namespace opslag
