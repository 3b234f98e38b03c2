// Fuzzes HTML pages as the indexer reads them: meta tags, headline, main content, chrome left
// out; and the reader itself on raw bytes, which never fails (gumbo accepts anything).
#include "indexer/readers/html_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = opslag::fuzz::as_text(data, size);
  const opslag::StoredDocument raw = opslag::read_html(bytes);
  FUZZ_CHECK(opslag::fuzz::is_iso_date_or_empty(raw.date));
  opslag::fuzz::read_and_check("fuzz.html", bytes);
  return 0;
}
