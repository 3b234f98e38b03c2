// Tests completions: words by frequency, context and typo, titles, how words are shown, revisions.
#include "server/engine/suggester.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <sstream>
#include <thread>

#include "indexer/index_updater.h"
#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

using testing::project_schema;
using testing::TempDir;

/// How many documents hold each "pos…" word below: posten 3 (digital-post, postkasse, brev),
/// post 2 (digital-post, strategi), postkassen 1, postkasser 1.
class SuggesterTest : public ::testing::Test {
 protected:
  SuggesterTest() {
    write("nemid.txt",
          "NemID lanceres\n\n01-07-2010 Pressemeddelelse\n\nNemID afløser den digitale signatur. "
          "Med NemID logger borgerne på.\n");
    write("nemid-kort.txt",
          "Borgerne tager NemID til sig\n\n02-07-2011 Nyhed\n\nEn million bruger nu NemID's "
          "nøglekort og et NemID-kort.\n");
    write("digital-post.txt",
          "Digital Post bliver obligatorisk\n\n01-11-2014 Nyhed\n\nFra i dag modtager borgerne "
          "post fra det offentlige. Posten kommer digitalt.\n");
    write("postkasse.txt",
          "Postkassen på hjørnet fjernes\n\n12-03-2015 Nyhed\n\nDer kommer færre breve med "
          "posten, og mange postkasser forsvinder.\n");
    write("strategi.txt",
          "Strategien for digital velfærd\n\n12-05-2016 Klumme\n\nStrategien gælder også digital "
          "post, og MitID kommer.\n");
    write("brev.txt", "Ny strategi for breve\n\n01-01-2017 Notat\n\nPosten kommer sjældnere nu.\n");
    // "internettet" is in the three documents about "kunstig", "intelligens" in two, right
    // after it.
    write("kunstig-staten.txt",
          "Staten og kunstig intelligens\n\n04-03-2019 Nyhed\n\nStaten bruger kunstig intelligens "
          "og finder data på internettet.\n");
    write("kunstig-nettet.txt",
          "Kunstig intelligens på nettet\n\n05-03-2019 Nyhed\n\nKunstig intelligens lærer af "
          "internettet.\n");
    write("kunstig-sne.txt",
          "Sne til skibakken\n\n06-03-2019 Nyhed\n\nKunstig sne sælges nu på internettet.\n");
    write("ebbe.txt",
          "Ved ebbe\n\n03-02-2018 Klumme\n\nEbberød venter, og brevet ligger i e-Boks. Læs "
          "e-Boks i dag.\n");
    reindex();
    suggester_ = std::make_unique<Suggester>(project_schema(), analyzer_,
                                             std::vector<std::string>{db_path()});
  }

  void write(const std::string& name, const std::string& content) { corpus_.write(name, content); }

  void reindex() {
    std::ostringstream errors;
    IndexUpdater updater(project_schema(), analyzer_, db_path(), errors);
    (void)updater.run({corpus_.path()});
  }

  [[nodiscard]] std::string db_path() const { return (data_.path() / "db").string(); }

  /// The texts suggested for `typed`, in order.
  std::vector<std::string> texts(std::string_view typed, int size = 8) {
    std::vector<std::string> out;
    for (const Suggestion& s : suggester_->suggest(typed, size)) out.push_back(s.text);
    return out;
  }

  /// The texts of one kind suggested for `typed`, in order.
  std::vector<std::string> texts(std::string_view typed, SuggestionKind kind) {
    std::vector<std::string> out;
    for (const Suggestion& s : suggester_->suggest(typed, Suggester::kMaxSize))
      if (s.kind == kind) out.push_back(s.text);
    return out;
  }

  DanishAnalyzer analyzer_{project_schema()};
  TempDir corpus_;
  TempDir data_;
  std::unique_ptr<Suggester> suggester_;
};

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

TEST_F(SuggesterTest, CompletesAWordAsTitlesWriteIt) {
  const std::vector<Suggestion> found = suggester_->suggest("NemI", 8);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].text, "NemID");
  EXPECT_EQ(found[0].kind, SuggestionKind::kWord);
  EXPECT_TRUE(found[0].id.empty());
}

