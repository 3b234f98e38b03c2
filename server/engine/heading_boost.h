// The second look at each ten hits: a document whose heading the query names comes first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "server/engine/query_parser.h"

namespace opslag {

/// The most specific part of a title, what a reader who names the document names: the speaker
/// of a speech, before " – " ("Digitaliseringsministeren (Marie Bjerre) – 1. behandling af
/// …"); else the heading of a section, after the last ": " ("Referencearkitektur for
/// brugerstyring: 10. Bilag A: Ordliste"); else the whole title.
[[nodiscard]] std::string_view title_heading(std::string_view title);

/// Reorders the hits of each ten ranks by their weight plus a bonus for the query's words in
/// their title's heading (title_heading()): `ordliste brugerstyring begreber` puts the section
/// "Bilag A: Ordliste" before "1.6 Målgruppe", whose text says "ordliste" once more, and a
/// speech whose speaker the query names before the other speeches of its debate. The bonus is
/// kWeight times the best weight of the search, times the share of the
/// heading's words the query holds, times the share of the query's words the heading holds:
/// a heading the query names in full gains most. Only the order within ten ranks changes (the
/// first ten stay the first ten), so the pages of any size agree and the matching, which
/// keeps only what can reach the page, costs what it did. On the real judged set
/// (docs/relevance.md) nDCG@10 0.812 -> 0.817, known-item MRR 0.941 -> 0.962.
class HeadingBoost {
 public:
  /// Ranks reordered together: 1-10, 11-20, and so on.
  static constexpr std::size_t kWindow = 10;
  /// The bonus of a heading the query names in full, against the best weight of the search.
  static constexpr double kWeight = 0.2;

  /// For the words of `parsed` (free words and those of phrases, stop words left out), in a
  /// search whose best weight is `best_weight`.
  HeadingBoost(const DanishAnalyzer& analyzer, const ParsedQuery& parsed, double best_weight);

  /// What a document with `title` gains: 0 when its heading holds none of the query's words.
  [[nodiscard]] double bonus(std::string_view title) const;

  /// `weights` (of consecutive ranks, the first at a multiple of kWindow) with the bonus of
  /// each `titles`, and the order to show them in: each window's best total first, ties in
  /// rank order. Throws BadInput if a title is not valid UTF-8.
  [[nodiscard]] std::vector<std::size_t> order(std::vector<double>& weights,
                                               const std::vector<std::string_view>& titles) const;

 private:
  const DanishAnalyzer& analyzer_;
  std::vector<std::string> stems_;  ///< the query's, each once
  double best_weight_;
};

}  // namespace opslag
