// The bounds a request to opslag-server is held to before any route reads it.
#pragma once

#include <cstddef>

namespace opslag {

/// The longest request line cpp-httplib reads at all (it answers 414 beyond it), so the
/// highest --max-request-line can be.
constexpr std::size_t kHttplibRequestLine = 8192;

/// How large a request may be. Each is an option of opslag-server (the name beside it); a
/// request beyond one gets an error naming it: 413 for a body, 414 for a request line, 431 for
/// headers. What a search may ask of the engine is bounded by Limits (request_limits.h).
struct TransportLimits {
  std::size_t max_request_line = 4096;  ///< --max-request-line: bytes of the URL asked for
  std::size_t max_header_bytes = 8192;  ///< --max-header-bytes: all request headers together
  std::size_t max_body_bytes = 65536;   ///< --max-body-bytes: a request's body
};

}  // namespace opslag
