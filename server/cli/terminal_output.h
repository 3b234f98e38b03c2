// How opslag-search shows results and analyses in a terminal.
#pragma once

#include <string>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "server/engine/searcher.h"

namespace opslag {

/// The ranked hits as text: number, title, date · source · type, snippet, id. With `colour`,
/// matches are bold yellow (ANSI); without, the snippet is plain text.
[[nodiscard]] std::string format_hits(const SearchRequest& request, const SearchResult& result,
                                      bool colour);

/// A whole document for reading in a terminal (opslag-search --show): title, date · source ·
/// type, its url, the number of matches, then the text with the matches bold yellow (with
/// `colour`) and a line "── side N ──" where each page of a PDF begins.
[[nodiscard]] std::string format_document(const DocumentView& view, bool colour);

/// How many values of each facet format_hits shows, the most frequent (years: the newest).
constexpr std::size_t kFacetValuesShown = 6;

/// One line per word of `text`: the folded word, a tab, its stem (alternative forms marked
/// "+"), and for a compound a tab and the stems of its parts ("sundhed+portal").
[[nodiscard]] std::string format_analysis(const DanishAnalyzer& analyzer, std::string_view text);

}  // namespace opslag
