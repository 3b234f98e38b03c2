// Tests Word and OpenDocument reading on tiny archives made here, broken ones, and the real
// Word document in ../shared.
#include "indexer/readers/office_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <fstream>
#include <map>
#include <sstream>

#include "schema/errors.h"
#include "tests/support/small_stack.h"
#include "tests/support/temp_dir.h"
#include "tests/support/thrown_message.h"

namespace opslag {
namespace {

/// A zip archive holding `entries` (name -> content), as bytes.
std::string make_zip(const std::map<std::string, std::string>& entries) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "a.zip").string();
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
    zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE);
  }
  zip_close(zip);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string word_xml(const std::string& paragraphs) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>)" + paragraphs +
         "</w:body></w:document>";
}

std::string word_paragraph(const std::string& text, const std::string& style = "") {
  const std::string properties =
      style.empty() ? "" : R"(<w:pPr><w:pStyle w:val=")" + style + R"("/></w:pPr>)";
  return "<w:p>" + properties + "<w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string core_xml(const std::string& title, const std::string& created) {
  return R"(<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t">)"
         "<dc:title>" +
         title + "</dc:title><dcterms:created>" + created +
         "</dcterms:created></cp:coreProperties>";
}

std::string failure(std::string_view bytes, bool odt = false) {
  try {
    (void)(odt ? read_odt(bytes) : read_docx(bytes));
  } catch (const BadInput& e) {
    return e.what();
  }
  return "no error";
}

TEST(OfficeReaderTest, ReadsAWordDocumentsParagraphsTitleDateAndCompany) {
  const StoredDocument doc = read_docx(make_zip(
      {{"word/document.xml", word_xml(word_paragraph("Ny strategi for NemID", "Heading1") +
                                      word_paragraph("NemID bliver til MitID.") + "<w:p></w:p>" +
                                      "<w:p><w:r><w:t>To</w:t><w:tab/><w:t>kolonner</w:t><w:br/>"
                                      "<w:t>og en linje til</w:t></w:r></w:p>")},
       {"docProps/core.xml", core_xml("Strategi for NemID", "2019-12-18T08:58:00Z")},
       {"docProps/app.xml",
        "<Properties><Company>Digitaliseringsstyrelsen</Company></Properties>"}}));
  EXPECT_EQ(doc.title, "Strategi for NemID");
  EXPECT_EQ(doc.date, "2019-12-18");
  EXPECT_EQ(doc.source, "Digitaliseringsstyrelsen");
  EXPECT_EQ(doc.body,
            "Ny strategi for NemID\n\nNemID bliver til MitID.\n\nTo\tkolonner\nog en linje til");
}

TEST(OfficeReaderTest, WithoutACoreTitleTheFirstHeadingIsTheTitle) {
  const StoredDocument doc = read_docx(
      make_zip({{"word/document.xml", word_xml(word_paragraph("Indledende tekst") +
                                               word_paragraph("Digital Post", "Heading 1") +
                                               word_paragraph("December 2019", "date") +
                                               word_paragraph("Finansministeriet", "Author"))}}));
  EXPECT_EQ(doc.title, "Digital Post");
  EXPECT_EQ(doc.date, "2019-12-01");
  EXPECT_EQ(doc.source, "Finansministeriet");
}

TEST(OfficeReaderTest, ReadsTableCellsAndSkipsTheFallbackCopyOfADrawing) {
  const StoredDocument doc = read_docx(make_zip(
      {{"word/document.xml",
        word_xml("<w:tbl><w:tr><w:tc>" + word_paragraph("Celle en") + "</w:tc><w:tc>" +
                 word_paragraph("Celle to") + "</w:tc></w:tr></w:tbl>" +
                 "<w:p><mc:AlternateContent><mc:Choice><w:t>Tekstboks</w:t></mc:Choice>"
                 "<mc:Fallback><w:t>Tekstboks</w:t></mc:Fallback></mc:AlternateContent></w:p>")}}));
  EXPECT_EQ(doc.body, "Celle en\n\nCelle to\n\nTekstboks");
}

