// Tests the Danish analysis chain: the words users type must come out as the index has them.
#include "schema/analysis/danish_analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <thread>

#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

/// The folded words of `text`, alternatives included.
std::vector<std::string> words_of(const DanishAnalyzer& analyzer, std::string_view text) {
  std::vector<std::string> out;
  for (const AnalyzedWord& w : analyzer.analyze(text)) out.push_back(w.word);
  return out;
}

/// Only the words proper, without alternative forms.
std::vector<std::string> primaries_of(const DanishAnalyzer& analyzer, std::string_view text) {
  std::vector<std::string> out;
  for (const AnalyzedWord& w : analyzer.analyze(text))
    if (!w.alternative) out.push_back(w.word);
  return out;
}

class DanishAnalyzerTest : public ::testing::Test {
 protected:
  DanishAnalyzer analyzer_{testing::project_schema()};
};

TEST_F(DanishAnalyzerTest, FoldsCaseButKeepsAeOeAa) {
  EXPECT_THAT(words_of(analyzer_, "ÆBLE Øresund Århus"), ElementsAre("æble", "øresund", "århus"));
}

TEST_F(DanishAnalyzerTest, NemIdIsOneWordWhateverItsCase) {
  for (const char* text : {"NemID", "nemid", "NEMID", "NemId"}) {
    EXPECT_THAT(words_of(analyzer_, text), ElementsAre("nemid")) << text;
  }
}

TEST_F(DanishAnalyzerTest, StemsStrategierneLikeStrategi) {
  EXPECT_EQ(analyzer_.stem("strategierne"), analyzer_.stem("strategi"));
  EXPECT_EQ(analyzer_.stem("strategiens"), analyzer_.stem("strategi"));
}

TEST_F(DanishAnalyzerTest, KeepsDomainNamesWholeAndAlsoTheirParts) {
  const auto words = words_of(analyzer_, "sundhed.dk og borger.dk");
  EXPECT_THAT(primaries_of(analyzer_, "sundhed.dk og borger.dk"),
              ElementsAre("sundhed.dk", "og", "borger.dk"));
  EXPECT_THAT(words, Contains("sundhed"));
  EXPECT_THAT(words, Contains("borger"));
}

TEST_F(DanishAnalyzerTest, SplitsEBoksAtTheHyphenAndAlsoJoinsIt) {
  EXPECT_THAT(primaries_of(analyzer_, "e-Boks"), ElementsAre("e", "boks"));
  EXPECT_THAT(words_of(analyzer_, "e-Boks"), Contains("eboks"));
}

TEST_F(DanishAnalyzerTest, JoinedFormSharesThePositionOfItsFirstPart) {
  const auto words = analyzer_.analyze("via Nem-ID i dag");
  const auto joined = std::find_if(words.begin(), words.end(),
                                   [](const AnalyzedWord& w) { return w.word == "nemid"; });
  ASSERT_NE(joined, words.end());
  EXPECT_TRUE(joined->alternative);
  EXPECT_EQ(joined->position, 1u);
  EXPECT_EQ(words.back().word, "dag");
  EXPECT_EQ(words.back().position, 4u);
}

TEST_F(DanishAnalyzerTest, NumbersAroundHyphensStaySeparateAndUnjoined) {
  EXPECT_THAT(words_of(analyzer_, "2016-2020"), ElementsAre("2016", "2020"));
  EXPECT_THAT(primaries_of(analyzer_, "J.nr. 126-27"), ElementsAre("j.nr", "126", "27"));
}

TEST_F(DanishAnalyzerTest, ReadsAmountsWithAbbreviations) {
  EXPECT_THAT(primaries_of(analyzer_, "270 mio. kr."), ElementsAre("270", "mio", "kr"));
}

TEST_F(DanishAnalyzerTest, GenitiveApostropheKeepsTheNameFindable) {
  const auto words = words_of(analyzer_, "KL's strategi");
  EXPECT_THAT(words, Contains("kl's"));
  EXPECT_THAT(words, Contains("kl"));
}

TEST_F(DanishAnalyzerTest, RemovesSoftHyphensInsideWords) {
  EXPECT_THAT(words_of(analyzer_, "o\u00ADffentlige"), ElementsAre("offentlige"));
}

TEST_F(DanishAnalyzerTest, FoldsAccentsButNotTheDanishLetters) {
  EXPECT_THAT(words_of(analyzer_, "Idé CAFÉ Müller naïve"),
              ElementsAre("ide", "cafe", "muller", "naive"));
  EXPECT_THAT(words_of(analyzer_, "Ærø Øresund Ålborg"), ElementsAre("ærø", "øresund", "ålborg"));
}

TEST_F(DanishAnalyzerTest, NormalisesDecomposedLettersToNfc) {
  EXPECT_THAT(words_of(analyzer_, "A\u030Arhus"), ElementsAre("århus"));
}

TEST_F(DanishAnalyzerTest, OffsetsPointAtTheWordInTheText) {
  const std::string text = "Ny strategi for Århus";
  for (const AnalyzedWord& w : analyzer_.analyze(text)) {
    const std::string original = text.substr(w.begin, w.end - w.begin);
    EXPECT_EQ(analyzer_.analyze(original).front().word, w.word) << original;
  }
}

TEST_F(DanishAnalyzerTest, PositionsCountWordsNotPunctuation) {
  const auto words = analyzer_.analyze("Digital Post, for alle!");
  ASSERT_EQ(words.size(), 4u);
  for (std::uint32_t i = 0; i < words.size(); ++i) EXPECT_EQ(words[i].position, i);
}

