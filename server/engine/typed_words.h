// What was typed in a search box, read as words: those before and the one being typed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/analysis/danish_analyzer.h"

namespace opslag {

/// What was typed, read as words: the last one is being typed unless something follows it.
struct TypedWords {
  std::string before;                 ///< the text before the last word, as typed (NFC)
  std::vector<std::string> complete;  ///< the words before the last, folded
  /// The words before the last that are no stop words: what the last is typed about.
  std::vector<std::string> context;
  std::string last;             ///< the last word, folded; empty when there is no word
  bool last_is_prefix = false;  ///< nothing follows the last word: it may go on

  /// Words typed before the last that are read (the last ones); more are not looked at.
  static constexpr std::size_t kMaxCompleteWords = 16;
};

/// `typed` read into words by `analyzer` (joined alternatives left out); no words, and an
/// empty `last`, when it holds none. Throws BadInput if `typed` is not valid UTF-8.
[[nodiscard]] TypedWords read_typed_words(const DanishAnalyzer& analyzer, std::string_view typed);

/// What was typed, read with the hyphenated word it ends in as the word being typed.
struct TypedHyphenated {
  /// The last word joined as the index holds it ("e-b" -> "eb", "MitID-a" -> "mitida"), the
  /// text before the hyphenated word, and the words before that.
  TypedWords typed;
  /// The hyphenated word's first part ("e", "mitid"): a joined word stands at its position.
  std::string first_part;
};

/// `typed` read as read_typed_words() reads it, but with the hyphenated word it ends in as the
/// last word; nothing when the last word is no hyphenated word's last part. Throws BadInput if
/// `typed` is not valid UTF-8.
[[nodiscard]] std::optional<TypedHyphenated> read_typed_hyphenated(const DanishAnalyzer& analyzer,
                                                                   std::string_view typed);

}  // namespace opslag
