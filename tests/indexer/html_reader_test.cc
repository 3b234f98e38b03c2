// Tests reading HTML pages: metadata from the head, text from the main content only.
#include "html_reader.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

constexpr std::string_view kPage = R"(<!DOCTYPE html>
<html lang="da"><head>
<meta charset="utf-8">
<title>Digital Post bliver obligatorisk | Digitaliseringsstyrelsen</title>
<meta name="dcterms.date" content="2014-11-01">
<meta name="dcterms.publisher" content="Digitaliseringsstyrelsen">
<meta name="dcterms.type" content="Nyhed">
<link rel="canonical" href="https://digst.dk/nyheder/digital-post">
<script>var tracking = "skjult";</script>
<style>p { color: red }</style>
</head><body>
<div class="cookie-banner">Vi bruger cookies <button>Accepter</button></div>
<header><nav><a href="/">Forside</a> <a href="/nyheder">Nyheder</a></nav></header>
<main>
<h1>Digital Post for alle borgere</h1>
<p>Breve fra det offentlige &amp; kommunen kommer nu digitalt.</p>
<p>Ring på tlf.&nbsp;33 92 52 00.</p>
</main>
<footer>Landgreven 4</footer>
</body></html>)";

TEST(HtmlReaderTest, TakesTheTitleFromTheMainHeading) {
  EXPECT_EQ(read_html(kPage).title, "Digital Post for alle borgere");
}

TEST(HtmlReaderTest, ReadsDublinCoreMetadataAndTheCanonicalUrl) {
  const StoredDocument doc = read_html(kPage);
  EXPECT_EQ(doc.date, "2014-11-01");
  EXPECT_EQ(doc.source, "Digitaliseringsstyrelsen");
  EXPECT_EQ(doc.type, "nyhed");
  EXPECT_EQ(doc.url, "https://digst.dk/nyheder/digital-post");
}

TEST(HtmlReaderTest, BodyIsTheMainContentWithoutPageChrome) {
  const std::string body = read_html(kPage).body;
  EXPECT_EQ(body,
            "Breve fra det offentlige & kommunen kommer nu digitalt.\n\n"
            "Ring på tlf.\u00a033 92 52 00.");
  for (const char* chrome : {"cookies", "Forside", "Landgreven", "skjult", "color"})
    EXPECT_EQ(body.find(chrome), std::string::npos) << chrome;
}

TEST(HtmlReaderTest, FallsBackToTheTitleElementBeforeTheSiteName) {
  const StoredDocument doc = read_html(
      "<html><head><title>MitID-appen | mitid.dk</title></head><body><p>Tekst</p></body></html>");
  EXPECT_EQ(doc.title, "MitID-appen");
  EXPECT_EQ(doc.body, "Tekst");
}

TEST(HtmlReaderTest, ReadsOtherDateAndPublisherTags) {
  const StoredDocument doc = read_html(
      "<html><head><meta property=\"article:published_time\" content=\"2019-01-14T09:00:00+01:00\">"
      "<meta name=\"author\" content=\"KL\"></head><body><article><h1>Overskrift her</h1><p>x</p>"
      "</article></body></html>");
  EXPECT_EQ(doc.date, "2019-01-14");
  EXPECT_EQ(doc.source, "KL");
  EXPECT_EQ(doc.title, "Overskrift her");
  EXPECT_EQ(doc.body, "x");
}

TEST(HtmlReaderTest, SourceFallsBackToTheHostOfTheCanonicalUrl) {
  const StoredDocument doc = read_html(
      "<html><head><link rel=\"canonical\" href=\"https://www.borger.dk/a/b\"></head>"
      "<body><p>Tekst uden afsender</p></body></html>");
  EXPECT_EQ(doc.source, "borger.dk");
}

TEST(HtmlReaderTest, MalformedHtmlStillGivesItsText) {
  const StoredDocument doc = read_html("<p>Første afsnit<p>Andet <b>afsnit");
  EXPECT_EQ(doc.body, "Første afsnit\n\nAndet afsnit");
}

TEST(HtmlReaderTest, TableCellsAreSeparated) {
  const StoredDocument doc =
      read_html("<body><table><tr><td>16-24 år</td><td>99 pct.</td></tr></table></body>");
  EXPECT_EQ(doc.body, "16-24 år 99 pct.");
}

}  // namespace
}  // namespace opslag
