// Fuzzes the conversion of a text file's bytes to UTF-8: BOMs, UTF-16, ICU's charset detector.
#include "indexer/readers/text_encoding.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  const std::string_view bytes = fuzz::as_text(data, size);
  std::string text;
  try {
    text = to_utf8(bytes);
  } catch (const BadInput&) {
    return 0;  // documented: binary data, or text in an encoding other than those read
  }
  FUZZ_CHECK(text::is_valid_utf8(text));
  if (text::is_valid_utf8(bytes) && !bytes.starts_with("\xFF\xFE") &&
      !bytes.starts_with("\xFE\xFF"))
    FUZZ_CHECK(text == (bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes));
  return 0;
}
