// Cuts the passage of a document that best shows why it matched, with matches marked.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "server/engine/query_parser.h"

namespace opslag {

/// A passage of a document's text and the stretches of it that matched the query: the engine's
/// answer, plain text; the JSON edge escapes it and marks with <mark>, the terminal colours it.
struct Snippet {
  /// The passage, each run of white space made one space; "…" where text was left out.
  std::string text;
  /// [begin, end) byte offsets into `text` of each match, in order, never overlapping, never
  /// inside a UTF-8 sequence.
  std::vector<std::pair<std::size_t, std::size_t>> marks;

  /// `text` with `open` before and `close` after each match; nothing escaped.
  [[nodiscard]] std::string with_marks(std::string_view open, std::string_view close) const;

  bool operator==(const Snippet&) const = default;
};

/// Makes snippets: the passage whose distinct query terms weigh most (ParsedQuery::stem_weights;
/// without them, the one with the most distinct terms), with every word that matched
/// (by stem, or exactly for phrases; joined and dotted forms and compounds with a part searched
/// for whole) as a mark. Never cuts a word or a UTF-8 sequence. Thread-safe.
class SnippetMaker {
 public:
  /// Bytes of text a snippet shows by default (what /search and opslag-search show).
  static constexpr std::size_t kLength = 240;

  explicit SnippetMaker(const DanishAnalyzer& analyzer) : analyzer_(analyzer) {}

  /// A snippet of about `length` bytes from `text` (NFC, as stored) for `query`; the start of
  /// the text when nothing in it matches. The offset in `text` of the snippet's first match
  /// (or of its start, when nothing matched) goes to `match_at`.
  [[nodiscard]] Snippet make(std::string_view text, const ParsedQuery& query,
                             std::size_t length = kLength, std::size_t* match_at = nullptr) const;

  /// Every match of `query` in the whole of `text`, as make() marks them: [begin, end) byte
  /// offsets into `text`, in order, never overlapping. For a document's view.
  [[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> marks(
      std::string_view text, const ParsedQuery& query) const;

 private:
  /// A stretch of the text, analysed, with the query's matches in it.
  struct Passage;
  /// What a match of each of the query's terms counts for when choosing the passage.
  class KeyWeights;
  [[nodiscard]] Passage locate(std::string_view text, const ParsedQuery& query, std::size_t length,
                               const KeyWeights& weights) const;
  [[nodiscard]] Passage analyze_slice(std::string_view text, std::size_t begin, std::size_t end,
                                      const ParsedQuery& query) const;

  const DanishAnalyzer& analyzer_;
};

}  // namespace opslag
