// Suggests document titles that hold every word typed, the last perhaps only begun.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "server/engine/suggestion.h"
#include "server/engine/typed_words.h"

namespace opslag {

/// Finds the documents whose title holds every word typed, the last as a prefix while it is
/// being typed (standing for the title words it begins that most titles hold, and the words it
/// was completed to), and suggests their titles: those that begin with what was typed first, then
/// by BM25 (see enquire_all_of()). Reads at most a few documents more than it suggests. Const and
/// thread-safe.
class TitleSuggester {
 public:
  /// Titles are the terms of `title_prefix` in the index; `analyzer` reads them into words.
  TitleSuggester(const DanishAnalyzer& analyzer, std::string title_prefix)
      : analyzer_(analyzer), title_prefix_(std::move(title_prefix)) {}

  /// Up to `size` titles for `typed`, each title once, with their documents' ids; none when
  /// nothing was typed before a last word of fewer than kMinPrefixChars characters. A last
  /// word being typed stands for the kPrefixWords title words it begins that most titles hold
  /// and for those of `likely` it begins (the words it was completed to: "kunstig in" ->
  /// "intelligens", in few titles). Adds every title read to `seen_titles` (they show how
  /// words are written). Throws opslag::Error if a document's data is not a StoredDocument's.
  [[nodiscard]] std::vector<Suggestion> suggest(const Xapian::Database& db, const TypedWords& typed,
                                                std::size_t size,
                                                std::vector<std::string>& seen_titles,
                                                const std::vector<std::string>& likely = {}) const;

  /// Titles are suggested once the last word has this many characters, or follows another.
  static constexpr std::size_t kMinPrefixChars = 3;
  /// A title prefix stands for at most this many title words, the most frequent.
  static constexpr std::size_t kPrefixWords = 12;

 private:
  struct Query;

  /// What a title must hold; no parts when no title can match.
  [[nodiscard]] Query query_for(const Xapian::Database& db, const TypedWords& typed,
                                const std::vector<std::string>& likely) const;

  const DanishAnalyzer& analyzer_;
  const std::string title_prefix_;
};

}  // namespace opslag
