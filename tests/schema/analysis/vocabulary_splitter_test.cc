// Tests the frequency-based compound splitter on tiny vocabularies and, with a vocabulary
// counted from real digitalisation texts of ../shared, on the hand-checked word list.
#include "schema/analysis/vocabulary_splitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "schema/analysis/danish_analyzer.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

/// A vocabulary of the words of `counts` as written.
WordFrequency vocabulary(std::map<std::string, std::uint64_t> counts) {
  return [counts = std::move(counts)](const std::string& word) -> std::uint64_t {
    const auto it = counts.find(word);
    return it == counts.end() ? 0 : it->second;
  };
}

TEST(VocabularySplitterTest, SplitsAWordIntoTwoWordsTheVocabularyHolds) {
  EXPECT_THAT(split_by_frequency("affaldsdata", vocabulary({{"affald", 40}, {"data", 900}})),
              ElementsAre("affald", "data"));
}

TEST(VocabularySplitterTest, TakesTheLinkingLetterOffAModifier) {
  EXPECT_THAT(
      split_by_frequency("fuldmagtsordningen", vocabulary({{"fuldmagt", 30}, {"ordningen", 50}})),
      ElementsAre("fuldmagt", "ordningen"));
  EXPECT_THAT(split_by_frequency("børnehaven", vocabulary({{"børn", 30}, {"haven", 50}})),
              ElementsAre("børn", "haven"));
}

TEST(VocabularySplitterTest, PrefersTwoPartsToThreeEvenWhenTheThreeAreMoreFrequent) {
  const auto words = vocabulary(
      {{"fuld", 5000}, {"magt", 4000}, {"fuldmagt", 20}, {"ordning", 300}, {"magtsordning", 0}});
  EXPECT_THAT(split_by_frequency("fuldmagtsordning", words), ElementsAre("fuldmagt", "ordning"));
}

TEST(VocabularySplitterTest, SplitsIntoThreePartsWhenNoTwoWillDo) {
  EXPECT_THAT(split_by_frequency("itsikkerhedslogning",
                                 vocabulary({{"sikkerhed", 90}, {"logning", 5}, {"itsik", 0}})),
              IsEmpty());  // "it" is shorter than a part may be
  EXPECT_THAT(split_by_frequency("borgerdatalogning",
                                 vocabulary({{"borger", 90}, {"data", 80}, {"logning", 5}})),
              ElementsAre("borger", "data", "logning"));
}

TEST(VocabularySplitterTest, ChoosesTheCutWhoseFrequenciesHaveTheHighestGeometricMean) {
  // "datalog|ning" and "data|logning" both exist; the second's parts are the better known.
  const auto words = vocabulary({{"datalog", 2}, {"ning", 3}, {"data", 500}, {"logning", 10}});
  EXPECT_THAT(split_by_frequency("datalogning", words), ElementsAre("data", "logning"));
}

TEST(VocabularySplitterTest, KeepsAWordTheVocabularyHoldsMoreOftenThanItsParts) {
  EXPECT_THAT(split_by_frequency("understøtte",
                                 vocabulary({{"under", 50}, {"støtte", 60}, {"understøtte", 400}})),
              IsEmpty());
}

TEST(VocabularySplitterTest, NeverUsesPartsThatAreRareOrShort) {
  EXPECT_THAT(split_by_frequency("affaldsdata", vocabulary({{"affald", 1}, {"data", 900}})),
              IsEmpty());
  EXPECT_THAT(split_by_frequency("tilbagevise", vocabulary({{"til", 900}, {"bagevise", 9}})),
              IsEmpty());
}

TEST(VocabularySplitterTest, NeverSplitsShortWords) {
  EXPECT_THAT(split_by_frequency("datalog", vocabulary({{"data", 900}, {"alog", 900}})), IsEmpty());
}

