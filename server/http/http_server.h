// opslag-server's HTTP transport: one cpp-httplib server, every hook on it, the route modules.
#pragma once

#include <httplib.h>

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/access_log.h"
#include "server/http/cors_policy.h"
#include "server/http/metrics.h"
#include "server/http/transport_limits.h"

namespace opslag {

/// How the transport behaves, and what it reports to.
struct HttpSettings {
  TransportLimits limits;
  /// Origins whose pages may call the API (CorsPolicy); empty: only the server's own pages.
  std::vector<std::string> allowed_origins;
  unsigned threads = 8;             ///< worker threads, each serving one connection at a time
  Metrics* metrics = nullptr;       ///< every answer is counted here, if set
  AccessLog* access_log = nullptr;  ///< every answer is logged here, if set
};

/// The HTTP server of Opslag. It owns the cpp-httplib server and every hook on it — the
/// transport limits checked before routing (413, 414, 431), the JSON answer of every error,
/// the exception handler, CORS and nosniff headers on every answer, preflights, the access log
/// and the metrics — so a route module only adds its routes (`add_to(HttpServer&)`), in any
/// order.
class HttpServer {
 public:
  /// Throws BadInput for an allowed origin that is not one.
  explicit HttpServer(HttpSettings settings);
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Adds GET (and HEAD) `pattern` (a regular expression over the path, as cpp-httplib reads
  /// it), counted in the metrics as `route` ("/documents/{id}"). Routes are tried in the order
  /// added: add a more specific pattern first.
  void get(const std::string& pattern, std::string route, httplib::Server::Handler handler);

  /// The route `path` is counted under: the first one whose pattern matches it, else "other".
  [[nodiscard]] std::string route_of(const std::string& path) const;

  /// Listens on `host`:`port`; false if it cannot. `port` 0: any free port, see port().
  [[nodiscard]] bool bind(const std::string& host, int port);
  /// The port bound, or 0 before bind().
  [[nodiscard]] int port() const { return port_; }
  /// Answers requests until stop(); call after bind().
  void listen();
  /// Stops accepting, lets the requests in flight finish, and makes listen() return.
  void stop() { server_.stop(); }
  [[nodiscard]] bool is_running() const { return server_.is_running(); }

  /// Requests one keep-alive connection may carry before the server closes it.
  static constexpr std::size_t kKeepAliveRequests = 1000;

 private:
  struct Route {
    std::regex pattern;
    std::string name;
  };
  /// Answers 413, 414 or 431 and returns true if `req` is beyond a transport limit.
  bool refuse_oversized(const httplib::Request& req, httplib::Response& res) const;
  [[nodiscard]] std::string error_message(const httplib::Request& req, int status) const;
  void log(const httplib::Request& req, const httplib::Response& res) const;

  HttpSettings settings_;
  CorsPolicy cors_;
  std::vector<Route> routes_;
  httplib::Server server_;
  int port_ = 0;
};

}  // namespace opslag
