// Tests searching for a compound by its parts: "affaldsdata" finds "data om affald", and
// "ai-assistent" finds "AI-baseret digital assistent".
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/support/searched_corpus.h"

namespace opslag {
namespace {

class SplitSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("affaldsdata.txt",
                  "Affaldsdata offentliggøres\n\n01-02-2024 Nyhed\n\nAffaldsdata for hele landet "
                  "ligger nu samlet ét sted.\n");
    corpus_.write("data-om-affald.txt",
                  "Bedre overblik\n\n02-03-2024 Nyhed\n\nKommunerne samler data om affald fra "
                  "genbrugspladserne.\n");
    corpus_.write("sortering.txt",
                  "Sortering hjemme\n\n03-04-2023 Nyhed\n\nBorgerne sorterer affald i ti slags.\n");
    corpus_.write("deling.txt",
                  "Deling mellem myndigheder\n\n04-05-2023 Nyhed\n\nMyndighederne deler data med "
                  "hinanden.\n");
    corpus_.write("assistent.txt",
                  "Ny hjælp i kommunen\n\n05-06-2025 Nyhed\n\nKommunen tester en AI-baseret "
                  "digital assistent, der svarer borgerne om natten.\n");
    corpus_.write("digital-assistent.txt",
                  "Svar om natten\n\n05-07-2025 Nyhed\n\nEn digital assistent svarer på "
                  "spørgsmål om skat.\n");
    corpus_.write("ai.txt",
                  "AI i sagsbehandlingen\n\n06-07-2025 Nyhed\n\nAI bruges til at sortere "
                  "ansøgninger.\n");
    corpus_.write("eboks.txt",
                  "Post fra kommunen\n\n07-08-2025 Nyhed\n\nBrevet ligger i din e-Boks.\n");
    corpus_.write("boks.txt", "Pakker\n\n08-09-2025 Nyhed\n\nPakken ligger i en boks.\n");
    corpus_.write("postboks.txt", "Adresse\n\n08-09-2025 Nyhed\n\nSkriv til vores postboks.\n");
    corpus_.write("email.txt", "Kontakt\n\n09-10-2025 Nyhed\n\nSkriv en e-mail.\n");
    corpus_.write("ehandel.txt", "Handel\n\n10-11-2025 Nyhed\n\nE-handel vokser.\n");
    corpus_.write("specialister.txt",
                  "Staten mangler folk\n\n11-12-2025 Nyhed\n\nDer er mangel på it-specialister "
                  "i hele landet.\n");
    corpus_.write("it-systemer.txt",
                  "Beskrivelser\n\n12-12-2025 Nyhed\n\nAlle it-systemer skal beskrives.\n");
    corpus_.write("it-drift.txt", "Drift\n\n13-12-2025 Nyhed\n\nIt-driften flyttes.\n");
    corpus_.index();
  }

  SearchResult search(const std::string& query) const { return corpus_.search(query); }
  std::vector<std::string> ids(const std::string& query) const { return corpus_.ids(query); }

  testing::SearchedCorpus corpus_;
};

TEST_F(SplitSearchTest, ACompoundTheDictionaryLacksFindsItsPartsWrittenApart) {
  const std::vector<std::string> found = ids("affaldsdata");
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0], "affaldsdata.txt");  // the word itself first
  EXPECT_EQ(found[1], "data-om-affald.txt");
}

TEST_F(SplitSearchTest, TheRarestPartMustBeThereAndTheOthersOnlyAddWeight) {
  // "affald" is the rarer part (ties go to the modifier): "sortering.txt" says it and comes
  // after both parts; "deling.txt" says only "data" and is not found.
  const std::vector<std::string> found = ids("affaldsdata");
  EXPECT_EQ(found,
            (std::vector<std::string>{"affaldsdata.txt", "data-om-affald.txt", "sortering.txt"}));
}

TEST_F(SplitSearchTest, SaysWhichPartsAWordWasSplitInto) {
  const SearchResult result = search("affaldsdata");
  const auto parts = std::find_if(result.expansions.begin(), result.expansions.end(),
                                  [](const Expansion& e) { return e.kind == "parts"; });
  ASSERT_NE(parts, result.expansions.end());
  EXPECT_EQ(parts->from, "affaldsdata");
  EXPECT_EQ(parts->to, "affald data");
}

