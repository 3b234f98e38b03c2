// Small RAII helpers around the ICU calls the analysis chain makes, and UTF-8 character steps.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/utext.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace opslag::text {

/// Owns a UText opened over UTF-8 bytes; indexes into it are byte offsets.
class Utf8Text {
 public:
  /// Opens `text` (which must outlive this object). Throws InternalError on ICU failure.
  explicit Utf8Text(std::string_view text);
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  ~Utf8Text();
  [[nodiscard]] UText* get() const { return text_; }

 private:
  UText* text_ = nullptr;
};

/// The byte offset of the first ill-formed UTF-8 sequence in `text` (overlong, surrogate,
/// truncated), or nullopt when it is all well-formed.
[[nodiscard]] std::optional<std::size_t> invalid_utf8_offset(std::string_view text);

/// True when `text` is well-formed UTF-8.
[[nodiscard]] inline bool is_valid_utf8(std::string_view text) {
  return !invalid_utf8_offset(text).has_value();
}

/// The number of characters (code points) of UTF-8 `text`.
[[nodiscard]] std::size_t char_count(std::string_view text);

/// The byte offset just past the character of UTF-8 `text` that starts at byte `at`.
[[nodiscard]] std::size_t next_char(std::string_view text, std::size_t at);

/// `text` in Unicode NFC. Assumes valid UTF-8. Throws InternalError on ICU failure.
[[nodiscard]] std::string to_nfc(std::string_view text);

/// `text` in NFKC_Casefold: lower case (æ, ø, å kept), compatibility forms unified, and
/// default-ignorable characters such as the soft hyphen removed; then accents other than the
/// ring of å taken off (strip_accents), so "idé" and "ide" are one word.
[[nodiscard]] std::string fold(std::string_view text);

/// Lower-case `text` without its accents (é -> e, ü -> u), æ, ø and å left as they are.
[[nodiscard]] std::string strip_accents(std::string_view text);

/// A fresh ICU word break iterator for Danish. Throws InternalError on ICU failure.
[[nodiscard]] std::unique_ptr<::icu::BreakIterator> make_word_breaker();

}  // namespace opslag::text
