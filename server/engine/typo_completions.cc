// One-typo completions: edit distances a character at a time, down a sorted list of words.
#include "server/engine/typo_completions.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "schema/analysis/icu_text.h"

namespace opslag {
namespace {

/// Characters of UTF-8 text, each its bytes ("æ" is two).
using Chars = std::vector<std::string_view>;

Chars chars_of(std::string_view text) {
  Chars out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t next = text::next_char(text, at);
    out.push_back(text.substr(at, next - at));
    at = next;
  }
  return out;
}

/// A Danish letter and the letter typed for it on a keyboard without it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kDanishTwins{
    {{"ø", "o"}, {"æ", "a"}, {"å", "a"}}};

/// The letters a word may begin with to complete `typed` (not empty) with one typo.
Chars first_letters(const Chars& typed) {
  Chars out{typed[0]};
  const auto add = [&out](std::string_view c) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  };
  if (typed.size() > 1) add(typed[1]);
  for (const auto& [danish, plain] : kDanishTwins) {
    if (typed[0] == plain) add(danish);
    if (typed[0] == danish) add(plain);
  }
  return out;
}

/// Whether `word` begins with every character of `typed` (not empty), two neighbours swapped
/// or with one more between them: the typo of a hand that was too quick ("nemdi", "nmid" for
/// "nemid"), likelier than a letter wrong or too many, one of which is any word that begins
/// with all that was typed but its last letter ("nemdi" for "nemlig").
bool keeps_every_letter(std::string_view word, const Chars& typed) {
  const Chars begins = chars_of(word.substr(0, std::min(word.size(), 4 * (typed.size() + 1))));
  const std::size_t n = typed.size();
  std::size_t same = 0;  // characters as typed before the typo
  while (same < n && same < begins.size() && begins[same] == typed[same]) ++same;
  const auto rest_matches = [&](std::size_t from_word, std::size_t from_typed) {
    return begins.size() >= from_word + (n - from_typed) &&
           std::equal(typed.begin() + static_cast<long>(from_typed), typed.end(),
                      begins.begin() + static_cast<long>(from_word));
  };
  const bool swapped = same + 1 < n && begins.size() > same + 1 &&
                       begins[same] == typed[same + 1] && begins[same + 1] == typed[same] &&
                       rest_matches(same + 2, same + 2);
  const bool one_left_out = same < n && rest_matches(same + 1, same);
  return swapped || one_left_out;
}

/// Typos between every beginning of what was typed and the characters of a word read so far,
/// one row a character (optimal string alignment, so two swapped neighbours are one typo).
/// Values are capped at 2: only whether they are 0, 1 or more matters.
class Distances {
 public:
  explicit Distances(const Chars& typed) : typed_(typed) {
    Row row(typed.size() + 1);
    for (std::size_t j = 0; j < row.size(); ++j) row[j] = cap(j);
    rows_.push_back(std::move(row));
  }

  /// Reads the word's next character `c` (which must outlive this object).
  void read(std::string_view c) {
    const Row& up = rows_.back();
    Row row(up.size());
    row[0] = cap(path_.size() + 1);
    for (std::size_t j = 1; j < row.size(); ++j) {
      std::size_t d =
          std::min({up[j] + 1u, row[j - 1] + 1u, up[j - 1] + (c == typed_[j - 1] ? 0u : 1u)});
      if (j >= 2 && !path_.empty() && c == typed_[j - 2] && path_.back() == typed_[j - 1])
        d = std::min<std::size_t>(d, rows_[rows_.size() - 2][j - 2] + 1u);
      row[j] = cap(d);
    }
    rows_.push_back(std::move(row));
    path_.push_back(c);
  }

  /// Forgets the last character read.
  void unread() {
    rows_.pop_back();
    path_.pop_back();
  }

  /// Whether the characters read are within one typo of all that was typed: every word they
  /// begin completes it.
  [[nodiscard]] bool complete() const { return rows_.back().back() <= 1; }

  /// The fewest typos between the characters read and a beginning of what was typed: 0 when
  /// they begin it, 2 when no word they begin can complete it.
  [[nodiscard]] std::uint8_t fewest() const {
    return *std::min_element(rows_.back().begin(), rows_.back().end());
  }

  /// When fewest() is 1, the only characters that may come next without a second typo: each
  /// typed just after a beginning of what was typed that is one typo away. (The second half of
  /// a swap is one of them: the characters read but the last match all typed before it.)
  [[nodiscard]] Chars next_letters() const {
    Chars out;
    const Row& row = rows_.back();
    for (std::size_t j = 0; j < typed_.size(); ++j)
      if (row[j] <= 1 && std::find(out.begin(), out.end(), typed_[j]) == out.end())
        out.push_back(typed_[j]);
    return out;
  }

 private:
  using Row = std::vector<std::uint8_t>;

  static std::uint8_t cap(std::size_t d) {
    return static_cast<std::uint8_t>(std::min<std::size_t>(d, 2));
  }

  const Chars& typed_;
  std::vector<Row> rows_;  ///< one more than path_: the first for no character read
  Chars path_;             ///< the characters read
};

}  // namespace

/// One search of the words: depth first down the prefixes they share, as in a trie. A prefix
/// on what was typed goes on to each character that follows it in some word; one a typo away
/// only to the few characters next_letters() allows; one within a typo of all that was typed
/// ends the way down, and the words it begins are found.
class TypoCompletions::Walk {
 public:
  Walk(const TypoCompletions& words, std::string_view typed)
      : words_(words), typed_(typed), chars_(chars_of(typed)), distances_(chars_) {}