TEST_F(SuggesterTest, FoldsTheCaseOfWhatIsTyped) {
  EXPECT_EQ(texts("NEMI"), texts("NemI"));
  EXPECT_EQ(texts("nemi"), texts("NemI"));
}

TEST_F(SuggesterTest, RanksWordsByHowManyDocumentsHoldThem) {
  EXPECT_THAT(texts("pos", SuggestionKind::kWord),
              ElementsAre("posten", "post", "postkassen", "postkasser"));
}

TEST_F(SuggesterTest, LeavesOutPossessivesWhichRepeatTheirWord) {
  EXPECT_THAT(texts("nemi", SuggestionKind::kWord), Not(Contains("NemID's")));
  EXPECT_THAT(texts("ne", SuggestionKind::kWord), Not(Contains("NemID's")));
}

TEST_F(SuggesterTest, ShortPrefixesRankLikeLongerOnes) {
  // "po" is answered from the table of short prefixes, "pos" by reading the index.
  EXPECT_EQ(texts("po", SuggestionKind::kWord), texts("pos", SuggestionKind::kWord));
}

TEST_F(SuggesterTest, LeavesOutStopWords) {
  for (const std::string& text : texts("de", SuggestionKind::kWord))
    EXPECT_FALSE(analyzer_.is_stopword(text)) << text;
  EXPECT_THAT(texts("og", SuggestionKind::kWord), Not(Contains("og")));
}

TEST_F(SuggesterTest, CompletesTheLastWordAmongTheDocumentsOfTheWordsBefore) {
  // Alone "pos" completes to "posten" first; after "digital", to the "post" of the documents
  // about it.
  const std::vector<std::string> words = texts("digital pos", SuggestionKind::kWord);
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0], "digital post");
}

TEST_F(SuggesterTest, AfterAWordCompletesFirstTheWordThatFollowsItInTheTexts) {
  EXPECT_THAT(texts("kunstig in", SuggestionKind::kWord),
              ElementsAre("kunstig intelligens", "kunstig internettet"));
}

TEST_F(SuggesterTest, SuggestsTheTitlesOfTheWordTheLastIsCompletedToThoughFewTitlesHoldIt) {
  // More title words begin with "in" than a prefix stands for, each in more titles than
  // "intelligens".
  for (const char* word :
       {"indbyggere", "indsats", "indhold", "indkøb", "indtægter", "indblik", "indgang", "indlæg",
        "indretning", "indførelse", "indstilling", "indvandring", "inflation"}) {
    for (const char* n : {"1", "2", "3"})
      write(std::string(word) + n + ".txt",
            std::string("Om ") + word + "\n\n01-01-2020 Notat\n\nIntet om det.\n");
  }
  reindex();
  EXPECT_THAT(texts("kunstig in", SuggestionKind::kTitle),
              Contains("Kunstig intelligens på nettet"));
}

TEST_F(SuggesterTest, SuggestsTitlesHoldingEveryWordTypedWithTheirIds) {
  const std::vector<Suggestion> found = suggester_->suggest("Digital Po", 8);
  const auto title = std::find_if(found.begin(), found.end(), [](const Suggestion& s) {
    return s.kind == SuggestionKind::kTitle;
  });
  ASSERT_NE(title, found.end());
  EXPECT_EQ(title->text, "Digital Post bliver obligatorisk");
  EXPECT_EQ(title->id, "digital-post.txt");
  EXPECT_THAT(texts("velfærd digital", SuggestionKind::kTitle),
              ElementsAre("Strategien for digital velfærd"));
  EXPECT_THAT(texts("velfærd po", SuggestionKind::kTitle), ElementsAre());
}

TEST_F(SuggesterTest, TitlesBeginningWithWhatWasTypedComeFirst) {
  EXPECT_THAT(texts("strategi", SuggestionKind::kTitle),
              ElementsAre("Strategien for digital velfærd", "Ny strategi for breve"));
}

TEST_F(SuggesterTest, ATitleThatRepeatsIsSuggestedOnce) {
  write("nemid-igen.txt", "NemID lanceres\n\n03-07-2010 Nyhed\n\nIgen om NemID.\n");
  reindex();
  EXPECT_THAT(texts("nemid", SuggestionKind::kTitle),
              ElementsAre("NemID lanceres", "Borgerne tager NemID til sig"));
}

