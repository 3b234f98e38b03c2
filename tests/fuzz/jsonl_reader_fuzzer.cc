// Fuzzes JSON-lines input: the bytes become a file (plain, or gzip if they start so) that
// JsonlReader streams, and each line it gives is read into a document as the indexer would.
#include <sys/mman.h>
#include <unistd.h>

#include "indexer/readers/jsonl_reader.h"
#include "tests/fuzz/fuzz_support.h"

namespace opslag::fuzz {
namespace {

/// Checks the document of one line; a line refused with BadInput is an expected outcome.
void check_line(std::string_view line) {
  StoredDocument doc;
  try {
    doc = document_from_json(line, analyzer());
  } catch (const BadInput&) {
    return;
  }
  FUZZ_CHECK(!doc.id.empty());
  FUZZ_CHECK(doc.body.find_first_not_of(" \t\r\n") != std::string::npos);
  FUZZ_CHECK(is_nfc(doc.id) && is_nfc(doc.type) && is_nfc(doc.url) && is_nfc(doc.language));
  check_document(doc);
}

}  // namespace
}  // namespace opslag::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  // A file in memory, so no run touches the disk.
  const int fd = memfd_create("fuzz.jsonl", 0);
  FUZZ_CHECK(fd >= 0);
  FUZZ_CHECK(write(fd, data, size) == static_cast<ssize_t>(size));
  try {
    JsonlReader reader("/proc/self/fd/" + std::to_string(fd));
    std::uint64_t previous = 0;
    for (std::string line; reader.next(line);) {
      FUZZ_CHECK(reader.line_number() > previous);
      previous = reader.line_number();
      fuzz::check_line(line);
    }
  } catch (const BadInput&) {
    // documented: a read error (a truncated or corrupt .gz), naming the line
  }
  close(fd);
  return 0;
}