  /// The indexes of the words found.
  [[nodiscard]] std::vector<std::size_t> run() {
    for (std::string_view c : first_letters(chars_)) go(0, words_.entries_.size(), "", c);
    return std::move(found_);
  }

 private:
  /// From `prefix`, which words [lo, hi) begin, to `prefix` + `c` if a word begins so.
  void go(std::size_t lo, std::size_t hi, std::string_view prefix, std::string_view c) {
    std::string next(prefix);
    next += c;
    lo = first_where(lo, hi, [&](std::string_view w) { return w >= next; });
    hi = first_where(lo, hi, [&](std::string_view w) { return !w.starts_with(next); });
    if (lo < hi) enter(lo, hi, next.size(), c);
  }

  /// Reads `c`, the last character of the prefix (its first `bytes` bytes) words [lo, hi) begin.
  void enter(std::size_t lo, std::size_t hi, std::size_t bytes, std::string_view c) {
    if (visited_ == kMaxVisitedPrefixes) return;
    ++visited_;
    distances_.read(c);
    if (distances_.complete()) {
      collect(lo, hi, bytes);
    } else if (distances_.fewest() == 0) {
      children(lo, hi, bytes);
    } else if (distances_.fewest() == 1) {
      const std::string_view prefix = words_.word_at(lo).substr(0, bytes);
      for (std::string_view next : distances_.next_letters()) go(lo, hi, prefix, next);
    }
    distances_.unread();
  }

  /// Enters each prefix one character longer than the one (of `bytes` bytes) [lo, hi) begin.
  void children(std::size_t lo, std::size_t hi, std::size_t bytes) {
    if (words_.word_at(lo).size() == bytes) ++lo;  // the prefix is a word itself
    while (lo < hi && visited_ < kMaxVisitedPrefixes) {
      const std::string_view w = words_.word_at(lo);
      const std::size_t end = text::next_char(w, bytes);
      const std::string_view child = w.substr(0, end);
      const std::size_t child_hi =
          first_where(lo, hi, [&](std::string_view v) { return !v.starts_with(child); });
      enter(lo, child_hi, end, w.substr(bytes, end - bytes));
      lo = child_hi;
    }
  }

  /// Finds words [lo, hi) but those beginning with what was typed (its exact completions).
  void collect(std::size_t lo, std::size_t hi, std::size_t bytes) {
    if (bytes >= typed_.size() && words_.word_at(lo).starts_with(typed_)) return;
    for (; lo < hi && scanned_ < kMaxScannedTerms; ++lo, ++scanned_)
      if (!words_.word_at(lo).starts_with(typed_)) found_.push_back(lo);
  }

  /// The first of words [lo, hi) for which `is` holds, which then holds for all after it.
  template <typename Predicate>
  [[nodiscard]] std::size_t first_where(std::size_t lo, std::size_t hi, Predicate is) const {
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (is(words_.word_at(mid))) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  const TypoCompletions& words_;
  const std::string_view typed_;
  const Chars chars_;
  Distances distances_;  // reads chars_, so comes after it
  std::size_t visited_ = 0;
  std::size_t scanned_ = 0;
  std::vector<std::size_t> found_;
};

void TypoCompletions::add(std::string_view word, Xapian::doccount documents) {
  if (word.empty() || word.size() > std::numeric_limits<std::uint8_t>::max() ||
      text_.size() + word.size() > std::numeric_limits<std::uint32_t>::max())
    return;
  if (!entries_.empty() && word <= word_at(entries_.size() - 1)) return;
  entries_.push_back({static_cast<std::uint32_t>(text_.size()), documents,
                      static_cast<std::uint8_t>(word.size())});
  text_ += word;
}

void TypoCompletions::shrink_to_fit() {
  text_.shrink_to_fit();
  entries_.shrink_to_fit();
}

std::vector<WordCount> TypoCompletions::complete(std::string_view typed, std::size_t size) const {
  if (size == 0 || entries_.empty() || text::char_count(typed) < kMinTypedChars) return {};
  // A number a digit off is another number, not a typo (spelling_words() leaves numbers out too).
  if (std::any_of(typed.begin(), typed.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return {};
  const Chars typed_chars = chars_of(typed);
  struct Found {
    std::size_t entry;
    bool keeps_every_letter;
  };
  std::vector<Found> found;
  for (const std::size_t entry : Walk(*this, typed).run())
    found.push_back({entry, keeps_every_letter(word_at(entry), typed_chars)});
  // Then as ranks_before(), without making a string of every word found.
  const auto better = [this](const Found& a, const Found& b) {
    if (a.keeps_every_letter != b.keeps_every_letter) return a.keeps_every_letter;
    const Xapian::doccount da = entries_[a.entry].documents, db = entries_[b.entry].documents;
    return da != db ? da > db : word_at(a.entry) < word_at(b.entry);
  };
  const std::size_t n = std::min(size, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<long>(n), found.end(), better);
  std::vector<WordCount> out;
  for (std::size_t i = 0; i < n; ++i)
    out.push_back({std::string(word_at(found[i].entry)), entries_[found[i].entry].documents});
  return out;
}

bool begins_within_one_typo(std::string_view word, std::string_view typed) {
  const Chars typed_chars = chars_of(typed);
  if (typed_chars.empty()) return true;
  const Chars word_chars = chars_of(word);
  const Chars first = first_letters(typed_chars);
  if (word_chars.empty() || std::find(first.begin(), first.end(), word_chars[0]) == first.end())
    return false;
  Distances distances(typed_chars);
  for (std::string_view c : word_chars) {
    distances.read(c);
    if (distances.complete()) return true;
    if (distances.fewest() > 1) return false;
  }
  return false;
}

}  // namespace opslag
