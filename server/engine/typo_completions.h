// Completes a prefix typed with one typo, from a sorted copy of the index's words walked as a trie.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "server/engine/suggestion_ranking.h"

namespace opslag {

/// Finds the words a prefix begins when it was typed with one typo: a letter wrong, left out or
/// typed too many, or two neighbours swapped (Damerau-Levenshtein distance 1 to some beginning
/// of the word, in characters, so æ, ø and å count one each). The first letter typed is
/// trusted, as typists seldom miss it and a typo there matches too many words (Meilisearch
/// counts one as two typos): a word begins with the first letter typed, with the second (the
/// first two swapped, or a letter typed before the word) or with the first's Danish twin (o for
/// ø, a for æ or å, and back: "okonomi" -> "økonomi"). Holds the words sorted and packed (about
/// 23 bytes a word) and walks them as a trie, leaving a branch as soon as it is two typos away,
/// so a request visits about a hundred prefixes however many words there are. Const methods are
/// thread-safe.
class TypoCompletions {
 public:
  /// Adds `word`, held by `documents` documents. Words come in ascending byte order, as Xapian
  /// lists terms; a word out of order or over 255 bytes is left out.
  void add(std::string_view word, Xapian::doccount documents);

  /// Frees the room kept for more words; call it once every word is added.
  void shrink_to_fit();

  /// Up to `size` words that begin within one typo of `typed` (folded, as the words are) but
  /// not with `typed` itself: those are its exact completions. Best first: those holding every
  /// letter typed (two swapped, or one left out between them: "nemdi", "nmid" for "nemid")
  /// before those with a letter wrong or too many ("nemdi" for "nemlig"), then as
  /// ranks_before(). None when `typed` has fewer than kMinTypedChars characters or holds a
  /// digit. Visits at most kMaxVisitedPrefixes prefixes and ranks at most kMaxScannedTerms
  /// words.
  [[nodiscard]] std::vector<WordCount> complete(std::string_view typed, std::size_t size) const;

  /// The number of words added.
  [[nodiscard]] std::size_t size() const { return entries_.size(); }

  /// Shorter prefixes are within one typo of too many words to tell which was meant;
  /// Typesense's min_len_1typo is 4 too.
  static constexpr std::size_t kMinTypedChars = 4;
  /// Prefixes a request visits at most: a bound far above need (mistyped prefixes of 4 to 7
  /// letters visit 90 on average, 162 at most, among the 99,000 words of danish-bench).
  static constexpr std::size_t kMaxVisitedPrefixes = 1024;

 private:
  /// A word: where it is in text_, how long it is, and how many documents hold it.
  struct Entry {
    std::uint32_t offset = 0;
    Xapian::doccount documents = 0;
    std::uint8_t length = 0;
  };
  class Walk;

  [[nodiscard]] std::string_view word_at(std::size_t i) const {
    return std::string_view(text_).substr(entries_[i].offset, entries_[i].length);
  }

  std::string text_;  ///< the words one after the other
  std::vector<Entry> entries_;
};

/// Whether some beginning of `word` is within one typo of `typed` by the rules of
/// TypoCompletions, its first letter too; both folded. True when `typed` begins `word`.
[[nodiscard]] bool begins_within_one_typo(std::string_view word, std::string_view typed);

}  // namespace opslag
