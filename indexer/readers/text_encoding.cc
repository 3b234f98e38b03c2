// Encoding detection and conversion with ICU (ucsdet, ucnv).
#include "indexer/readers/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>
#include <vector>

#include "schema/analysis/icu_text.h"
#include "schema/errors.h"

namespace opslag {
namespace {

/// `bytes` converted from `charset` to UTF-8 with ICU. Throws BadInput if ICU cannot.
std::string convert(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open(charset, &status), ucnv_close);
  std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &status), ucnv_close);
  if (U_FAILURE(status)) throw BadInput(std::string("cannot convert from ") + charset);
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  if (U_FAILURE(status)) throw BadInput(std::string("not valid ") + charset + " text");
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

/// True if `bytes` holds control characters no text file has (NUL, or C0 other than \t \n
/// \f \r and the DOS end-of-file mark).
bool looks_binary(std::string_view bytes) {
  for (const char c : bytes.substr(0, 65536)) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) return true;
  }
  return false;
}

/// The charset ICU's detector finds most likely for `bytes`, or "" if none.
std::string detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      ucsdet_close);
  const auto sample = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 65536));
  ucsdet_setText(detector.get(), bytes.data(), sample, &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || !match) return "";
  const char* name = ucsdet_getName(match, &status);
  return U_FAILURE(status) || !name ? "" : name;
}

}  // namespace

std::string to_utf8(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.starts_with("\xFF\xFE")) return convert(bytes.substr(2), "UTF-16LE");
  if (bytes.starts_with("\xFE\xFF")) return convert(bytes.substr(2), "UTF-16BE");
  if (looks_binary(bytes)) throw BadInput("binary file, not text");
  if (text::is_valid_utf8(bytes)) return std::string(bytes);
  const std::string charset = detect(bytes);
  if (charset == "ISO-8859-1" || charset == "windows-1252" || charset == "ISO-8859-15")
    return convert(bytes, "windows-1252");
  const auto bad = text::invalid_utf8_offset(bytes).value_or(0);
  throw BadInput("not UTF-8 (bad byte at offset " + std::to_string(bad) +
                 ") nor Windows-1252/ISO-8859-1 text" +
                 (charset.empty() ? "" : " (ICU takes it for " + charset + ")"));
}

}  // namespace opslag
