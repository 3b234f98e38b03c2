// Fuzzes plain-text files as the indexer reads them: encoding, NFC, header, title, date line,
// publisher, body; and the reader itself on raw bytes, which never fails.
#include "indexer/readers/text_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = opslag::fuzz::as_text(data, size);
  const opslag::StoredDocument raw = opslag::read_plain_text(bytes);
  FUZZ_CHECK(opslag::fuzz::is_iso_date_or_empty(raw.date));
  opslag::fuzz::read_and_check("fuzz.txt", bytes);
  return 0;
}