/// Documents per folded word in ../shared/corpus/digital-gov.jsonl, the digitalisation texts;
/// empty without ../shared.
const std::map<std::string, std::uint64_t>& real_word_counts(const DanishAnalyzer& analyzer) {
  static const std::map<std::string, std::uint64_t> counts = [&] {
    std::map<std::string, std::uint64_t> out;
    const std::filesystem::path shared = testing::shared_dir();
    if (shared.empty()) return out;
    std::ifstream in(shared / "corpus" / "digital-gov.jsonl");
    for (std::string line; std::getline(in, line);) {
      const auto doc = nlohmann::json::parse(line);
      std::set<std::string> words;
      for (const char* field : {"title", "body"})
        if (doc.contains(field) && doc[field].is_string())
          for (const AnalyzedWord& w :
               analyzer.analyze(doc[field].get<std::string>(), Stemming::kNone))
            words.insert(w.word);
      for (const std::string& word : words) ++out[word];
    }
    return out;
  }();
  return counts;
}

/// How the hand-checked list fares when `split` cuts its words.
struct ListScore {
  int compounds = 0, splits = 0, right = 0, others = 0, split_wrongly = 0;
  std::string wrong, false_splits;
};

ListScore score_hand_checked_list(
    const DanishAnalyzer& analyzer,
    const std::function<std::vector<std::string>(const std::string&)>& split) {
  std::ifstream in(std::filesystem::path(OPSLAG_SOURCE_DIR) /
                   "tests/schema/analysis/compounds-da.txt");
  ListScore score;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string word, modifier, head;
    fields >> word >> modifier >> head;
    const std::vector<std::string> parts = split(word);
    std::string shown;
    for (const std::string& p : parts) shown += (shown.empty() ? "" : "|") + p;
    if (modifier == "-") {
      ++score.others;
      if (!parts.empty()) {
        ++score.split_wrongly;
        score.false_splits += " " + shown;
      }
      continue;
    }
    ++score.compounds;
    if (parts.empty()) continue;
    ++score.splits;
    // Right when the cut between modifier and head is one of the cuts made.
    const std::string expected_head = analyzer.stem(head);
    if (analyzer.stem(parts.back()) == expected_head ||
        (parts.size() == 3 && analyzer.stem(parts[1] + parts[2]) == expected_head)) {
      ++score.right;
    } else {
      score.wrong += " " + word + "(" + shown + ")";
    }
  }
  return score;
}

class RealVocabularyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (counts_.empty()) GTEST_SKIP() << "../shared is not beside the checkout: no real texts";
  }
  const DanishAnalyzer analyzer_{testing::project_schema()};
  const std::map<std::string, std::uint64_t>& counts_ = real_word_counts(analyzer_);
  const WordFrequency frequency_ = [this](const std::string& word) -> std::uint64_t {
    const auto it = counts_.find(word);
    return it == counts_.end() ? 0 : it->second;
  };
};

TEST_F(RealVocabularyTest, AloneSplitsMostHandCheckedCompoundsAndFewOtherWords) {
  const ListScore s = score_hand_checked_list(
      analyzer_, [&](const std::string& word) { return split_by_frequency(word, frequency_); });
  std::cout << "vocabulary alone: " << s.right << "/" << s.splits << " splits right, of "
            << s.compounds << " compounds; other words split: " << s.split_wrongly << "/"
            << s.others << "\n";
  // 272 documents know a third of the words as written.
  EXPECT_GE(s.splits, s.compounds / 3) << "the vocabulary splits too few words";
  EXPECT_GE(static_cast<double>(s.right) / s.splits, 0.95) << "split wrongly:" << s.wrong;
  EXPECT_LE(static_cast<double>(s.split_wrongly) / s.others, 0.05) << "split:" << s.false_splits;
}

TEST_F(RealVocabularyTest,
       AfterTheDictionarySplitsNinetyNineInAHundredRightAndOneInAHundredWrongly) {
  const ListScore s = score_hand_checked_list(analyzer_, [&](const std::string& word) {
    return analyzer_.compound_words(word, frequency_);
  });
  std::cout << "dictionary, then vocabulary: " << s.right << "/" << s.splits << " splits right, of "
            << s.compounds << " compounds; other words split: " << s.split_wrongly << "/"
            << s.others << "\n";
  EXPECT_GE(static_cast<double>(s.right) / s.splits, 0.99) << "split wrongly:" << s.wrong;
  EXPECT_LE(static_cast<double>(s.split_wrongly) / s.others, 0.01) << "split:" << s.false_splits;
}

}  // namespace
}  // namespace opslag
