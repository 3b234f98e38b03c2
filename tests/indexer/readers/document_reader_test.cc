// Tests choosing a reader by extension and refusing what is not text.
#include "indexer/readers/document_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

class DocumentReaderTest : public ::testing::Test {
 protected:
  std::string failure(const std::string& file, std::string_view content) const {
    try {
      (void)read_document(file, content, analyzer_);
    } catch (const BadInput& e) {
      return e.what();
    }
    return "accepted";
  }
  DanishAnalyzer analyzer_{testing::project_schema()};
};

TEST_F(DocumentReaderTest, AnHtmlPagesTextIsCutToTheLimitAtAWordAndSaysFromHowMuch) {
  std::string html = "<html><body><h1>Lang side</h1><p>";
  while (html.size() < 300000) html += "Borgerne bruger MitID hver dag. ";
  html += "slutordet</p></body></html>";
  TextLimit limit{50000};
  const StoredDocument doc = read_document("lang.html", html, analyzer_, &limit);
  EXPECT_LE(doc.body.size(), 50000u);
  EXPECT_GT(doc.body.size(), 49000u);
  EXPECT_GT(limit.cut_from, 50000u);
  EXPECT_EQ(doc.body.find("slutordet"), std::string::npos);
  const std::string last_word = doc.body.substr(doc.body.find_last_of(' ') + 1);
  EXPECT_TRUE(last_word == "Borgerne" || last_word == "bruger" || last_word == "MitID" ||
              last_word == "hver" || last_word == "dag.")
      << "cut inside a word: " << last_word;
}