TEST_F(SuggesterTest, WordsAreSuggestedBeforeTitles) {
  const std::vector<Suggestion> found = suggester_->suggest("nemid", 8);
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found.front().kind, SuggestionKind::kWord);
  EXPECT_EQ(found.back().kind, SuggestionKind::kTitle);
}

TEST_F(SuggesterTest, AWordOnlyBeginningSentencesIsShownInLowerCase) {
  EXPECT_THAT(texts("strategie", SuggestionKind::kWord), Contains("strategien"));
  EXPECT_THAT(texts("strategie", SuggestionKind::kWord), Not(Contains("Strategien")));
}

TEST_F(SuggesterTest, AWordInNoTitleIsShownAsATextWritesIt) {
  EXPECT_THAT(texts("miti", SuggestionKind::kWord), ElementsAre("MitID"));
}

TEST_F(SuggesterTest, KeepsTheWordsTypedBeforeAsTheyWereTyped) {
  for (const std::string& text : texts("Med NemID lo", SuggestionKind::kWord))
    EXPECT_TRUE(text.starts_with("Med NemID lo")) << text;
  EXPECT_THAT(texts("Med NemID lo", SuggestionKind::kWord), Contains("Med NemID logger"));
}

TEST_F(SuggesterTest, CompletesAHyphenatedWordWholeAsItIsWritten) {
  // "ebbe" and "ebberød" begin with "eb" too, but were never written "e-b…".
  EXPECT_THAT(texts("e-b", SuggestionKind::kWord), ElementsAre("e-Boks"));
  EXPECT_THAT(texts("NemID-k", SuggestionKind::kWord), ElementsAre("NemID-kort"));
}

TEST_F(SuggesterTest, KeepsTheWordsBeforeAHyphenatedWordAsTyped) {
  EXPECT_THAT(texts("Brevet i e-B", SuggestionKind::kWord), ElementsAre("Brevet i e-Boks"));
}

TEST_F(SuggesterTest, MakesNoWordOfAHyphenatedPrefixNobodyWrote) {
  // Completing the last part alone made "nemid-lanceres" and "nemid-logger".
  EXPECT_THAT(texts("nemid-l", SuggestionKind::kWord), ::testing::IsEmpty());
}

TEST_F(SuggesterTest, AWordFollowedByASpaceIsCompleteSoOnlyTitlesAreSuggested) {
  const std::vector<Suggestion> found = suggester_->suggest("NemID ", 8);
  ASSERT_FALSE(found.empty());
  for (const Suggestion& s : found) EXPECT_EQ(s.kind, SuggestionKind::kTitle) << s.text;
}

TEST_F(SuggesterTest, CompletesAPrefixTypedWithOneTypo) {
  const std::pair<const char*, const char*> cases[] = {
      {"nemdi", "two neighbours swapped"},
      {"nmeid", "two neighbours swapped after the first letter"},
      {"nemud", "a wrong letter"},
      {"neemid", "a letter typed twice"},
      {"nmid", "a letter left out"},
      {"enmid", "the first two letters swapped"},
  };
  for (const auto& [typed, what] : cases) {
    const std::vector<std::string> words = texts(typed, SuggestionKind::kWord);
    ASSERT_FALSE(words.empty()) << typed << ": " << what;
    EXPECT_EQ(words[0], "NemID") << typed << ": " << what;
  }
}

TEST_F(SuggesterTest, CompletesAMistypedWordWithDanishLetters) {
  write("miljø.txt",
        "Kommunernes sundhed og miljø\n\n03-04-2019 Nyhed\n\nDen nye økonomi i velfærdsstaten "
        "giver miljøet plads.\n");
  reindex();
  // Edits count characters: "velfræd" swaps æ (two bytes) with r, "miljo" has o for ø.
  const std::pair<const char*, const char*> cases[] = {
      {"sundhde", "sundhed"}, {"kommunernse", "kommunernes"}, {"velfræd", "velfærd"},
      {"miljo", "miljø"},     {"okonomi", "økonomi"},
  };
  for (const auto& [typed, meant] : cases)
    EXPECT_THAT(texts(typed, SuggestionKind::kWord), Contains(meant)) << typed;
}

