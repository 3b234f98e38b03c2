// Tests reading Markdown documents with and without front matter.
#include "indexer/readers/markdown_reader.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

TEST(MarkdownReaderTest, ReadsFrontMatter) {
  const StoredDocument doc = read_markdown(
      "---\ntitle: Den digitale vej\ndate: 2011-08-16\nsource: Regeringen\ntype: strategi\n"
      "url: https://digst.dk/x\n---\n\nTekst.\n");
  EXPECT_EQ(doc.title, "Den digitale vej");
  EXPECT_EQ(doc.date, "2011-08-16");
  EXPECT_EQ(doc.source, "Regeringen");
  EXPECT_EQ(doc.type, "strategi");
  EXPECT_EQ(doc.url, "https://digst.dk/x");
  EXPECT_EQ(doc.body, "Tekst.");
}

TEST(MarkdownReaderTest, ReadsDanishKeysAndQuotedValues) {
  const StoredDocument doc = read_markdown(
      "---\ntitel: \"Mod bedre digital service\"\ndato: 26.6.07\nkilde: 'KL'\n---\nTekst.\n");
  EXPECT_EQ(doc.title, "Mod bedre digital service");
  EXPECT_EQ(doc.date, "2007-06-26");
  EXPECT_EQ(doc.source, "KL");
}

TEST(MarkdownReaderTest, DoesNotRepeatTheTitleHeadingInTheBody) {
  const StoredDocument doc =
      read_markdown("---\ntitle: Strategien\n---\n\n# Strategien\n\n## Mål\n\nTekst.\n");
  EXPECT_EQ(doc.body, "Mål\n\nTekst.");
}

TEST(MarkdownReaderTest, WithoutFrontMatterTheHeadingAndKildeLineGiveTheMetadata) {
  const StoredDocument doc =
      read_markdown("# Kommunerne bryder monopolet\n\n*Kilde: KL, 3. marts 2015*\n\nTekst.\n");
  EXPECT_EQ(doc.title, "Kommunerne bryder monopolet");
  EXPECT_EQ(doc.source, "KL");
  EXPECT_EQ(doc.date, "2015-03-03");
  EXPECT_EQ(doc.type, "artikel");
}

TEST(MarkdownReaderTest, StripsMarkupFromTheBody) {
  const StoredDocument doc = read_markdown(
      "# T\n\n- **fed** og *kursiv* og `kode`\n- se [strategien](https://digst.dk/s)\n");
  EXPECT_EQ(doc.body, "fed og kursiv og kode\nse strategien");
}

TEST(MarkdownReaderTest, AnUnclosedFrontMatterIsText) {
  const StoredDocument doc = read_markdown("---\ntitle: Halv\nTekst uden slut\n");
  EXPECT_NE(doc.body.find("Tekst uden slut"), std::string::npos) << doc.body;
}

}  // namespace
}  // namespace opslag
