// Cuts the passage of a document that best shows why it matched, with matches marked.
#pragma once

#include <string>
#include <string_view>

#include "schema/analysis/danish_analyzer.h"
#include "server/engine/query_parser.h"

namespace opslag {

/// Makes highlighted snippets: the passage with the most distinct query terms, every word
/// that matched (by stem, or exactly for phrases; joined and dotted forms and compounds with a
/// part searched for whole) wrapped in
/// <mark>…</mark>, every other character HTML-escaped. Never cuts a word or a UTF-8
/// sequence; "…" shows where text was left out. Thread-safe.
class SnippetMaker {
 public:
  /// Bytes of text a snippet shows by default (what /search and opslag-search show).
  static constexpr std::size_t kLength = 240;

  explicit SnippetMaker(const DanishAnalyzer& analyzer) : analyzer_(analyzer) {}

  /// A snippet of about `length` bytes from `text` (NFC, as stored) for `query`; the start of
  /// the text when nothing in it matches. The offset in `text` of the snippet's first match
  /// (or of its start, when nothing matched) goes to `match_at`.
  [[nodiscard]] std::string make(std::string_view text, const ParsedQuery& query,
                                 std::size_t length = kLength,
                                 std::size_t* match_at = nullptr) const;

 private:
  /// A stretch of the text, analysed, with the query's matches in it.
  struct Passage;
  [[nodiscard]] Passage locate(std::string_view text, const ParsedQuery& query,
                               std::size_t length) const;
  [[nodiscard]] Passage analyze_slice(std::string_view text, std::size_t begin, std::size_t end,
                                      const ParsedQuery& query) const;

  const DanishAnalyzer& analyzer_;
};

/// `text` with &, <, >, " and ' escaped for HTML.
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace opslag
