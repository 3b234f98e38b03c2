// Tests reading plain-text press releases and columns as they are collected.
#include "indexer/readers/text_reader.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

constexpr std::string_view kColumn =
    "Vi samler statistik ved hjælp af cookies for at forbedre brugeroplevelsen.\n\n"
    "Vi begynder dog først, når du klikker dig videre til næste side.\n\n"
    "Læs mere om cookies\n\n"
    "Ny strategi for det digitale Danmark\n\n"
    "12-05-2016 Klumme\n\n"
    "Regeringen og kommunerne er enige.\n\nDigitaliseringsstyrelsen står for arbejdet.\n";

constexpr std::string_view kRelease =
    "\n\n26.6.07\nm\nJ.nr. 126-27\n\n"
    "Ny digital strategi for det offentlige er på plads\n\n"
    "270 mio. kr. er afsat til strategien.\n\nKilde: Finansministeriet\n";

TEST(TextReaderTest, SkipsTheCookieBannerBeforeTheHeadline) {
  const StoredDocument doc = read_plain_text(kColumn);
  EXPECT_EQ(doc.title, "Ny strategi for det digitale Danmark");
  EXPECT_EQ(doc.body.find("cookies"), std::string::npos) << doc.body;
  EXPECT_EQ(doc.body.find("klikker"), std::string::npos) << doc.body;
}

TEST(TextReaderTest, ReadsDateAndTypeFromTheDateLine) {
  const StoredDocument doc = read_plain_text(kColumn);
  EXPECT_EQ(doc.date, "2016-05-12");
  EXPECT_EQ(doc.type, "klumme");
}

TEST(TextReaderTest, StrayLettersAndJournalNumbersAreNotTheTitle) {
  const StoredDocument doc = read_plain_text(kRelease);
  EXPECT_EQ(doc.title, "Ny digital strategi for det offentlige er på plads");
  EXPECT_EQ(doc.date, "2007-06-26");
}

TEST(TextReaderTest, KeepsTheJournalNumberSearchableInTheBody) {
  const StoredDocument doc = read_plain_text(kRelease);
  EXPECT_TRUE(doc.body.starts_with("J.nr. 126-27")) << doc.body;
}

TEST(TextReaderTest, ReadsTheSourceFromAKildeLine) {
  EXPECT_EQ(read_plain_text(kRelease).source, "Finansministeriet");
}

TEST(TextReaderTest, FallsBackToThePublicBodyNamedMost) {
  EXPECT_EQ(read_plain_text(kColumn).source, "Digitaliseringsstyrelsen");
}

TEST(TextReaderTest, PressemeddelelseFraLineGivesSourceAndType) {
  const StoredDocument doc = read_plain_text(
      "NemID er klar til brug\n\n1. juli 2010\n\nPressemeddelelse fra IT- og Telestyrelsen\n\n"
      "Tekst.\n");
  EXPECT_EQ(doc.source, "IT- og Telestyrelsen");
  EXPECT_EQ(doc.type, "pressemeddelelse");
  EXPECT_EQ(doc.date, "2010-07-01");
}

TEST(TextReaderTest, ReadsADateLineAfterTheHeadline) {
  const StoredDocument doc =
      read_plain_text("Digital Post for alle\n\n01-11-2014 Nyhed\n\nTekst.\n");
  EXPECT_EQ(doc.title, "Digital Post for alle");
  EXPECT_EQ(doc.date, "2014-11-01");
  EXPECT_EQ(doc.type, "nyhed");
  EXPECT_EQ(doc.body, "Tekst.");
}

TEST(TextReaderTest, ReadsWindowsLineEndings) {
  const StoredDocument doc =
      read_plain_text("NemID lanceres i dag\r\n\r\n01-07-2010\r\n\r\nEt.\r\n\r\nTo.\r\n");
  EXPECT_EQ(doc.title, "NemID lanceres i dag");
  EXPECT_EQ(doc.body, "Et.\n\nTo.");
}

TEST(TextReaderTest, SeparatesParagraphsByOneBlankLine) {
  const StoredDocument doc =
      read_plain_text("Titel med flere ord\n\nLinje et\nlinje to\n\n\n\nAfsnit to\n");
  EXPECT_EQ(doc.body, "Linje et\nlinje to\n\nAfsnit to");
}

TEST(TextReaderTest, ADateInTheBodyIsUsedWhenTheHeaderHasNone) {
  const StoredDocument doc =
      read_plain_text("Titel uden dato\n\nMødet blev holdt 3. marts 2015.\n");
  EXPECT_EQ(doc.date, "2015-03-03");
}

TEST(TextReaderTest, LeavesCookieAndNavigationLinesOutOfTheBodyWhereverTheyStand) {
  const StoredDocument doc = read_plain_text(
      "Ny strategi for NemID\n\nTeksten om NemID.\n\nVi samler statistik ved hjælp af cookies. "
      "Læs mere om cookies\nForside > Nyheder\n\nMere tekst.\n");
  EXPECT_EQ(doc.body, "Teksten om NemID.\n\nMere tekst.");
}

TEST(TextReaderTest, KeepsAParagraphThatIsAboutCookies) {
  const std::string paragraph =
      "Datatilsynet har i dag offentliggjort en ny vejledning om brugen af cookies på "
      "offentlige hjemmesider, som kommuner og regioner skal følge fra næste år.";
  EXPECT_EQ(read_plain_text("Ny vejledning fra Datatilsynet\n\n" + paragraph + "\n").body,
            paragraph);
}

}  // namespace
}  // namespace opslag
