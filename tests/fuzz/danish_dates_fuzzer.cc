// Fuzzes the Danish date notations: what is found must be a real date, read back the same.
#include "indexer/readers/danish_dates.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  const std::string_view text = fuzz::as_text(data, size);
  std::size_t length = 0;
  if (const auto date = parse_danish_date(text, &length)) {
    FUZZ_CHECK(!date->empty() && fuzz::is_iso_date_or_empty(*date));
    FUZZ_CHECK(length > 0 && length <= text.size());
    FUZZ_CHECK(parse_danish_date(*date) == date);
  }
  if (const auto date = find_danish_date(text)) {
    FUZZ_CHECK(!date->empty() && fuzz::is_iso_date_or_empty(*date));
    FUZZ_CHECK(parse_danish_date(*date) == date);
  }
  return 0;
}
