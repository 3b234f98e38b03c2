// Tests reading HTML pages: metadata from the head, text from the main content only.
#include "indexer/readers/html_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "schema/errors.h"
#include "tests/support/small_stack.h"
#include "tests/support/temp_dir.h"
#include "tests/support/thrown_message.h"

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

// Guards a bug fuzzing led to: the page was walked by recursion, one call per level, so deeply
// nested <div>s overflowed the stack and crashed the indexer (10,000 levels in 2 MB of stack;
// gumbo parses that depth in well under 1 MB).
TEST(HtmlReaderTest, ADeeplyNestedPageIsReadWithoutOverflowingTheStack) {
  constexpr int kDepth = 10000;
  std::string html = "<html><body><main><p class=\"date\">1. juli 2010</p>";
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "NemID";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  html += "</main></body></html>";
  StoredDocument doc;
  testing::run_with_stack(testing::kSmallStack, [&] { doc = read_html(html); });
  EXPECT_EQ(doc.date, "2010-07-01");
  EXPECT_EQ(doc.body, "1. juli 2010\n\nNemID");
}

TEST(HtmlReaderTest, CountsNestingFromTheTagsAlone) {
  EXPECT_EQ(html_nesting("<html><body><main><div><p>a<br><img src=x/><p>b</div></main>"), 2u);
  EXPECT_EQ(html_nesting("<div><!-- <div><div> --><script>if (a<b) x = '<div>';</script></div>"),
            1u);
  EXPECT_EQ(html_nesting("<b><i><b><i>tekst"), 4u);  // unclosed: as deep as a parser goes
  EXPECT_EQ(html_nesting("a < b and 3<4 </>"), 0u);
}

TEST(HtmlReaderTest, RefusesAPageNestedDeeperThanTheLimitNamingTheDepth) {
  std::string html = "<html><body>";
  for (std::size_t i = 0; i <= kMaxHtmlNesting; ++i) html += "<b>x";
  const std::string message = testing::thrown_message<BadInput>([&] { (void)read_html(html); });
  EXPECT_NE(message.find("HTML nested 20001 elements deep (at most 20000"), std::string::npos)
      << message;
}

TEST(HtmlReaderTest, ReadsAPageOfManyUnclosedTagsWithinTheLimit) {
  std::string html = "<html><body><main>";
  for (int i = 0; i < 5000; ++i) html += "<b><i>ord ";
  const StoredDocument doc = read_html(html);
  EXPECT_NE(doc.body.find("ord ord"), std::string::npos);
}

TEST(HtmlReaderTest, AHeadlineRepeatingThePageTitleWinsWhereverItStands) {
  const StoredDocument doc = read_html(
      "<html><head><title>Referencearkitektur 2020</title></head><body><header>"
      "<h1 class=\"title\">Referencearkitektur 2020</h1><p class=\"author\">"
      "Digitaliseringsstyrelsen</p><p class=\"date\">December 2019</p></header>"
      "<h1>Fællesoffentlig <br>referencearkitektur</h1><p>Tekst.</p></body></html>");
  EXPECT_EQ(doc.title, "Referencearkitektur 2020");
  EXPECT_EQ(doc.date, "2019-12-01");
  EXPECT_EQ(doc.source, "Digitaliseringsstyrelsen");
}

TEST(HtmlReaderTest, ATitleBrokenOverLinesBecomesOneLine) {
  EXPECT_EQ(read_html("<body><h1>Fællesoffentlig <br>referencearkitektur\n for  <br>brugerstyring"
                      "</h1><p>Tekst.</p></body>")
                .title,
            "Fællesoffentlig referencearkitektur for brugerstyring");
}

class RealHtmlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::shared_dir().empty())
      GTEST_SKIP() << "../shared is not beside the checkout: no real HTML pages to read";
  }
  static StoredDocument read(const std::string& name) {
    std::ifstream in(testing::shared_dir() / "real-documents" / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return read_html(text.str());
  }
};

TEST_F(RealHtmlTest, TheReferenceArchitectureHasItsTitleDateAndPublisher) {
  const StoredDocument doc = read("brugerstyring.html");
  EXPECT_EQ(doc.title, "Referencearkitektur for brugerstyring 2020");
  EXPECT_EQ(doc.date, "2019-12-01");
  EXPECT_EQ(doc.source, "Digitaliseringsstyrelsen");
  EXPECT_NE(doc.body.find("Denne referencearkitektur er udarbejdet"), std::string::npos);
  EXPECT_EQ(doc.body.find("font-family"), std::string::npos);  // no <style> text
}

TEST_F(RealHtmlTest, TheCloudIntroductionHasItsTitle) {
  const StoredDocument doc = read("govcloud-intro.html");
  EXPECT_EQ(doc.title, "cloud.gov.dk introduktion");
  EXPECT_FALSE(doc.body.empty());
}

}  // namespace
}  // namespace opslag
