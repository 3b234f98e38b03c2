// Finds synonyms and acronyms of what a user typed, from the schema's synonym groups.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/analysis/danish_analyzer.h"

namespace opslag {

/// Knows the synonym groups of the schema, analysed into folded words, and finds them in a
/// query's words: "KL" -> "kommunernes landsforening", and back. Immutable and thread-safe.
class SynonymExpander {
 public:
  /// `groups` as Schema::synonyms() gives them.
  SynonymExpander(const std::vector<std::vector<std::string>>& groups,
                  const DanishAnalyzer& analyzer);

  /// A synonym entry found in a query.
  struct Match {
    std::size_t length = 0;                        ///< how many words of the query it covers
    std::vector<std::vector<std::string>> others;  ///< the other entries of its group, as words
  };

  /// The longest entry that `words` (folded) hold at `at`, or nullopt.
  [[nodiscard]] std::optional<Match> match(const std::vector<std::string>& words,
                                           std::size_t at) const;

 private:
  /// Each group as lists of folded words.
  std::vector<std::vector<std::vector<std::string>>> groups_;
};

}  // namespace opslag
