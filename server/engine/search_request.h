// What a search asks for, and the one check of it that the server and the terminal share.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "server/engine/request_limits.h"

namespace opslag {

/// The order of the hits.
enum class SortOrder {
  kRelevance,
  kDateAscending,
  kDateDescending,
  kIndexedAscending,   ///< by when Opslag first indexed each document, first indexed first
  kIndexedDescending,  ///< newest arrivals first ("Nye dokumenter")
};

/// The order `text` names: "relevance", "date" (oldest first), "-date" (newest first),
/// "indexed" (first indexed first) or "-indexed" (last indexed first).
/// Throws BadInput naming `what` ("parameter sort", "--sort") for anything else.
[[nodiscard]] SortOrder parse_sort_order(std::string_view text, std::string_view what);

/// What to search for, which documents may match, and which page of the ranking to return.
struct SearchRequest {
  std::string query;
  int page = 1;  ///< 1-based
  int size = 10;
  std::vector<std::string> sources;  ///< only documents from one of these publishers
  std::vector<std::string> types;    ///< only documents of one of these types
  std::string from;                  ///< only documents dated on or after ("YYYYMMDD")
  std::string to;                    ///< only documents dated on or before ("YYYYMMDD")
  /// Only documents first indexed at or after this (an indexed_since_bound(), or the
  /// just_after() of a stamp); empty for all.
  std::string since;
  SortOrder sort = SortOrder::kRelevance;
};

/// Longest value of a source or type filter, in bytes.
constexpr std::size_t kMaxFilterValueBytes = 200;

/// Throws BadInput naming parameter q unless `query` is at most limits.max_query_bytes of
/// valid UTF-8 and not blank: what a search and a completion both ask of q.
void check_query(std::string_view query, const Limits& limits);

/// Throws BadInput naming the parameter (as the API calls it: q, page, size, source, type,
/// from) and the option that sets its limit, for the first thing `request` asks beyond
/// `limits`; `words` is how many words the analyzer reads in its query.
void check_search_request(const SearchRequest& request, const Limits& limits, std::size_t words);

/// The message of a number parameter outside [min, max]: "parameter size must be a whole
/// number from 1 to 100".
[[nodiscard]] std::string whole_number_message(std::string_view name, int min, int max);

}  // namespace opslag