TEST_F(DanishAnalyzerTest, KnowsDanishStopWords) {
  EXPECT_TRUE(analyzer_.is_stopword("og"));
  EXPECT_TRUE(analyzer_.is_stopword("det"));
  EXPECT_FALSE(analyzer_.is_stopword("strategi"));
}

TEST_F(DanishAnalyzerTest, OverridesJoinAFamilySnowballSplits) {
  for (const char* word : {"myndighed", "myndigheden", "myndigheder", "myndighederne"})
    EXPECT_EQ(analyzer_.stem(word), "myndighed") << word;
}

TEST_F(DanishAnalyzerTest, OverridesKeepCitizensApartFromCastlesAndHealthFromSound) {
  EXPECT_EQ(analyzer_.stem("borgere"), analyzer_.stem("borgerne"));
  EXPECT_NE(analyzer_.stem("borgere"), analyzer_.stem("borg"));
  EXPECT_EQ(analyzer_.stem("sundheden"), analyzer_.stem("sundhed"));
  EXPECT_NE(analyzer_.stem("sundhed"), analyzer_.stem("sund"));
}

TEST_F(DanishAnalyzerTest, OverridesApplyInsideAnalysisToo) {
  const auto words = analyzer_.analyze("Myndighederne hjælper borgerne");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].stem, "myndighed");
  EXPECT_EQ(words[2].stem, "borger");
}

TEST_F(DanishAnalyzerTest, AFormTheDictionaryKnowsGetsTheStemOfItsWordInsideAnalysisToo) {
  // Snowball: "kommissoriet" -> "kommissori", "kommissorium" -> "kommissorium".
  const auto words = analyzer_.analyze("Kommissoriet for kommissionen");
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0].stem, analyzer_.stem("kommissorium"));
}

TEST(DanishAnalyzerStemStartTest, IsTheStemButItsLastTwoLettersAndAtLeastThree) {
  EXPECT_EQ(DanishAnalyzer::stem_start("kommissorium"), "kommissori");
  EXPECT_EQ(DanishAnalyzer::stem_start("sårbar"), "sårb");  // letters, not bytes
  EXPECT_EQ(DanishAnalyzer::stem_start("vinkel"), "vink");
  EXPECT_EQ(DanishAnalyzer::stem_start("æble"), "æbl");
  EXPECT_EQ(DanishAnalyzer::stem_start("løs"), "løs");
  EXPECT_EQ(DanishAnalyzer::stem_start("ny"), "ny");
}

TEST(DanishAnalyzerPlainTest, WithoutOverridesSnowballDecidesAlone) {
  const DanishAnalyzer plain;
  EXPECT_EQ(plain.stem("borgere"), "borg");
}

TEST_F(DanishAnalyzerTest, KnowsDanishWordsAndCompoundsOfThemButNotMisspellings) {
  EXPECT_TRUE(analyzer_.is_dictionary_word("netto"));
  EXPECT_TRUE(analyzer_.is_dictionary_word("ordningen"));                // inflected
  EXPECT_TRUE(analyzer_.is_dictionary_word("skolesikkerhedsplanerne"));  // a compound
  EXPECT_FALSE(analyzer_.is_dictionary_word("nettoo"));
  EXPECT_FALSE(analyzer_.is_dictionary_word("obligatorsk"));
  EXPECT_FALSE(DanishAnalyzer().is_dictionary_word("netto"));  // no dictionary to ask
}

TEST_F(DanishAnalyzerTest, InflectionsAreTheOtherFormsOfItsStemThatTheVocabularyHolds) {
  const WordFrequency vocabulary = [](const std::string& word) -> std::uint64_t {
    for (const char* held : {"myndighed", "myndigheder", "myndighedens", "myndighedsperson"})
      if (word == held) return 3;
    return 0;
  };
  // Not the word itself, nor "myndigheden" (no document has it), nor a compound of it.
  EXPECT_THAT(analyzer_.inflections("myndighederne", vocabulary),
              ::testing::UnorderedElementsAre("myndighed", "myndigheder", "myndighedens"));
  EXPECT_TRUE(analyzer_.inflections("myndighederne", {}).empty());
  EXPECT_TRUE(analyzer_.inflections("2016", vocabulary).empty());
}

TEST_F(DanishAnalyzerTest, DoesNotStemNumbers) { EXPECT_EQ(analyzer_.stem("2016"), "2016"); }

TEST_F(DanishAnalyzerTest, RejectsInvalidUtf8) {
  EXPECT_THROW((void)analyzer_.analyze("ugyldig \xff tekst"), BadInput);
}

TEST_F(DanishAnalyzerTest, SkipsWordsTooLongToBeTerms) {
  const std::string long_word(DanishAnalyzer::kMaxWordBytes + 1, 'a');
  EXPECT_THAT(words_of(analyzer_, "kort " + long_word + " ord"), ElementsAre("kort", "ord"));
}

TEST_F(DanishAnalyzerTest, GivesTheSameWordsFromManyThreadsAtOnce) {
  const std::string text = "Strategierne for NemID og Digital Post på borger.dk";
  const auto expected = words_of(analyzer_, text);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches = 0;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i)
        if (words_of(analyzer_, text) != expected) ++mismatches;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, 0);
}

TEST_F(DanishAnalyzerTest, EmptyTextHasNoWords) {
  EXPECT_TRUE(analyzer_.analyze("").empty());
  EXPECT_TRUE(analyzer_.analyze(" ,.- ").empty());
}

}  // namespace
}  // namespace opslag
