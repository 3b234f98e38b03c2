// Tests reading a Hunspell dictionary: listed words behind forms, and the errors of bad files.
#include "schema/analysis/hunspell_dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

using Place = HunspellDictionary::Place;

/// Suffix rules: 3 adds "m" (then 4 or an end), 4 adds "et"/"t" (an end), 29 a linking "s".
constexpr std::string_view kRules =
    "SFX 3 Y 1\nSFX 3 0 m/4,34 m\n"
    "SFX 4 Y 2\nSFX 4 0 et/34 [^e]\nSFX 4 0 t/34 e\n"
    "SFX 29 Y 1\nSFX 29 0 s/32 .\n";

class HunspellDictionaryTest : public ::testing::Test {
 protected:
  /// Loads "mini" written from `aff` and `dic`.
  HunspellDictionary load(const std::string& aff, const std::string& dic) {
    dir_.write("mini.aff", aff);
    dir_.write("mini.dic", dic);
    return HunspellDictionary::load(dir_.path() / "mini");
  }

  /// The message of the SchemaError loading `aff` and `dic` throws, or "" if none.
  std::string load_error(const std::string& aff, const std::string& dic = "0\n") {
    try {
      (void)load(aff, dic);
    } catch (const SchemaError& e) {
      return e.what();
    }
    return "";
  }

  testing::TempDir dir_;
};

const std::string kHeader = "SET UTF-8\nFLAG num\nCOMPOUNDBEGIN 32\nCOMPOUNDEND 34\n";

TEST_F(HunspellDictionaryTest, NamesAMissingDictionaryFile) {
  try {
    (void)HunspellDictionary::load(dir_.path() / "da_DK");
    FAIL() << "expected SchemaError";
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("da_DK.aff:0: cannot read the file"), std::string::npos)
        << e.what();
  }
}

TEST_F(HunspellDictionaryTest, FindsTheListedWordBehindAFormWithStackedSuffixes) {
  const auto dict = load(kHeader + std::string(kRules), "2\nprogram/3,29\nsag/29\n");
  EXPECT_EQ(dict.base_of("programmet", Place::kEnd), "program");
  EXPECT_EQ(dict.base_of("programs", Place::kBegin), "program");
  EXPECT_EQ(dict.base_of("sags", Place::kBegin), "sag");
  EXPECT_EQ(dict.base_of("sag", Place::kEnd), std::nullopt);       // no flag lets it end one
  EXPECT_EQ(dict.base_of("programt", Place::kEnd), std::nullopt);  // condition [^e] vs e
}

TEST_F(HunspellDictionaryTest, KnowsListedWordsAndTheirFormsWhateverTheirPlace) {
  const auto dict = load(kHeader + std::string(kRules), "2\nprogram/3,29\nsag/29\n");
  EXPECT_TRUE(dict.knows("sag"));         // no flag lets it end a compound, but it is a word
  EXPECT_TRUE(dict.knows("programmet"));  // two suffixes
  EXPECT_TRUE(dict.knows("sags"));
  EXPECT_FALSE(dict.knows("programt"));  // condition [^e] vs e
  EXPECT_FALSE(dict.knows("affaldsdata"));
}

TEST_F(HunspellDictionaryTest, KnowsAWordListedOnlyCapitalisedAsAName) {
  // "Pelle" and "Østergaard" are names; "Sag" is listed in lower case too, "Programmet" is a
  // form of "program", "EU" and "McKinsey" are no word capitalised.
  const auto dict = load(kHeader + std::string(kRules),
                         "7\nprogram/3,29\nsag/29\nPelle\nØstergaard\nSag\nProgrammet\nEU\n"
                         "McKinsey\n");
  EXPECT_EQ(dict.name_of("pelle"), "pelle");
  EXPECT_EQ(dict.name_of("østergaard"), "østergaard");
  EXPECT_EQ(dict.name_of("pelles"), "pelle");  // the genitive
  EXPECT_EQ(dict.name_of("sag"), std::nullopt);
  EXPECT_EQ(dict.name_of("programmet"), std::nullopt);
  EXPECT_EQ(dict.name_of("eu"), std::nullopt);
  EXPECT_EQ(dict.name_of("mckinsey"), std::nullopt);
  EXPECT_EQ(dict.name_of("pel"), std::nullopt);
}

TEST(DanishDictionaryTest, KnowsTheNamesOfHunspellDa) {
  const auto dict = HunspellDictionary::load("/usr/share/hunspell/da_DK");
  for (const char* name : {"pelle", "gitte", "jensen", "heunicke", "bramsen"})
    EXPECT_EQ(dict.name_of(name), name);
  for (const char* word : {"hans", "skat", "søren", "folketinget", "pels"})
    EXPECT_EQ(dict.name_of(word), std::nullopt) << word;  // words too, or a word's form
}

TEST_F(HunspellDictionaryTest, GivesEveryListedWordAFormIsMadeFrom) {
  // "koblet" is listed and is the participle of "koble"; "sagt" is forbidden however it is made;
  // "kobl" is listed only to take suffixes.
  const auto dict = load(kHeader + "FORBIDDENWORD 6\nNEEDAFFIX 8\n" + std::string(kRules),
                         "6\nprogram/3\nkoble/4\nkoblet\nsage/4\nsaget/6\nkobl/4,8\n");
  EXPECT_EQ(dict.bases_of("programmet"), std::vector<std::string>{"program"});
  std::vector<std::string> koblet = dict.bases_of("koblet");
  std::sort(koblet.begin(), koblet.end());
  EXPECT_EQ(koblet, (std::vector<std::string>{"kobl", "koble", "koblet"}));
  EXPECT_EQ(dict.bases_of("program"), std::vector<std::string>{"program"});
  EXPECT_TRUE(dict.bases_of("saget").empty());
  EXPECT_TRUE(dict.bases_of("kobl").empty());
  EXPECT_TRUE(dict.bases_of("affaldsdata").empty());
}