TEST_F(SuggesterTest, CompletesAMistypedLastWordAfterOthers) {
  EXPECT_THAT(texts("Med nemdi", SuggestionKind::kWord), Contains("Med NemID"));
}

TEST_F(SuggesterTest, ExactCompletionsComeBeforeTyposOfMoreFrequentWords) {
  // "postk" begins postkassen and postkasser (a document each); with a letter too many, it is
  // "post", which begins posten (3 documents) and post (2).
  EXPECT_THAT(texts("postk", SuggestionKind::kWord),
              ElementsAre("postkassen", "postkasser", "posten", "post"));
}

TEST_F(SuggesterTest, APrefixOfThreeLettersGetsNoTypoCompletions) {
  EXPECT_THAT(texts("nme", SuggestionKind::kWord), ElementsAre());
  EXPECT_THAT(texts("nmei", SuggestionKind::kWord), Contains("NemID"));
}

TEST_F(SuggesterTest, APrefixTwoTyposAwayGetsNoWords) {
  EXPECT_THAT(texts("nmedi", SuggestionKind::kWord), ElementsAre());
}

TEST_F(SuggesterTest, AWrongFirstLetterIsNotCorrected) {
  // The first letter typed is trusted (see TypoCompletions): "bemid" is not read as "nemid".
  EXPECT_THAT(texts("bemid", SuggestionKind::kWord), ElementsAre());
}

TEST_F(SuggesterTest, AMistypedWordGetsTheTitlesOfTheWordItWasMeantAs) {
  EXPECT_THAT(texts("nemdi", SuggestionKind::kTitle),
              ElementsAre("NemID lanceres", "Borgerne tager NemID til sig"));
}

TEST_F(SuggesterTest, GivesAtMostSizeSuggestions) {
  EXPECT_EQ(texts("p", 2).size(), 2u);
  EXPECT_EQ(texts("nemid", 1).size(), 1u);
}

TEST_F(SuggesterTest, WhatNothingBeginsGetsNoSuggestions) {
  EXPECT_THAT(texts("xyzzy"), ElementsAre());
  EXPECT_THAT(texts(std::string(300, 'a')), ElementsAre());
}

TEST_F(SuggesterTest, TextWithoutWordsGetsNoSuggestions) {
  EXPECT_THAT(texts("!! "), ElementsAre());
  EXPECT_THAT(texts(""), ElementsAre());
}

TEST_F(SuggesterTest, InvalidUtf8IsBadInput) {
  EXPECT_THROW((void)suggester_->suggest("nem\xff", 8), BadInput);
}

TEST_F(SuggesterTest, FollowsANewRevisionOfTheIndex) {
  // "øk" is answered from the table of short prefixes, which is made again.
  EXPECT_THAT(texts("øk", SuggestionKind::kWord), ElementsAre());
  write("økonomi.txt", "Økonomien vokser\n\n01-02-2018 Nyhed\n\nØkonomien er i vækst.\n");
  reindex();
  EXPECT_THAT(texts("øk", SuggestionKind::kWord), ElementsAre("økonomien"));
  EXPECT_THAT(texts("økon", SuggestionKind::kTitle), ElementsAre("Økonomien vokser"));
}

TEST_F(SuggesterTest, SuggestionsWhileTheIndexChangesAllSucceed) {
  // One of the threads makes the table of short prefixes again for each new revision while the
  // other goes on with the table before.
  std::atomic<bool> done = false;
  std::atomic<int> requests = 0, failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&] {
      while (!done || requests < 20) {
        try {
          if (suggester_->suggest(requests % 2 ? "ne" : "nemi", 8).empty()) ++failures;
        } catch (...) {  // Xapian's errors are no std::exception
          ++failures;
        }
        ++requests;
      }
    });
  }
  for (int round = 0; round < 8; ++round) {
    write("runde.txt", "Runde " + std::to_string(round) + " om NemID\n\nNemID igen.\n");
    reindex();
  }
  done = true;
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_THAT(texts("runde", SuggestionKind::kTitle), ElementsAre("Runde 7 om NemID"));
}

}  // namespace
}  // namespace opslag
