// The routes browsers need beside the API: the search page and the widget, GET /suggest.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

#include "server/engine/request_limits.h"
#include "server/engine/suggester.h"
#include "server/http/http_server.h"

namespace opslag {

/// Serves the search page (GET /) and its files (GET /static/{file}), the embeddable widget
/// (GET /widget.js) and completions (GET /suggest?q=&size=8); which other pages may call them
/// is HttpServer's CorsPolicy. The files are those of server/http/web/, built into the executable (web_assets.h): nothing is read from disk, so no
/// path a request names can reach another file.
class WebRoutes {
 public:
  /// `limits` bound q as they do for /search.
  explicit WebRoutes(const Suggester& suggester, const Limits& limits = {})
      : suggester_(suggester), limits_(limits) {}

  /// Adds the routes to `server`. `*this` must outlive it.
  void add_to(HttpServer& server) const;

  /// Sent with the page and its files: the page runs only the scripts and styles it loads from
  /// the server itself, never inline ones.
  static constexpr const char* kContentSecurityPolicy =
      "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
  /// How many completions /suggest gives without a size.
  static constexpr int kDefaultSuggestions = 8;

 private:
  void get_suggest(const httplib::Request& req, httplib::Response& res) const;
  void get_asset(const httplib::Request& req, httplib::Response& res, std::string_view name) const;

  const Suggester& suggester_;
  Limits limits_;
};

/// The Content-Type of a file of server/web/, by its extension.
[[nodiscard]] std::string content_type_of(std::string_view name);

}  // namespace opslag