TEST_F(SplitSearchTest, AHyphenatedWordFindsItsWordsApart) {
  const std::vector<std::string> found = ids("ai-assistent");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "assistent.txt");
}

TEST_F(SplitSearchTest, AnInflectedHyphenatedWordFindsItsWordsApart) {
  const std::vector<std::string> found = ids("ai-assistenten");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "assistent.txt");
}

TEST_F(SplitSearchTest, ASingleLetterBeforeTheHyphenIsNoWordOfItsOwn) {
  // "e" stands in more documents than "boks" (e-mail, e-handel), so "boks" would be the part
  // required if "e" counted as a word.
  EXPECT_EQ(ids("e-boks"), (std::vector<std::string>{"eboks.txt"}));
}

TEST_F(SplitSearchTest, AWordNotSearchedApartWidensToNoCompoundOfItsWords) {
  // "boks" is not searched for, so the expansions must not say that "postboks" was.
  const SearchResult result = search("e-boks");
  for (const Expansion& e : result.expansions) EXPECT_NE(e.from, "boks") << e.to;
  EXPECT_EQ(testing::SearchedCorpus::added(result, "variant"), "eboks");
}

TEST_F(SplitSearchTest, AHyphenatedWordFindsItsLastWordAloneAfterBothWords) {
  // "assistent" is the head: a digital assistant is an answer to "ai-assistent", a text on AI
  // in case work is not.
  EXPECT_EQ(ids("ai-assistent"),
            (std::vector<std::string>{"assistent.txt", "digital-assistent.txt"}));
}

TEST_F(SplitSearchTest, AHyphenatedWordsHeadTheArchiveLacksWholeIsSearchedByItsWords) {
  // "specialistmangel" stands in no document, but its words do; "it" alone, in three
  // documents, finds nothing.
  EXPECT_EQ(ids("it-specialistmangel"), (std::vector<std::string>{"specialister.txt"}));
}

TEST_F(SplitSearchTest, APeriodStaysAPhraseOfNumbers) { EXPECT_TRUE(ids("2024-2025").empty()); }

/// A hyphenated query word beside other words: each of its words is in the archive elsewhere.
class HyphenWeightTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("gentager.txt",
                  "Debat om numre\n\n01-02-2023 Tale\n\nVi diskuterer cpr-numre. Hvorfor "
                  "diskuterer I cpr-numre? Jeg vil ikke diskutere cpr-numre.\n");
    // A long speech that says both words once.
    std::string speech = "Ligestilling\n\n02-02-2023 Tale\n\n";
    for (int i = 0; i < 20; ++i)
      speech += "Vi taler om et samfund, hvor alle kan være sig selv hver dag. ";
    speech += "Vi vil gøre cpr-numre kønsneutrale.\n";
    corpus_.write("begge.txt", speech);
    corpus_.write("nummer.txt",
                  "Sundhedskortet\n\n03-02-2023 Nyhed\n\nDit cpr-nummer står på kortet.\n");
    corpus_.write("toiletter.txt",
                  "Skolen bygger om\n\n04-02-2023 Nyhed\n\nSkolen får kønsneutrale "
                  "toiletter.\n");
    corpus_.write("numre.txt", "Lotteri\n\n05-02-2023 Nyhed\n\nDe vindende numre kom.\n");
    corpus_.write("cpr.txt", "Registeret\n\n06-02-2023 Nyhed\n\nCPR opdateres i nat.\n");
    corpus_.index();
  }

  testing::SearchedCorpus corpus_;
};

TEST_F(HyphenWeightTest, AHyphenatedWordWeighsAsOneWordOfTheQuery) {
  // Its phrase weighed the sum of its words: the speech saying "cpr-numre" three times came
  // before the one that says both words of the query.
  const std::vector<std::string> found = corpus_.ids("kønsneutrale cpr-numre");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "begge.txt");
}

}  // namespace
}  // namespace opslag
