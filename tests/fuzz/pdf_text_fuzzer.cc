// Fuzzes the cleaning of PDF page text (soft hyphens, running headers, page numbers, dot
// leaders); the input's form feeds separate its pages, as poppler's text does.
#include <algorithm>

#include "indexer/readers/pdf_text.h"
#include "indexer/readers/text_lines.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  const std::string_view input = fuzz::as_text(data, size);
  std::vector<std::string> pages;
  for (std::size_t start = 0;;) {
    const std::size_t feed = input.find('\f', start);
    pages.emplace_back(input.substr(start, feed - start));
    if (feed == std::string_view::npos) break;
    start = feed + 1;
  }
  const PdfPages cleaned(pages);
  const std::string body = cleaned.body();
  FUZZ_CHECK(static_cast<std::size_t>(std::count(body.begin(), body.end(), '\f')) ==
             pages.size() - 1);
  if (text::is_valid_utf8(input)) FUZZ_CHECK(text::is_valid_utf8(body));
  for (std::string_view line : split_lines(body)) (void)cleaned.is_furniture(line);
  return 0;
}
