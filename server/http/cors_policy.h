// Which pages in a browser may read opslag-server's answers (CORS), and the headers that say so.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

namespace opslag {

/// The server's cross-origin policy: pages of the allowed origins may call every route, and
/// preflight requests (OPTIONS) get 204; without allowed origins only pages the server serves
/// itself can read its answers. Every answer also says it is only to be read as the type it
/// names (nosniff).
class CorsPolicy {
 public:
  /// `allowed_origins` are origins as a browser's Origin header gives them
  /// ("http://intranet.example:8000"), or "*" for any. Throws BadInput for anything else.
  explicit CorsPolicy(const std::vector<std::string>& allowed_origins = {});

  /// Adds the nosniff header, and the CORS headers if `req` comes from an allowed origin.
  void add_headers(const httplib::Request& req, httplib::Response& res) const;

  /// Answers a preflight (OPTIONS) request: 204, with the methods and headers a page may use
  /// if it comes from an allowed origin.
  void answer_preflight(const httplib::Request& req, httplib::Response& res) const;

 private:
  [[nodiscard]] bool allowed(const std::string& origin) const;

  std::vector<std::string> allowed_origins_;
  bool any_origin_ = false;
};

/// `origin` with scheme and host in lower case, as browsers send it. Throws BadInput unless it
/// is http:// or https://, a host, and an optional port (no path, not even "/").
[[nodiscard]] std::string parse_origin(std::string_view origin);

}  // namespace opslag
