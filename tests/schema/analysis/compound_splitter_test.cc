// Tests the compound splitter on hand-checked words and its rules file.
#include "schema/analysis/compound_splitter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "schema/analysis/danish_analyzer.h"
#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

const CompoundSplitter& splitter() {
  const auto& compounds = testing::project_schema().compounds();
  if (!compounds) throw std::runtime_error("the project schema names no compound dictionary");
  return *compounds;
}

/// The parts of `word` as one string: "sundheds|portalen".
std::string parts_of(std::string_view word) {
  std::string out;
  for (const CompoundPart& p : splitter().split(word)) out += (out.empty() ? "" : "|") + p.text;
  return out;
}

TEST(CompoundSplitterTest, SplitsAtTheLinkingS) {
  EXPECT_EQ(parts_of("digitaliseringsstrategien"), "digitaliserings|strategien");
  EXPECT_EQ(parts_of("sundhedsportalen"), "sundheds|portalen");
}

TEST(CompoundSplitterTest, GivesEachModifierItsDictionaryWord) {
  const auto parts = splitter().split("sundhedsportalen");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].word, "sundhed");
  EXPECT_EQ(parts[1].word, "portalen");
}

TEST(CompoundSplitterTest, SplitsWithoutALinkingLetter) {
  EXPECT_EQ(parts_of("borgerportal"), "borger|portal");
  EXPECT_EQ(parts_of("postkassen"), "post|kassen");
}

TEST(CompoundSplitterTest, SplitsInflectedHeadsThatTakeTwoSuffixes) {
  EXPECT_EQ(parts_of("computerprogrammet"), "computer|programmet");
}

TEST(CompoundSplitterTest, PrefersTheShortestHeadAmongSplitsOfAsManyParts) {
  EXPECT_EQ(parts_of("borgerservicecenter"), "borgerservice|center");
}

TEST(CompoundSplitterTest, LetsOnlyListedThreeLetterWordsStandAsParts) {
  EXPECT_EQ(parts_of("ventetiden"), "vente|tiden");
  EXPECT_EQ(parts_of("netbank"), "net|bank");
  EXPECT_EQ(parts_of("nødløsning"), "nød|løsning");
  EXPECT_EQ(parts_of("nødvendigheden"), "");  // not "nød|vendigheden"
  EXPECT_EQ(parts_of("borgerne"), "");        // not "bor|gerne"
}

TEST(CompoundSplitterTest, NeverSplitsAnInflectionOfItsFirstPart) {
  EXPECT_EQ(parts_of("trinnet"), "");  // "trin" inflected, not "trin|net"
}

TEST(CompoundSplitterTest, NeverSplitsOffADerivationalEnding) {
  EXPECT_EQ(parts_of("myndighederne"), "");  // not "myndig|hederne"
  EXPECT_EQ(parts_of("statslige"), "");      // not "stats|lige"
  EXPECT_EQ(parts_of("digitaliser"), "");    // not "digital|iser"
}

TEST(CompoundSplitterTest, NeverSplitsWordsTheRulesListAsWhole) {
  EXPECT_EQ(parts_of("platform"), "");  // not "plat|form"
  EXPECT_EQ(parts_of("portalen"), "");  // not "port|alen"
}

/// The two immediate parts of a split, as stems: the modifiers joined, and the head.
std::pair<std::string, std::string> immediate_stems(const std::vector<CompoundPart>& parts,
                                                    const DanishAnalyzer& analyzer) {
  std::string modifier;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i)
    modifier += i + 2 == parts.size() ? parts[i].word : parts[i].text;
  return {analyzer.stem(modifier), analyzer.stem(parts.back().word)};
}

TEST(CompoundSplitterTest, SplitsNineInTenHandCheckedCompoundsAndAtMostTwoPercentOfOtherWords) {
  std::ifstream in(std::filesystem::path(OPSLAG_SOURCE_DIR) /
                   "tests/schema/analysis/compounds-da.txt");
  ASSERT_TRUE(in);
  const DanishAnalyzer analyzer(testing::project_schema());
  int compounds = 0, right = 0, others = 0, split_wrongly = 0;
  std::string misses, false_splits;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string word, modifier, head;
    fields >> word >> modifier >> head;
    const auto parts = splitter().split(word);
    if (modifier == "-") {
      ++others;
      if (!parts.empty()) {
        ++split_wrongly;
        false_splits += " " + parts_of(word);
      }
      continue;
    }
    ++compounds;
    const auto expected = std::make_pair(analyzer.stem(modifier), analyzer.stem(head));
    if (!parts.empty() && immediate_stems(parts, analyzer) == expected) {
      ++right;
    } else {
      misses += " " + word + "(" + parts_of(word) + ")";
    }
  }
  ASSERT_GE(compounds + others, 200);
  const double recall = static_cast<double>(right) / compounds;
  const double false_rate = static_cast<double>(split_wrongly) / others;
  std::cout << "compounds split right: " << right << "/" << compounds << " (" << recall * 100
            << "%); other words split: " << split_wrongly << "/" << others << " ("
            << false_rate * 100 << "%)\n";
  EXPECT_GE(recall, 0.90) << "missed:" << misses;
  EXPECT_LE(false_rate, 0.02) << "split:" << false_splits;
}

TEST(CompoundRulesTest, ReadsEveryKindOfLine) {
  testing::TempDir dir;
  const auto path = dir.write("parts.txt",
                              "# kommentar\nshort: tid mål\nbegin: cyber\n"
                              "not-head: hed\nwhole: platform\n");
  const CompoundRules rules = CompoundRules::load(path);
  EXPECT_TRUE(rules.short_parts.contains("mål"));
  EXPECT_TRUE(rules.begin.contains("cyber"));
  EXPECT_TRUE(rules.not_head.contains("hed"));
  EXPECT_TRUE(rules.whole.contains("platform"));
}

TEST(CompoundRulesTest, NamesTheFileAndLineOfAnUnknownKind) {
  testing::TempDir dir;
  const auto path = dir.write("parts.txt", "short: tid\nlong: strategi\n");
  try {
    (void)CompoundRules::load(path);
    FAIL() << "expected SchemaError";
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("parts.txt:2: expected"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace opslag
