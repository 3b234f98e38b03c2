// The bounds a request to opslag-server, and a connection, are held to before any route reads it.
#pragma once

#include <cstddef>

namespace opslag {

/// How large a request may be and how many connections the server keeps, for how long. Each is
/// an option of opslag-server (the name beside it); a request beyond one gets an error naming
/// it: 414 for a request line, 431 for headers, 503 for a connection beyond a bound; a client
/// slower than a timeout is disconnected. No request may carry a body (413), and only GET, HEAD
/// and OPTIONS are served (405). What a search may ask of the engine is bounded by Limits
/// (request_limits.h).
struct TransportLimits {
  std::size_t max_request_line = 4096;  ///< --max-request-line: bytes of the URL asked for
  std::size_t max_header_bytes = 8192;  ///< --max-header-bytes: all request headers together
  std::size_t max_header_count = 100;   ///< --max-header-count: request header lines
  std::size_t max_connections = 512;    ///< --max-connections: open at once, from anyone
  std::size_t max_connections_per_client = 128;  ///< --max-connections-per-client: one address
  /// --header-timeout-ms: from a connection's opening, or the end of its previous answer, to the
  /// end of its next request's headers; a slower client is disconnected.
  std::size_t header_timeout_ms = 10000;
  /// --idle-timeout: seconds a connection may send nothing before it is closed.
  unsigned idle_timeout_s = 5;
};

}  // namespace opslag
