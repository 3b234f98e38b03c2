// Tests finding a document's publisher in its text.
#include "indexer/readers/publishers.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

TEST(PublishersTest, ReadsExplicitPublisherLines) {
  EXPECT_EQ(publisher_from_line("Kilde: Digitaliseringsstyrelsen"), "Digitaliseringsstyrelsen");
  EXPECT_EQ(publisher_from_line("Udgivet af: Finansministeriet."), "Finansministeriet");
  EXPECT_EQ(publisher_from_line("Afsender: KL"), "KL");
  EXPECT_EQ(publisher_from_line("Pressemeddelelse fra Danske Regioner"), "Danske Regioner");
}

TEST(PublishersTest, StopsTheNameWhereADateBegins) {
  EXPECT_EQ(publisher_from_line("*Kilde: KL, 3. marts 2015*"), "KL");
}

TEST(PublishersTest, AnOrdinarySentenceNamesNoPublisher) {
  EXPECT_FALSE(publisher_from_line("KL og Danske Regioner er enige om strategien."));
  EXPECT_FALSE(publisher_from_line("Kilde:"));
}

TEST(PublishersTest, PicksThePublicBodyNamedMost) {
  EXPECT_EQ(most_mentioned_publisher("KL mener. Digitaliseringsstyrelsen svarer. "
                                     "Digitaliseringsstyrelsen gentager."),
            "Digitaliseringsstyrelsen");
}

TEST(PublishersTest, CountsGenitivesAndFullNames) {
  EXPECT_EQ(most_mentioned_publisher("Finansministeriet. KL's formand. Kommunernes Landsforening."),
            "KL");
  EXPECT_EQ(most_mentioned_publisher("Digitaliseringsstyrelsens arbejde og KL."),
            "Digitaliseringsstyrelsen");
}

TEST(PublishersTest, MatchesWholeWordsOnly) {
  EXPECT_FALSE(most_mentioned_publisher("Det er KLAR tale og en AKL-plan."));
}

TEST(PublishersTest, BreaksATieByTheEarliestMention) {
  EXPECT_EQ(most_mentioned_publisher("Danske Regioner og KL."), "Danske Regioner");
}

TEST(PublishersTest, NoKnownBodyIsNoPublisher) {
  EXPECT_FALSE(most_mentioned_publisher("En tekst uden nogen myndighed."));
}

}  // namespace
}  // namespace opslag