/// Rules marked as hunspell-da marks them: 2 makes the definite singular, 74 the definite plural.
constexpr std::string_view kNumberRules =
    "SFX 2 Y 1\nSFX 2 0 en/34 [^e]\t+BESTEMT_ENTAL\n"
    "SFX 74 Y 1\nSFX 74 0 ne/34 [er]\t+PLUR_BEK\n";

TEST_F(HunspellDictionaryTest, PairsAListedPluralWithTheSingularItsVowelChangedFrom) {
  const auto dict = load(kHeader + std::string(kNumberRules),
                         "8\nbog/2\nbøger/74\ntegnebog/2\ntegnebøger/74\nfod/2\nfødder/74\n"
                         "kommune/2\nkommuner/74\n");
  using Pair = std::pair<std::string, std::string>;
  EXPECT_EQ(dict.umlaut_plurals(),
            (std::vector<Pair>{{"bøger", "bog"}, {"fødder", "fod"}, {"tegnebøger", "tegnebog"}}));
}

TEST_F(HunspellDictionaryTest, AWordThatIsAlsoASingularIsNoIrregularPlural) {
  // "bøger" here takes the singular rule too (as if it were a noun of its own).
  const auto dict = load(kHeader + std::string(kNumberRules), "2\nbog/2\nbøger/2,74\n");
  EXPECT_TRUE(dict.umlaut_plurals().empty());
}

TEST(DanishDictionaryTest, FindsTheIrregularPluralsOfHunspellDa) {
  const auto dict = HunspellDictionary::load("/usr/share/hunspell/da_DK");
  const auto pairs = dict.umlaut_plurals();
  const auto has = [&](const char* plural, const char* singular) {
    return std::find(pairs.begin(), pairs.end(),
                     std::pair<std::string, std::string>(plural, singular)) != pairs.end();
  };
  EXPECT_TRUE(has("bøger", "bog"));
  EXPECT_TRUE(has("tegnebøger", "tegnebog"));
  EXPECT_TRUE(has("mænd", "mand"));
  EXPECT_TRUE(has("kræfter", "kraft"));
  EXPECT_TRUE(has("fødder", "fod"));
  EXPECT_TRUE(has("nætter", "nat"));
  EXPECT_GT(pairs.size(), 500u);
  for (const auto& [plural, singular] : pairs)  // no regular plural ("kommuner") among them
    EXPECT_TRUE(plural.find("ø") != std::string::npos || plural.find("æ") != std::string::npos)
        << plural;
}

TEST_F(HunspellDictionaryTest, AWordWithoutAMiddleFlagMayStandInTheMiddleAsAtTheBegin) {
  const auto dict = load(kHeader + std::string(kRules), "1\nsag/29\n");
  EXPECT_EQ(dict.base_of("sags", Place::kMiddle), "sag");
}

TEST_F(HunspellDictionaryTest, UsesTheMiddleFlagWhereThereIsOne) {
  const auto dict =
      load(kHeader + "COMPOUNDMIDDLE 33\nSFX 30 Y 1\nSFX 30 0 e/33 .\n", "2\nskat/30\nsag/32\n");
  EXPECT_EQ(dict.base_of("skatte", Place::kMiddle), std::nullopt);  // needs a second "t"
  EXPECT_EQ(dict.base_of("skate", Place::kMiddle), "skat");
  EXPECT_EQ(dict.base_of("sag", Place::kMiddle), std::nullopt);
}

TEST_F(HunspellDictionaryTest, ReadsASlashFollowedByLettersAsPartOfTheWord) {
  const auto dict = load(kHeader, "3\nA/S\nsag/32\nsag/34\n");
  EXPECT_EQ(dict.size(), 2u);
  EXPECT_EQ(dict.base_of("A/S", Place::kBegin), std::nullopt);
  EXPECT_EQ(dict.base_of("sag", Place::kBegin), "sag");  // flags of both lines kept
  EXPECT_EQ(dict.base_of("sag", Place::kEnd), "sag");
}

TEST_F(HunspellDictionaryTest, NamesTheLineOfAFlagThatIsNoNumber) {
  EXPECT_NE(load_error(kHeader + "SFX x 0 s .\n").find("mini.aff:5: flag \"x\" is not a number"),
            std::string::npos);
}

TEST_F(HunspellDictionaryTest, RejectsADictionaryWithoutNumericFlags) {
  EXPECT_NE(load_error("SET UTF-8\nCOMPOUNDBEGIN A\n").find("mini.aff:2: only \"FLAG num\""),
            std::string::npos);
}

TEST_F(HunspellDictionaryTest, RejectsADictionaryWithoutCompoundFlags) {
  EXPECT_NE(load_error("SET UTF-8\nFLAG num\n").find("no COMPOUNDBEGIN/END flags"),
            std::string::npos);
}

TEST_F(HunspellDictionaryTest, RejectsAnAffixFileFeatureItCannotRead) {
  EXPECT_NE(load_error(kHeader + "AF 2\n").find("mini.aff:5: AF is not supported"),
            std::string::npos);
}

TEST_F(HunspellDictionaryTest, NamesTheLineOfAnUnclosedBracketInACondition) {
  EXPECT_NE(load_error(kHeader + "SFX 3 0 s [^e\n").find("mini.aff:5: unclosed ["),
            std::string::npos);
}

}  // namespace
}  // namespace opslag
