// How opslag-search shows results and analyses in a terminal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "server/engine/searcher.h"

namespace opslag {

/// The ranked hits as text: which hits these are of how many ("1–10 af 13 … næste: --page
/// 2"), the facets, then for each hit its number, title, date · source · type, snippet, and id
/// with its url (or the file it was read from). With `colour`, matches are bold yellow (ANSI);
/// without, plain text. With a `width` (a terminal's columns), every line is wrapped at word
/// boundaries to fit it; 0 leaves lines as they are. With `queued` (--new-since-last-run, which
/// prints from where its last run stopped), the rest is had by running again, not by --page.
[[nodiscard]] std::string format_hits(const SearchRequest& request, const SearchResult& result,
                                      bool colour, std::size_t width = 0, bool queued = false);

/// `n` as Danish writes it: "30.000".
[[nodiscard]] std::string danish_number(std::uint64_t n);

/// `text` with `marks` ([begin, end) byte ranges) between `open` and `close`, broken at spaces
/// into lines of at most `width` characters after `indent` (a word longer than that gets a line
/// of its own), each line but the first starting with `indent`; `width` 0: one line. A mark
/// broken over two lines is closed before the break and opened again after it.
[[nodiscard]] std::string wrap_marked(std::string_view text,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& marks,
                                      std::size_t width, std::string_view indent,
                                      std::string_view open, std::string_view close);

/// A whole document for reading in a terminal (opslag-search --show): title, date · source ·
/// type, its url, the number of matches, then the text with the matches bold yellow (with
/// `colour`) and a line "── side N ──" where each page of a PDF begins.
[[nodiscard]] std::string format_document(const DocumentView& view, bool colour);

/// How many values of each facet format_hits shows, the most frequent (years: the newest).
constexpr std::size_t kFacetValuesShown = 6;

/// How many of the words a search took in besides those typed (synonyms, forms, compounds)
/// the line "Søgningen omfattede også" names, as the web page does.
constexpr std::size_t kExpansionsShown = 8;

/// One line per word of `text`: the folded word, a tab, its stem (alternative forms marked
/// "+"), and for a compound a tab and the stems of its parts ("sundhed+portal").
[[nodiscard]] std::string format_analysis(const DanishAnalyzer& analyzer, std::string_view text);

}  // namespace opslag
