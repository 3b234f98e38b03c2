// Fuzzes PDF files as the indexer reads them with poppler: pages, title, dates, publisher.
// Damaged, encrypted and text-less PDFs are refused with BadInput, an expected outcome.
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  opslag::fuzz::read_and_check("fuzz.pdf", opslag::fuzz::as_text(data, size));
  return 0;
}
