// Tests finding synonym entries in a query's words and giving the rest of their group.
#include "server/engine/synonym_expander.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

using ::testing::ElementsAre;
using Words = std::vector<std::string>;

class SynonymExpanderTest : public ::testing::Test {
 protected:
  DanishAnalyzer analyzer_;
  SynonymExpander synonyms_{{{"KL", "Kommunernes Landsforening"},
                             {"skat", "SKAT"},
                             {"told", "Skat og Told", "SKTST"},
                             {"alene"}},
                            analyzer_};
};

TEST_F(SynonymExpanderTest, FindsAnAcronymAndGivesWhatItStandsFor) {
  const auto match = synonyms_.match({"kl"}, 0);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->length, 1u);
  EXPECT_THAT(match->others, ElementsAre(Words{"kommunernes", "landsforening"}));
}

TEST_F(SynonymExpanderTest, FindsSeveralWordsAndGivesTheirAcronym) {
  const auto match = synonyms_.match({"kommunernes", "landsforening", "mener"}, 0);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->length, 2u);
  EXPECT_THAT(match->others, ElementsAre(Words{"kl"}));
}

TEST_F(SynonymExpanderTest, FindsAnEntryOnlyWhereItStarts) {
  const Words words{"borgerne", "og", "kl"};
  EXPECT_FALSE(synonyms_.match(words, 0));
  const auto match = synonyms_.match(words, 2);
  ASSERT_TRUE(match);
  EXPECT_THAT(match->others, ElementsAre(Words{"kommunernes", "landsforening"}));
}

TEST_F(SynonymExpanderTest, PrefersTheLongestEntry) {
  const auto match = synonyms_.match({"skat", "og", "told"}, 0);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->length, 3u);
  EXPECT_THAT(match->others, ElementsAre(Words{"told"}, Words{"sktst"}));
}

TEST_F(SynonymExpanderTest, AnEntryRunningPastTheWordsIsNoMatch) {
  EXPECT_FALSE(synonyms_.match({"kommunernes"}, 0));
}

TEST_F(SynonymExpanderTest, AGroupOfOneEntryWidensNothing) {
  EXPECT_FALSE(synonyms_.match({"alene"}, 0));
}

TEST(ProjectSynonymsTest, TheDomainsAbbreviationsMeetWhatTheyStandFor) {
  const Schema& schema = testing::project_schema();
  const DanishAnalyzer analyzer(schema);
  const SynonymExpander synonyms(schema.synonyms(), analyzer);
  const auto others = [&](const Words& words) {
    const auto match = synonyms.match(words, 0);
    return match ? match->others : std::vector<Words>{};
  };
  EXPECT_THAT(others({"smv'er"}),
              ::testing::Contains(Words{"små", "og", "mellemstore", "virksomheder"}));
  EXPECT_THAT(others({"ai"}), ::testing::Contains(Words{"kunstig", "intelligens"}));
  EXPECT_THAT(others({"digst"}), ::testing::Contains(Words{"digitaliseringsstyrelsen"}));
}

TEST(ProjectSynonymsTest, DependenceOnASupplierMeetsTheWordsTheRealTextsUseForIt) {
  // The 2026-2029 strategy says "leverandørafhængighed", the GovCloud papers
  // "leverandøruafhængighed" (a design principle) and "vendor lock-in".
  const Schema& schema = testing::project_schema();
  const DanishAnalyzer analyzer(schema);
  const SynonymExpander synonyms(schema.synonyms(), analyzer);
  const auto match = synonyms.match({"leverandørafhængighed"}, 0);
  ASSERT_TRUE(match);
  EXPECT_THAT(match->others,
              ::testing::IsSupersetOf({Words{"leverandørbinding"}, Words{"leverandøruafhængighed"},
                                       Words{"vendor", "lock", "in"}}));
}

}  // namespace
}  // namespace opslag
