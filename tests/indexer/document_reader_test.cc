// Tests choosing a reader by extension and refusing what is not text.
#include "document_reader.h"

#include <gtest/gtest.h>

#include "errors.h"
#include "temp_dir.h"

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

TEST_F(DocumentReaderTest, KnowsWhichFilesItCanRead) {
  for (const char* name : {"a.txt", "A.TXT", "b.md", "c.markdown", "d.html", "e.HTM", "f.text"})
    EXPECT_TRUE(is_supported_file(name)) << name;
  for (const char* name : {"a.pdf", "b.docx", "c", "d.txt.bak"})
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

TEST_F(DocumentReaderTest, RefusesInvalidUtf8NamingTheOffset) {
  EXPECT_EQ(failure("a.txt", "abc\xff rest"), "not valid UTF-8 text (bad byte at offset 3)");
}

TEST_F(DocumentReaderTest, RefusesUnsupportedTypes) {
  EXPECT_NE(failure("a.pdf", "%PDF").find("unsupported file type \".pdf\""), std::string::npos);
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