TEST_F(DocumentReaderTest, AnHtmlPageOfMoreTagsThanAreReadIsCutThereAndSaysSo) {
  std::string html = "<html><body>";
  for (int i = 0; i < 250'000; ++i) html += "<p>a";  // 1 MB, but a quarter million elements
  TextLimit limit{SIZE_MAX};
  const StoredDocument doc = read_document("tags.html", html, analyzer_, &limit);
  EXPECT_EQ(limit.cut_from, html.size());
  const auto paragraphs = std::count(doc.body.begin(), doc.body.end(), 'a');
  EXPECT_GT(paragraphs, 150'000);
  EXPECT_LT(paragraphs, 200'000);
}

TEST_F(DocumentReaderTest, AFileReadOnlyAsFarAsTheLimitNeedsSaysItWasCutFromItsWholeSize) {
  std::string text = "Lang tekst\n\n";
  while (text.size() < 100'000) text += "Borgerne bruger MitID hver dag. ";
  const std::size_t head = head_bytes("lang.txt", 20'000);
  ASSERT_LT(head, text.size());
  TextLimit limit{20'000};
  const StoredDocument doc = read_document_file("lang.txt", std::string_view(text).substr(0, head),
                                                text.size(), analyzer_, &limit);
  EXPECT_EQ(limit.cut_from, text.size());
  EXPECT_LE(doc.body.size(), 20'000u);
  EXPECT_GT(doc.body.size(), 19'000u);
}

TEST_F(DocumentReaderTest, PdfAndOfficeFilesNeedOnlyTheirFirstBytesInMemory) {
  EXPECT_EQ(head_bytes("a.pdf", 4u << 20), 64u);
  EXPECT_EQ(head_bytes("b.docx", 4u << 20), 64u);
  EXPECT_GT(head_bytes("c.html", 4u << 20), 3 * (4u << 20));
  EXPECT_EQ(head_bytes("d.txt", SIZE_MAX), SIZE_MAX);
}

TEST_F(DocumentReaderTest, ALongTitleIsCutAtAWordAndEndsInAnEllipsis) {
  std::string title;
  while (title.size() < 1000) title += "Digitaliseringsstrategien for kommunerne, ";
  const std::string cut = short_title(title);
  EXPECT_LE(cut.size(), kMaxTitleBytes);
  EXPECT_TRUE(cut.ends_with("kommunerne …") || cut.ends_with("for …") ||
              cut.ends_with("Digitaliseringsstrategien …"))
      << cut;
  EXPECT_EQ(short_title("NemID lanceres"), "NemID lanceres");
}

TEST_F(DocumentReaderTest, AFileOfOneLongLineIsTextAndTakesItsTitleFromItsName) {
  std::string line;
  while (line.size() < 5000) line += "Dette er en lang linje uden linjeskift ";
  const StoredDocument doc = read_document("en-linje.txt", line, analyzer_);
  EXPECT_EQ(doc.title, "en linje");
  EXPECT_NE(doc.body.find("Dette er en lang linje"), std::string::npos);
}

TEST_F(DocumentReaderTest, TextWithinTheLimitIsNotCut) {
  TextLimit limit{50000};
  const StoredDocument doc =
      read_document("kort.txt", "Kort notat\n\nBorgerne bruger MitID.\n", analyzer_, &limit);
  EXPECT_EQ(limit.cut_from, 0u);
  EXPECT_NE(doc.body.find("Borgerne bruger MitID."), std::string::npos);
}

TEST_F(DocumentReaderTest, KnowsWhichFilesItCanRead) {
  for (const char* name : {"a.txt", "A.TXT", "b.md", "c.markdown", "d.html", "e.HTM", "f.text",
                           "g.pdf", "h.PDF", "i.docx", "j.odt"})
    EXPECT_TRUE(is_supported_file(name)) << name;
  for (const char* name : {"a.xls", "b.doc", "c", "d.txt.bak"})
    EXPECT_FALSE(is_supported_file(name)) << name;
}

TEST_F(DocumentReaderTest, ChoosesTheReaderByExtension) {
  constexpr std::string_view content = "# Overskrift her\n\nTekst.\n";
  EXPECT_EQ(read_document("a.md", content, analyzer_).title, "Overskrift her");
  EXPECT_EQ(read_document("a.txt", content, analyzer_).title, "# Overskrift her");
  EXPECT_EQ(read_document("a.html", "<h1>Fra HTML her</h1>", analyzer_).title, "Fra HTML her");
}

TEST_F(DocumentReaderTest, RefusesEmptyAndBlankFiles) {
  EXPECT_EQ(failure("a.txt", ""), "file is empty");
  EXPECT_EQ(failure("a.txt", " \n\t\r\n"), "file is empty");
}

TEST_F(DocumentReaderTest, RefusesBinaryFiles) {
  EXPECT_EQ(failure("a.txt", std::string("PK\x03\x04\0\0", 6)), "binary file, not text");
}

TEST_F(DocumentReaderTest, ReadsOldDanishFilesInWindows1252) {
  const StoredDocument doc =
      read_document("a.txt",
                    "Strategi for \xe6\xf8\xe5 i det offentlige\n\nTekst \x93"
                    "citeret\x94.\n",
                    analyzer_);
  EXPECT_EQ(doc.title, "Strategi for æøå i det offentlige");
  EXPECT_EQ(doc.body, "Tekst \u201cciteret\u201d.");
}

TEST_F(DocumentReaderTest, ReadsUtf16WithAByteOrderMark) {
  const std::string little(
      "\xff\xfe"
      "N\0e\0m\0I\0D\0 \0f\0\xf8\0r\0s\0t\0e\0 \0g\0a\0n\0g\0",
      36);
  EXPECT_EQ(read_document("a.txt", little, analyzer_).title, "NemID første gang");
  const std::string big(
      "\xfe\xff"
      "\0N\0e\0m\0I\0D\0 \0f\0\xf8\0r\0s\0t\0e\0 \0g\0a\0n\0g",
      36);
  EXPECT_EQ(read_document("a.txt", big, analyzer_).title, "NemID første gang");
}

TEST_F(DocumentReaderTest, RefusesTextInAnotherEncodingNamingWhatItSeemsToBe) {
  const std::string japanese =
      "\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42\x82"
      "\xb1\x82\xea\x82\xcd\x95\xb6\x8f\x91\x82\xc5\x82\xb7\x81\x42\x93\xfa\x96\x7b\x8c\xea\x82\xcc"
      "\x83\x65\x83\x4c\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42\x82\xb1\x82\xea\x82\xcd\x95\xb6\x8f"
      "\x91\x82\xc5\x82\xb7\x81\x42\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67"
      "\x82\xc5\x82\xb7\x81\x42\x82\xb1\x82\xea\x82\xcd\x95\xb6\x8f\x91\x82\xc5\x82\xb7\x81\x42";
  EXPECT_NE(failure("a.txt", japanese)
                .find("nor Windows-1252/ISO-8859-1 text (ICU takes it for Shift_JIS)"),
            std::string::npos)
      << failure("a.txt", japanese);
}

TEST_F(DocumentReaderTest, RefusesUnsupportedTypes) {
  EXPECT_NE(failure("a.xls", "data").find("unsupported file type \".xls\""), std::string::npos);
}

TEST_F(DocumentReaderTest, IgnoresAByteOrderMark) {
  EXPECT_EQ(read_document("a.txt", "\xEF\xBB\xBFNemID lanceres i dag\n", analyzer_).title,
            "NemID lanceres i dag");
}

TEST_F(DocumentReaderTest, NormalisesDecomposedLettersToNfc) {
  const StoredDocument doc =
      read_document("a.txt", "A\u030Arhus og a\u030Ar\n\nbla\u030A bog\n", analyzer_);
  EXPECT_EQ(doc.title, "Århus og år");
  EXPECT_EQ(doc.body, "blå bog");
}

TEST_F(DocumentReaderTest, TitleFallsBackToTheFileName) {
  EXPECT_EQ(read_document("2016-ny_strategi.txt", "kort\n", analyzer_).title, "2016 ny strategi");
}

TEST_F(DocumentReaderTest, TextWithoutATypeIsADokument) {
  EXPECT_EQ(read_document("a.txt", "En titel her\n\nTekst.\n", analyzer_).type, "dokument");
}

}  // namespace
}  // namespace opslag
