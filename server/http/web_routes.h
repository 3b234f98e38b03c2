// The routes browsers need beside the API: the search page and the widget, GET /suggest, CORS.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

#include "server/engine/request_limits.h"
#include "server/engine/suggester.h"

namespace opslag {

/// Serves the search page (GET /) and its files (GET /static/{file}), the embeddable widget
/// (GET /widget.js), completions (GET /suggest?q=&size=8), and answers CORS: pages of the
/// allowed origins may call every route; preflight requests (OPTIONS) get 204. Without allowed
/// origins only pages the server serves itself can read its answers. The files are those of
/// server/web/, built into the executable (web_assets.h): nothing is read from disk, so no
/// path a request names can reach another file.
class WebRoutes {
 public:
  /// `allowed_origins` are origins as a browser's Origin header gives them
  /// ("http://intranet.example:8000"), or "*" for any. Throws BadInput for anything else.
  /// `limits` bound q as they do for /search.
  explicit WebRoutes(const Suggester& suggester,
                     const std::vector<std::string>& allowed_origins = {},
                     const Limits& limits = {});

  /// Registers the routes on `server`, and the CORS and nosniff headers of every answer as its
  /// post-routing handler (so errors get them too); call it after Routes::install, whose error
  /// handlers answer JSON. `*this` must outlive `server`.
  void install(httplib::Server& server) const;

  /// Sent with the page and its files: the page runs only the scripts and styles it loads from
  /// the server itself, never inline ones.
  static constexpr const char* kContentSecurityPolicy =
      "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
  /// How many completions /suggest gives without a size.
  static constexpr int kDefaultSuggestions = 8;

 private:
  void get_suggest(const httplib::Request& req, httplib::Response& res) const;
  void get_asset(const httplib::Request& req, httplib::Response& res, std::string_view name) const;
  void options(const httplib::Request& req, httplib::Response& res) const;
  void add_headers(const httplib::Request& req, httplib::Response& res) const;
  [[nodiscard]] bool allowed(const std::string& origin) const;

  const Suggester& suggester_;
  Limits limits_;
  std::vector<std::string> allowed_origins_;
  bool any_origin_ = false;
};

/// `origin` with scheme and host in lower case, as browsers send it. Throws BadInput unless it
/// is http:// or https://, a host, and an optional port (no path, not even "/").
[[nodiscard]] std::string parse_origin(std::string_view origin);

/// The Content-Type of a file of server/web/, by its extension.
[[nodiscard]] std::string content_type_of(std::string_view name);

}  // namespace opslag