TEST(OfficeReaderTest, ReadsAnOpenDocumentText) {
  const StoredDocument doc = read_odt(make_zip(
      {{"content.xml",
        R"(<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>)"
        R"(<text:h text:outline-level="1">Borger.dk fylder 10 år</text:h>)"
        R"(<text:p>Portalen<text:s text:c="2"/>åbnede i <text:span>2007</text:span>.</text:p>)"
        R"(<text:list><text:list-item><text:p>Selvbetjening</text:p></text:list-item></text:list>)"
        "</office:text></office:body></office:document-content>"},
       {"meta.xml",
        R"(<office:document-meta xmlns:office="o" xmlns:meta="m" xmlns:dc="d"><office:meta>)"
        "<meta:creation-date>2017-01-02T10:00:00</meta:creation-date></office:meta>"
        "</office:document-meta>"}}));
  EXPECT_EQ(doc.title, "Borger.dk fylder 10 år");
  EXPECT_EQ(doc.date, "2017-01-02");
  EXPECT_EQ(doc.body, "Borger.dk fylder 10 år\n\nPortalen  åbnede i 2007.\n\nSelvbetjening");
}

// Guards a bug fuzzing led to: the XML was walked by recursion, one call per level, so deeply
// nested elements overflowed the stack and crashed the indexer (10,000 levels in 1 MB).
TEST(OfficeReaderTest, DeeplyNestedXmlIsReadWithoutOverflowingTheStack) {
  constexpr int kDepth = 10000;
  std::string word = "<w:p>";
  for (int i = 0; i < kDepth; ++i) word += "<w:r>";
  word += "<w:t>NemID</w:t>";
  for (int i = 0; i < kDepth; ++i) word += "</w:r>";
  word += "</w:p>";
  for (int i = 0; i < kDepth; ++i) word += "<w:tbl>";
  word += word_paragraph("MitID");
  for (int i = 0; i < kDepth; ++i) word += "</w:tbl>";
  std::string odf =
      R"(<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>)"
      "<text:p>";
  for (int i = 0; i < kDepth; ++i) odf += "<text:span>";
  odf += "Digital Post";
  for (int i = 0; i < kDepth; ++i) odf += "</text:span>";
  odf += "</text:p></office:text></office:body></office:document-content>";
  const std::string docx = make_zip({{"word/document.xml", word_xml(word)}});
  const std::string odt = make_zip({{"content.xml", odf}});
  StoredDocument word_doc, odf_doc;
  testing::run_with_stack(testing::kSmallStack, [&] {
    word_doc = read_docx(docx);
    odf_doc = read_odt(odt);
  });
  EXPECT_EQ(word_doc.body, "NemID\n\nMitID");
  EXPECT_EQ(odf_doc.body, "Digital Post");
}

// Guards a bug fuzzing led to: <text:s text:c="2000000000"/> made a string of two billion
// spaces, so one small .odt could exhaust the indexer's memory.
TEST(OfficeReaderTest, AHugeRunOfSpacesInAnOpenDocumentIsBounded) {
  const StoredDocument doc = read_odt(make_zip(
      {{"content.xml",
        R"(<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>)"
        R"(<text:p>Digital<text:s text:c="2000000000"/>Post</text:p>)"
        "</office:text></office:body></office:document-content>"}}));
  EXPECT_TRUE(doc.body.starts_with("Digital ")) << doc.body.substr(0, 20);
  EXPECT_TRUE(doc.body.ends_with(" Post"));
  EXPECT_LT(doc.body.size(), 1000u);
}

TEST(OfficeReaderTest, RefusesATruncatedArchive) {
  const std::string whole =
      make_zip({{"word/document.xml", word_xml(word_paragraph("Tekst om NemID"))}});
  EXPECT_EQ(failure(whole.substr(0, whole.size() / 2)), "not a zip archive (truncated or corrupt)");
}

