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

/// How many values of each facet format_hits shows, the most frequent (years: the newest).
constexpr std::size_t kFacetValuesShown = 6;

/// One line per word of `text`: the folded word, a tab, its stem (alternative forms marked
/// "+"), and for a compound a tab and the stems of its parts ("sundhed+portal").
[[nodiscard]] std::string format_analysis(const DanishAnalyzer& analyzer, std::string_view text);

}  // namespace opslag
