// Tests one-typo completions: which words begin within one typo, and which a walk of a list finds.
#include "server/engine/typo_completions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace opslag {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct TypoCase {
  const char* typed;
  const char* word;
  bool within_one_typo;
  const char* what;
};

TEST(TypoCompletionsTest, TellsWhetherAWordBeginsWithinOneTypo) {
  const TypoCase cases[] = {
      {"nemid", "nemid", true, "no typo"},
      {"nemdi", "nemid", true, "two neighbours swapped"},
      {"nmeid", "nemid", true, "two neighbours swapped after the first letter"},
      {"nemud", "nemid", true, "a wrong letter"},
      {"neemid", "nemid", true, "a letter typed twice"},
      {"nmid", "nemid", true, "a letter left out"},
      {"nemidx", "nemid", true, "a letter typed past the word"},
      {"nemi", "nemlig", true, "the last letter typed wrong"},
      {"sundhde", "sundhed", true, "the last two swapped"},
      {"kommunernse", "kommunernes", true, "the last two swapped in a long word"},
      {"velfræd", "velfærd", true, "æ swapped with its neighbour: one typo in characters"},
      {"miljo", "miljøet", true, "o typed for ø: one typo in characters"},
      {"enmid", "nemid", true, "the first two letters swapped"},
      {"xnemid", "nemid", true, "a letter typed before the word"},
      {"okonomi", "økonomien", true, "o typed for the first letter ø"},
      {"nmedi", "nemid", false, "two swaps"},
      {"nemdix", "nemid", false, "a swap and a letter too many"},
      {"velfrd", "velfærd", true, "æ left out"},
      {"velfrad", "velfærd", false, "æ left out and a letter too many"},
      {"bemid", "nemid", false, "the first letter wrong"},
      {"emid", "nemid", false, "the first letter left out"},
  };
  for (const TypoCase& c : cases)
    EXPECT_EQ(begins_within_one_typo(c.word, c.typed), c.within_one_typo)
        << c.typed << " -> " << c.word << ": " << c.what;
}

/// A list of words, each in `documents` documents, added in byte order.
TypoCompletions list_of(std::vector<std::pair<std::string, Xapian::doccount>> words) {
  std::sort(words.begin(), words.end());
  TypoCompletions list;
  for (const auto& [word, documents] : words) list.add(word, documents);
  return list;
}

std::vector<std::string> words_of(const std::vector<WordCount>& counts) {
  std::vector<std::string> out;
  for (const WordCount& c : counts) out.push_back(c.word);
  return out;
}

TEST(TypoCompletionsTest, CompletesAMistypedPrefixMostFrequentWordFirst) {
  const TypoCompletions list = list_of({{"nemlig", 9}, {"nemt", 1}, {"nemme", 4}, {"post", 3}});
  EXPECT_THAT(words_of(list.complete("nemi", 8)), ElementsAre("nemlig", "nemme", "nemt"));
}

TEST(TypoCompletionsTest, WordsHoldingEveryLetterTypedComeBeforeMoreFrequentOnes) {
  const TypoCompletions list =
      list_of({{"nemid", 5}, {"nemidkort", 2}, {"nemlig", 9}, {"post", 3}});
  // "nemdi" is "nemid" with two letters swapped, but "nemli" with a letter wrong.
  EXPECT_THAT(words_of(list.complete("nemdi", 8)), ElementsAre("nemid", "nemidkort", "nemlig"));
  // "posen" is "posten" with a letter left out, but "poser" with a letter wrong.
  EXPECT_THAT(words_of(list_of({{"poser", 7}, {"posten", 2}}).complete("posen", 8)),
              ElementsAre("posten", "poser"));
}

TEST(TypoCompletionsTest, LeavesOutTheWordsThePrefixBegins) {
  const TypoCompletions list =
      list_of({{"nemid", 5}, {"nemidkort", 2}, {"nemlig", 9}, {"nemt", 1}});
  EXPECT_THAT(words_of(list.complete("nemi", 8)), ElementsAre("nemlig", "nemt"));
}

TEST(TypoCompletionsTest, APrefixOfThreeCharactersGetsNone) {
  const TypoCompletions list = list_of({{"nemid", 5}});
  EXPECT_THAT(list.complete("nme", 8), IsEmpty());
  EXPECT_THAT(words_of(list.complete("nmei", 8)), ElementsAre("nemid"));
}

TEST(TypoCompletionsTest, ANumberIsNotCorrected) {
  const TypoCompletions list = list_of({{"2023", 9}, {"2024", 5}, {"nemid2", 1}});
  EXPECT_THAT(list.complete("2025", 8), IsEmpty());
  EXPECT_THAT(list.complete("nemdi2", 8), IsEmpty());
  EXPECT_THAT(words_of(list.complete("nemdi", 8)), ElementsAre("nemid2"));
}

TEST(TypoCompletionsTest, GivesAtMostSizeWords) {
  const TypoCompletions list = list_of({{"nemid", 5}, {"nemidkort", 2}, {"nemlig", 9}});
  EXPECT_THAT(words_of(list.complete("nemdi", 2)), ElementsAre("nemid", "nemidkort"));
  EXPECT_THAT(list.complete("nemdi", 0), IsEmpty());
}

TEST(TypoCompletionsTest, LeavesOutAWordAddedOutOfOrder) {
  TypoCompletions list;
  list.add("nemid", 1);
  list.add("miljø", 1);
  list.add("nemid", 1);
  EXPECT_EQ(list.size(), 1u);
}

TEST(TypoCompletionsTest, FindsEveryWordWithinOneTypoAndNoOther) {
  // The walk visits only the prefixes that can still complete what was typed; it must find what
  // checking every word finds.
  const std::vector<std::string> words{
      "affald",    "affaldet",        "børn",        "børnehave", "bøger",     "enmid",
      "kommune",   "kommuner",        "kommunernes", "kommunes",  "miljø",     "miljøet",
      "milj",      "mitid",           "nem",         "nemid",     "nemidkort", "nemlig",
      "nemt",      "nmeid",           "økonomi",     "økonomien", "okay",      "sundhed",
      "sundheden", "sundhedsvæsenet", "sund",        "velfærd",   "velfærden", "velfærdsstaten",
      "æble",      "æbler",           "åben",        "åbne",      "abe"};
  std::vector<std::pair<std::string, Xapian::doccount>> counted;
  for (const std::string& w : words) counted.push_back({w, 1});
  const TypoCompletions list = list_of(counted);
  for (const char* typed :
       {"nemdi", "nmeid", "enmid", "nemi", "kommunernse", "sundhde", "velfræd", "velfrd", "miljo",
        "okonomi", "ebler", "aben", "abne", "bøgr", "mitd", "affladet"}) {
    std::set<std::string> expected;
    for (const std::string& w : words)
      if (begins_within_one_typo(w, typed) && !w.starts_with(typed)) expected.insert(w);
    const std::vector<std::string> found = words_of(list.complete(typed, words.size()));
    EXPECT_EQ(std::set<std::string>(found.begin(), found.end()), expected) << typed;
  }
}

}  // namespace
}  // namespace opslag
