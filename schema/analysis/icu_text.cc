// RAII helpers around ICU: UTF-8 handles and steps, normalisation, case folding, word breaking.
#include "schema/analysis/icu_text.h"

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "schema/errors.h"

namespace opslag::text {
using ::icu::BreakIterator;
using ::icu::Locale;
using ::icu::Normalizer2;
using ::icu::StringByteSink;
using ::icu::StringPiece;

namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw InternalError(std::string(what) + ": " + u_errorName(status));
}

std::string normalize(const Normalizer2* normalizer, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  out.reserve(text.size());
  StringByteSink<std::string> sink(&out);
  normalizer->normalizeUTF8(0, StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                            nullptr, status);
  check(status, "ICU normalisation");
  return out;
}

}  // namespace

Utf8Text::Utf8Text(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  text_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  check(status, "utext_openUTF8");
}

Utf8Text::~Utf8Text() { utext_close(text_); }

std::optional<std::size_t> invalid_utf8_offset(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  // U8_NEXT takes int32_t lengths: walk longer text in chunks that end on a lead byte.
  std::size_t chunk_start = 0;
  while (chunk_start < text.size()) {
    std::size_t chunk_end = std::min(text.size(), chunk_start + (std::size_t{1} << 30));
    while (chunk_end < text.size() && U8_IS_TRAIL(bytes[chunk_end])) --chunk_end;
    const auto length = static_cast<int32_t>(chunk_end - chunk_start);
    for (int32_t i = 0; i < length;) {
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(bytes + chunk_start, i, length, c);
      if (c < 0) return chunk_start + static_cast<std::size_t>(at);
    }
    chunk_start = chunk_end;
  }
  return std::nullopt;
}

std::string to_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const Normalizer2* nfc = Normalizer2::getNFCInstance(status);
  check(status, "ICU NFC");
  const StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
  return normalize(nfc, text);
}

std::string fold(std::string_view text) {
  // Plain ASCII folds to its lower case; most Danish words are, and ICU costs more.
  if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const Normalizer2* folding = Normalizer2::getNFKCCasefoldInstance(status);
  check(status, "ICU NFKC_Casefold");
  return strip_accents(normalize(folding, text));
}

std::string strip_accents(std::string_view text) {
  // Only a letter with a mark beyond æ, ø and å needs the work.
  bool marked = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) continue;
    const bool danish = c == 0xC3 && i + 1 < text.size() &&
                        (text[i + 1] == '\xA5' || text[i + 1] == '\xA6' || text[i + 1] == '\xB8');
    if (!danish) {
      marked = true;
      break;
    }
    ++i;
  }
  if (!marked) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const Normalizer2* nfd = Normalizer2::getNFDInstance(status);
  check(status, "ICU NFD");
  const std::string decomposed = normalize(nfd, text);
  std::string kept;
  const auto* bytes = reinterpret_cast<const uint8_t*>(decomposed.data());
  const auto length = static_cast<int32_t>(decomposed.size());
  UChar32 previous = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    // Combining marks go, but the ring of å stays.
    const bool mark = c >= 0x0300 && c <= 0x036F && !(c == 0x030A && (previous == 'a'));
    if (!mark)
      kept.append(decomposed, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    previous = c;
  }
  return to_nfc(kept);
}

std::size_t char_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return !U8_IS_TRAIL(static_cast<uint8_t>(c)); }));
}

std::size_t next_char(std::string_view text, std::size_t at) {
  ++at;
  while (at < text.size() && U8_IS_TRAIL(static_cast<uint8_t>(text[at]))) ++at;
  return at;
}

std::unique_ptr<BreakIterator> make_word_breaker() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<BreakIterator> breaker(BreakIterator::createWordInstance(Locale("da"), status));
  check(status, "ICU word break iterator");
  return breaker;
}

}  // namespace opslag::text