TEST(OfficeReaderTest, RefusesSomethingThatIsNotAnArchive) {
  EXPECT_EQ(failure("Dette er bare tekst."), "not a zip archive (truncated or corrupt)");
}

TEST(OfficeReaderTest, RefusesAnEncryptedOrOldBinaryWordFile) {
  EXPECT_EQ(failure(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 13)),
            "password-protected (encrypted) or old binary Word/Office file: not readable");
}

TEST(OfficeReaderTest, RefusesAnArchiveThatIsNotAWordDocument) {
  EXPECT_EQ(failure(make_zip({{"mimetype", "application/zip"}})),
            "word/document.xml is missing: not a Word document");
  EXPECT_EQ(failure(make_zip({{"mimetype", "application/zip"}}), true),
            "content.xml is missing: not an OpenDocument file");
}

TEST(OfficeReaderTest, RefusesAnEntryTooLargeToParseInBoundedMemory) {
  // 40 MB of XML compresses to a few kilobytes: the size is read from the archive, not found
  // out by inflating it.
  const std::string paragraphs(40u << 20, ' ');
  EXPECT_EQ(failure(make_zip({{"word/document.xml", word_xml(paragraphs)}})),
            "word/document.xml is too large to read (40 MB uncompressed; at most 32 MB)");
}

TEST(OfficeReaderTest, ReadsADocumentFromItsFileAsFromItsBytes) {
  const std::string bytes =
      make_zip({{"word/document.xml", word_xml(word_paragraph("Digital Post", "Title") +
                                               word_paragraph("Breve kommer digitalt."))}});
  testing::TempDir dir;
  const std::filesystem::path file = dir.write("brev.docx", bytes);
  const StoredDocument from_file = read_docx_file(file, bytes.substr(0, 64));
  EXPECT_EQ(from_file.title, "Digital Post");
  EXPECT_EQ(from_file.body, read_docx(bytes).body);
  EXPECT_EQ(testing::thrown_message<BadInput>([&] {
              (void)read_docx_file(dir.write("ikke.docx", "ikke en zip"), "ikke en zip");
            }),
            "not a zip archive (truncated or corrupt)");
}

TEST(OfficeReaderTest, AnEntryOfMoreTagsThanAreReadIsRefusedByName) {
  std::string paragraphs;
  for (int i = 0; i < 760'000; ++i) paragraphs += "<w:p></w:p>";  // 1.52 million tags
  const std::string reason = failure(make_zip({{"word/document.xml", word_xml(paragraphs)}}));
  EXPECT_TRUE(reason.starts_with("word/document.xml has 152")) << reason;
  EXPECT_TRUE(reason.ends_with("tags, more than the 1500000 that are read")) << reason;
}

TEST(OfficeReaderTest, NamesTheEntryWhoseXmlDoesNotParse) {
  const std::string reason = failure(make_zip({{"word/document.xml", "<w:document><w:body>"}}));
  EXPECT_TRUE(reason.starts_with("word/document.xml is not valid XML: ")) << reason;
}

TEST(OfficeReaderTest, RefusesADocumentWithoutText) {
  EXPECT_EQ(failure(make_zip({{"word/document.xml", word_xml("<w:p></w:p>")}})),
            "the document has no text");
}

TEST(OfficeReaderTest, TheRealWordDocumentHasItsTitleDateAndText) {
  if (testing::shared_dir().empty())
    GTEST_SKIP() << "../shared is not beside the checkout: no real Word document";
  std::ifstream in(testing::shared_dir() / "real-documents" / "brugerstyring.docx",
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const StoredDocument doc = read_docx(bytes.str());
  EXPECT_EQ(doc.title, "Referencearkitektur for brugerstyring 2020");
  EXPECT_EQ(doc.date, "2019-12-01");
  EXPECT_EQ(doc.source, "Digitaliseringsstyrelsen");
  EXPECT_NE(doc.body.find("Denne referencearkitektur er udarbejdet"), std::string::npos);
}

}  // namespace
}  // namespace opslag
