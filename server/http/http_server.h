// opslag-server's HTTP transport: libmicrohttpd's event loops, every hook on them, the route
// modules.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/access_log.h"
#include "server/http/connection_guard.h"
#include "server/http/cors_policy.h"
#include "server/http/metrics.h"
#include "server/http/transport_limits.h"

struct MHD_Connection;
struct MHD_Daemon;

namespace opslag {

/// How the transport behaves, and what it reports to.
struct HttpSettings {
  TransportLimits limits;
  /// Origins whose pages may call the API (CorsPolicy); empty: only the server's own pages.
  std::vector<std::string> allowed_origins;
  unsigned threads = 8;             ///< worker threads, each answering one request at a time
  Metrics* metrics = nullptr;       ///< every answer is counted here, if set
  AccessLog* access_log = nullptr;  ///< every answer is logged here, if set
};

/// The HTTP server of Opslag. libmicrohttpd reads and writes the connections in event loops,
/// one a worker thread, so a slow or idle client costs a connection, not a worker; this class
/// owns every hook on it — the connection bounds (ConnectionGuard), the transport limits checked
/// before routing (405, 413, 414, 431, 503), the JSON answer of every error, the exception
/// handler, CORS and nosniff headers on every answer, preflights, the access log and the
/// metrics — so a route module only adds its routes (`add_to(HttpServer&)`), in any order.
/// Routes read an httplib::Request and fill an httplib::Response: cpp-httplib's types, which
/// this class fills from and sends through libmicrohttpd.
class HttpServer {
 public:
  /// Throws BadInput for an allowed origin that is not one.
  explicit HttpServer(HttpSettings settings);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Adds GET (and HEAD) `pattern` (a regular expression over the decoded path), counted in
  /// the metrics as `route` ("/documents/{id}"). Routes are tried in the order added: add a
  /// more specific pattern first.
  void get(const std::string& pattern, std::string route, httplib::Server::Handler handler);

  /// The names of the routes added, in order ("/search", "/documents/{id}", ...).
  [[nodiscard]] std::vector<std::string> routes() const;

  /// The route `path` is counted under: the first one whose pattern matches it, else "other".
  [[nodiscard]] std::string route_of(const std::string& path) const;

  /// Listens on `host`:`port`; false if it cannot. `port` 0: any free port, see port().
  [[nodiscard]] bool bind(const std::string& host, int port);
  /// The port bound, or 0 before bind().
  [[nodiscard]] int port() const { return port_; }
  /// Answers requests until stop(); call after bind(). Returns false if the event loops could
  /// not start.
  bool listen();
  /// Makes listen() stop accepting at once, give the requests already begun up to kStopGrace
  /// to arrive whole and be answered, close every connection and return. Safe from any thread,
  /// before or during listen().
  void stop();
  static constexpr std::chrono::seconds kStopGrace{2};
  [[nodiscard]] bool is_running() const { return running_; }

  /// The connections, as the guard counts them (for /metrics and tests).
  [[nodiscard]] const ConnectionGuard& connections() const { return guard_; }

 private:
  struct Callbacks;  // libmicrohttpd's callbacks: http_server.cc
  struct Route {
    std::regex pattern;
    std::string name;
    httplib::Server::Handler handler;
  };
  /// Answers the error of a request beyond a transport limit and returns true, if it is.
  bool refuse_oversized(const httplib::Request& req, httplib::Response& res) const;
  [[nodiscard]] std::string error_message(const httplib::Request& req, int status) const;
  /// The one answer to `req` (filled from the wire): limits, routing, errors, CORS. Returns
  /// the name of the route its path matches, as route_of() would, for the metrics.
  std::string_view answer(httplib::Request& req, httplib::Response& res) const;
  /// The answer of route `found` (nullptr: none matched) once the limits are checked.
  void route(const Route* found, httplib::Request& req, httplib::Response& res) const;
  /// Counts the answer `res` to `req` under `route` and logs it; it took `milliseconds`.
  void log(std::string_view route, const httplib::Request& req, const httplib::Response& res,
           double milliseconds) const;

  HttpSettings settings_;
  CorsPolicy cors_;
  std::vector<Route> routes_;
  ConnectionGuard guard_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::mutex mutex_;
  std::condition_variable stop_wanted_;
  bool stop_requested_ = false;
  std::atomic<bool> running_{false};
  std::atomic<int> requests_begun_{0};  ///< request line read, answer not yet sent
};

}  // namespace opslag
