// Tests PDF reading: page cleaning on its own, a small PDF made for the tests, and the real
// published PDFs in ../shared.
#include "indexer/readers/pdf_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "indexer/readers/pdf_text.h"
#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string testdata(const std::string& name) {
  return read_bytes(std::filesystem::path(OPSLAG_SOURCE_DIR) / "tests" / "testdata" / name);
}

std::string failure(std::string_view bytes) {
  try {
    (void)read_pdf(bytes);
  } catch (const BadInput& e) {
    return e.what();
  }
  return "no error";
}

TEST(PdfPagesTest, JoinsAWordBrokenAtASoftHyphenAtTheEndOfALine) {
  EXPECT_EQ(PdfPages({"tillid til o\u00AD\nffentlige løsninger"}).body(),
            "tillid til offentlige løsninger");
  EXPECT_EQ(PdfPages({"digitaliserings\u00AD  \n  strategien"}).body(),
            "digitaliseringsstrategien");
}

TEST(PdfPagesTest, DropsOtherSoftHyphensAndLinesOfNothingElse) {
  EXPECT_EQ(PdfPages({"digitale \u00ADløsninger"}).body(), "digitale løsninger");
  EXPECT_EQ(PdfPages({"brugervenlig og moderne\n\u00AD\ndigital offentlig sektor"}).body(),
            "brugervenlig og moderne\ndigital offentlig sektor");
}

TEST(PdfPagesTest, DropsARunningHeaderWithOrWithoutItsPageNumber) {
  const PdfPages pages({"STRATEGIEN 2026\nFørste side", "2 STRATEGIEN 2026\nAnden side",
                        "STRATEGIEN 2026 3\nTredje side"});
  EXPECT_EQ(pages.body(), "Første side\fAnden side\fTredje side");
  EXPECT_TRUE(pages.is_furniture("4 STRATEGIEN 2026"));
  EXPECT_FALSE(pages.is_furniture("Første side"));
}

TEST(PdfPagesTest, KeepsALineThatRepeatsOnFewerThanHalfThePages) {
  EXPECT_EQ(PdfPages({"NemID\nen", "to", "NemID\ntre", "fire", "fem"}).body(),
            "NemID\nen\fto\fNemID\ntre\ffire\ffem");
}

TEST(PdfPagesTest, DropsPageNumbersAndDotLeaders) {
  EXPECT_EQ(
      PdfPages({"Indhold\nForord ........................ 5\nVision . . . . . . 7\n12"}).body(),
      "Indhold");
}

TEST(PdfPagesTest, SeparatesPagesWithAFormFeedOnly) {
  EXPECT_EQ(PdfPages({"en\f", "to\f"}).body(), "en\fto");
}

TEST(PdfReaderTest, ReadsTitleDatePublisherAndCleanPages) {
  const StoredDocument doc = read_pdf(testdata("nemid-rapport.pdf"));
  EXPECT_EQ(doc.title, "NemID i kommunerne");
  EXPECT_EQ(doc.date, "2010-07-01");
  EXPECT_EQ(doc.source, "Digitaliseringsstyrelsen");
  EXPECT_EQ(doc.body,
            "NemID i kommunerne\nUdgivet af Digitaliseringsstyrelsen, 1. juli 2010.\n"
            "Kommunerne tager NemID i brug over hele landet.\fIndhold\nBorgerne logger på de "
            "offentlige\nselvbetjeningsløsninger med NemID.\fSikkerheden er høj, og nøglekortet "
            "bruges ved hvert login.");
}

TEST(PdfReaderTest, PagesPastTheTextKeptAreNotRead) {
  const StoredDocument doc = read_pdf(testdata("nemid-rapport.pdf"), 10);
  EXPECT_NE(doc.body.find("Kommunerne tager NemID i brug"), std::string::npos) << doc.body;
  EXPECT_EQ(doc.body.find('\f'), std::string::npos) << "read past the first page: " << doc.body;
}

TEST(PdfReaderTest, ReadsAPdfFromItsFileAsFromItsBytes) {
  const std::filesystem::path file =
      std::filesystem::path(OPSLAG_SOURCE_DIR) / "tests" / "testdata" / "nemid-rapport.pdf";
  const std::string bytes = testdata("nemid-rapport.pdf");
  EXPECT_EQ(read_pdf_file(file, bytes.substr(0, 64)).body, read_pdf(bytes).body);
}

TEST(PdfReaderTest, RefusesAPasswordProtectedPdf) {
  EXPECT_EQ(failure(testdata("nemid-rapport-krypteret.pdf")), "password-protected (encrypted) PDF");
}

TEST(PdfReaderTest, RefusesSomethingThatIsNotAPdf) {
  EXPECT_EQ(failure("<html>ikke en pdf</html>"), "not a PDF (no %PDF- header)");
}

TEST(PdfReaderTest, RefusesATruncatedPdfWithAReason) {
  const std::string whole = testdata("nemid-rapport.pdf");
  const std::string reason = failure(whole.substr(0, whole.size() / 3));
  EXPECT_TRUE(reason == "damaged PDF: poppler cannot open it" ||
              reason == "PDF has no text (scanned images only?)")
      << reason;
}

class RealPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::shared_dir().empty())
      GTEST_SKIP() << "../shared is not beside the checkout: no real PDFs to read";
  }
  static StoredDocument read(const std::string& name) {
    return read_pdf(read_bytes(testing::shared_dir() / "real-documents" / name));
  }
};

TEST_F(RealPdfTest, TheStrategyHasItsRealTitleAndTwentyPages) {
  const StoredDocument doc = read("strategi-2026-2029.pdf");
  EXPECT_EQ(doc.title, "Den fællesoffentlige digitaliseringsstrategi 2026-2029");
  EXPECT_EQ(std::count(doc.body.begin(), doc.body.end(), '\f'), 19);
}

TEST_F(RealPdfTest, TheStrategyHasNoSoftHyphensRunningHeadersOrDotLeaders) {
  const StoredDocument doc = read("strategi-2026-2029.pdf");
  EXPECT_EQ(doc.body.find("\u00AD"), std::string::npos);
  EXPECT_NE(doc.body.find("tillid til offentlige"), std::string::npos);
  EXPECT_NE(doc.body.find("fællesoffentlige digitaliseringsstrategi 2026-2029"), std::string::npos);
  EXPECT_EQ(doc.body.find("....."), std::string::npos);
  // The running header stands on every page from the third; only the cover keeps the title.
  const std::string header = "DEN FÆLLESOFFENTLIGE DIGITALISERINGSSTRATEGI 2026-2029";
  EXPECT_EQ(doc.body.find(header), std::string::npos);
}

TEST_F(RealPdfTest, TheShortPdfHasItsTitleDateAndPublisher) {
  const StoredDocument doc = read("govcloud-driftsmodel.pdf");
  EXPECT_EQ(doc.title, "Driftsmodel 2: Platformservice");
  EXPECT_EQ(doc.date.substr(0, 7), "2015-12");
  EXPECT_EQ(doc.source, "Statens It");
  EXPECT_NE(doc.body.find("Statens It stiller den nødvendige platform"), std::string::npos);
}

}  // namespace
}  // namespace opslag
