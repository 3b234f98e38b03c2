// How a folded word is mostly written in titles and texts, to show a suggestion so ("NemID").
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace opslag {

/// Where a text stands: in a title a colon begins a subtitle, in running text it does not.
enum class WrittenIn { kText, kTitle };

/// Tallies how texts write one folded word as a whole word, to show it as they mostly do
/// ("nemid" -> "NemID"), or, in a text that never writes it whole, with the hyphens of the
/// hyphenated word the index holds joined ("eboks" -> "e-Boks"). A capital that only begins a
/// sentence or a title is not counted.
class WrittenForms {
 public:
  /// Tallies the forms of `word`, which is folded (lower case, as indexed).
  explicit WrittenForms(std::string word) : word_(std::move(word)) {}

  /// Counts how `text` writes the word (its first kMaxCounted times), leaving out a capital
  /// that only begins a sentence ("Strategien gælder") or a title's part.
  void count_in(std::string_view text, WrittenIn in = WrittenIn::kText);

  /// The form written most often; on a tie the folded word itself, as a word written both ways
  /// is mostly a common word that also stands in a name ("post", "Digital Post"). When none was
  /// counted, the first form that began a sentence with its capital made small ("It-systemets"
  /// -> "it-systemets"), else the folded word.
  [[nodiscard]] std::string most_written() const;

  /// Occurrences of the word counted in one text.
  static constexpr int kMaxCounted = 20;

 private:
  /// Counts the form at [at, end) of `text` when it is the word; whether it was.
  bool tally(std::string_view text, std::size_t at, std::size_t end, WrittenIn in);

  std::string word_;
  std::string at_sentence_start_;      ///< the first form that began a sentence, its capital small
  std::map<std::string, int> counts_;  ///< how many times each form is written
};

/// How the folded `word` is mostly written in `titles` and in the title and text of a short
/// document of `db` that holds it; the word itself when neither writes it otherwise. Throws
/// opslag::Error if that document's data is not a StoredDocument's.
[[nodiscard]] std::string as_written(const Xapian::Database& db, const std::string& word,
                                     const std::vector<std::string>& titles);

}  // namespace opslag
