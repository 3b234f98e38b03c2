// Tests opslag-read run by ReaderProcess: a PDF read in a process of its own, the reader's own
// reasons passed on, and a file that needs too much memory or a reader that hangs stopped.
#include "indexer/reader_process.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zlib.h>

#include <fstream>
#include <sstream>

#include "indexer/address_sanitizer.h"
#include "schema/errors.h"
#include "tests/support/temp_dir.h"
#include "tests/support/thrown_message.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

/// A PDF of one page whose compressed content stream of `size` bytes draws text over and over:
/// a few kilobytes on disk, gigabytes in poppler's text pages.
std::string text_bomb_pdf(std::size_t size) {
  const std::string line = "BT /F1 10 Tf 72 720 Td (Digital Post og NemID i kommunerne) Tj ET\n";
  std::string ops;
  while (ops.size() < size) ops += line;
  uLongf packed_size = compressBound(ops.size());
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
            reinterpret_cast<const Bytef*>(ops.data()), ops.size(), 9);
  packed.resize(packed_size);
  const std::vector<std::string> objects{
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font "
      "<< /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(packed.size()) + " /Filter /FlateDecode >>\nstream\n" +
          packed + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[21];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string head_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[64] = {};
  in.read(head, sizeof head);
  return std::string(head, in.gcount());
}

class ReaderProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(program_.empty()) << "opslag-read is not built beside the tests";
  }
  fs::path program_ = ReaderProcess::find_program();
  testing::TempDir dir_;
};

TEST_F(ReaderProcessTest, ReadsAPdfInAProcessOfItsOwn) {
  const fs::path pdf = fs::path(OPSLAG_SOURCE_DIR) / "tests" / "testdata" / "nemid-rapport.pdf";
  const StoredDocument doc = ReaderProcess(program_, {}).read(pdf, head_of(pdf), SIZE_MAX);
  EXPECT_EQ(doc.title, "NemID i kommunerne");
  EXPECT_EQ(doc.date, "2010-07-01");
  EXPECT_NE(doc.body.find("Kommunerne tager NemID i brug"), std::string::npos) << doc.body;
}

TEST_F(ReaderProcessTest, PassesOnTheReadersOwnReason) {
  const fs::path file = dir_.write("ikke.pdf", "<html>ikke en pdf</html>");
  EXPECT_EQ(testing::thrown_message<BadInput>(
                [&] { (void)ReaderProcess(program_, {}).read(file, head_of(file), SIZE_MAX); }),
            "not a PDF (no %PDF- header)");
}

TEST_F(ReaderProcessTest, AFileThatNeedsMoreMemoryThanAllowedIsSkippedAndSaysSo) {
  if (kAddressSanitizer)
    GTEST_SKIP() << "AddressSanitizer reserves terabytes of address space, so opslag-read "
                    "bounds only time under it";
  const fs::path file = dir_.write("bombe.pdf", text_bomb_pdf(4u << 20));  // ~10 KB on disk
  const ReaderProcess reader(program_, {.memory_mb = 96, .seconds = 60});
  EXPECT_EQ(
      testing::thrown_message<BadInput>([&] { (void)reader.read(file, head_of(file), SIZE_MAX); }),
      "reading it needed more than 96 MB of memory: skipped");
}

TEST_F(ReaderProcessTest, AReaderThatHangsIsStoppedAfterTwiceItsTime) {
  const fs::path hangs = dir_.write("hænger", "#!/bin/sh\nexec sleep 60\n");
  fs::permissions(hangs, fs::perms::owner_all);
  const fs::path file = dir_.write("a.pdf", "%PDF-1.4\n");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(testing::thrown_message<BadInput>([&] {
              (void)ReaderProcess(hangs, {.seconds = 1}).read(file, head_of(file), SIZE_MAX);
            }),
            "reading it took more than 2 s: skipped");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

}  // namespace
}  // namespace opslag
