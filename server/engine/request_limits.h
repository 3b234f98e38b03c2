// The bounds one search is held to, with their defaults.
#pragma once

#include <cstddef>

namespace opslag {

/// How much one search may ask of the engine. Each is an option of opslag-server (the name
/// beside it); a request beyond one gets an error that names it: 400 for the query and the
/// page, 503 for time. How large an HTTP request may be is the transport's (TransportLimits).
struct Limits {
  std::size_t max_query_bytes = 1000;  ///< --max-query-bytes: length of q
  std::size_t max_query_words = 64;    ///< --max-query-words: words in q
  unsigned max_wildcard_terms = 100;   ///< --max-wildcard-terms: words one prefix* stands for
  int max_page_size = 100;             ///< --max-page-size: size
  int max_result_depth = 10000;        ///< --max-result-depth: page × size
  double request_timeout_ms = 2000;    ///< --request-timeout-ms: time one search may take
  /// --exact-matches: matches counted exactly for the total and the facets; a search with more
  /// gets Xapian's estimate of the total and facets scaled from those counted.
  unsigned exact_matches = 5000;
  /// --max-export: most matches /search.csv and /search.jsonl (and opslag-search --format csv
  /// or jsonl) give; more are cut, and the answer says so.
  std::size_t max_export = 10000;
};

}  // namespace opslag
