// The bounds every request to opslag-server is held to, with their defaults.
#pragma once

#include <cstddef>

namespace opslag {

/// How much one request may ask of the server. Each is an option of opslag-server (the name
/// beside it); a request beyond one gets an error that names it: 400 for the query and the
/// page, 413 for a body, 414 for a request line, 431 for headers, 503 for time.
struct Limits {
  std::size_t max_query_bytes = 1000;   ///< --max-query-bytes: length of q
  std::size_t max_query_words = 64;     ///< --max-query-words: words in q
  unsigned max_wildcard_terms = 100;    ///< --max-wildcard-terms: words one prefix* stands for
  int max_page_size = 100;              ///< --max-page-size: size
  int max_result_depth = 10000;         ///< --max-result-depth: page × size
  std::size_t max_request_line = 4096;  ///< --max-request-line: bytes of the URL asked for
  std::size_t max_header_bytes = 8192;  ///< --max-header-bytes: all request headers together
  std::size_t max_body_bytes = 65536;   ///< --max-body-bytes: a request's body
  double request_timeout_ms = 2000;     ///< --request-timeout-ms: time one search may take
  /// --exact-matches: matches counted exactly for the total and the facets; a search with more
  /// gets Xapian's estimate of the total and facets scaled from those counted.
  unsigned exact_matches = 5000;
};

/// The longest request line cpp-httplib reads at all (it answers 414 beyond it), so the
/// highest --max-request-line can be.
constexpr std::size_t kHttplibRequestLine = 8192;

}  // namespace opslag
