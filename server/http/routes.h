// The HTTP API: validates requests, calls the Searcher, answers JSON; maps errors to statuses.
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "server/engine/request_limits.h"
#include "server/engine/searcher.h"
#include "server/http/access_log.h"
#include "server/http/metrics.h"

namespace opslag {

/// What the routes report to, and who may use the administrative ones.
struct Operations {
  Metrics* metrics = nullptr;       ///< every answer is counted here, if set
  AccessLog* access_log = nullptr;  ///< every answer is logged here, if set
  /// The bearer token of GET /admin/stats and of the file paths in GET /documents/{id};
  /// empty: those are off.
  std::string admin_token;
};

/// The routes of opslag-server: GET /search, GET /documents/{id}, GET /documents/{id}/similar,
/// GET /health, GET /metrics and GET /admin/stats. Every answer is JSON (metrics: Prometheus'
/// text); bad input gets 400 with {"error": "..."} naming the parameter, a request beyond one
/// of the searcher's Limits an error naming the limit, never a 500.
class Routes {
 public:
  explicit Routes(const Searcher& searcher, Operations operations = {})
      : searcher_(searcher), operations_(std::move(operations)) {}

  /// Registers the routes, the limits on requests, the error handlers, the access log and the
  /// metrics on `server`, and turns on TCP_NODELAY. `*this` must outlive it.
  void install(httplib::Server& server) const;

  /// Requests one keep-alive connection may carry before the server closes it.
  static constexpr std::size_t kKeepAliveRequests = 1000;

 private:
  void get_search(const httplib::Request& req, httplib::Response& res) const;
  void get_document(const httplib::Request& req, httplib::Response& res) const;
  void get_similar(const httplib::Request& req, httplib::Response& res) const;
  void get_health(const httplib::Request& req, httplib::Response& res) const;
  void get_metrics(const httplib::Request& req, httplib::Response& res) const;
  void get_admin_stats(const httplib::Request& req, httplib::Response& res) const;
  /// Answers 413, 414 or 431 and returns true if `req` is beyond a limit.
  bool refuse_oversized(const httplib::Request& req, httplib::Response& res) const;
  /// Whether `req` carries the admin token.
  [[nodiscard]] bool is_admin(const httplib::Request& req) const;
  void log(const httplib::Request& req, const httplib::Response& res) const;

  const Searcher& searcher_;
  Operations operations_;
};

/// Answers `body` as JSON with `status`.
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

/// Answers {"error": message} with `status`.
void send_error(httplib::Response& res, int status, const std::string& message);

/// Runs a handler and turns what it throws into a status: the one error table of the API,
/// shared by every module of routes.
void guarded(httplib::Response& res, const std::function<void()>& handler);

/// The integer parameter `name`, `fallback` when absent. Throws BadInput unless it is a whole
/// number from `min` to `max`.
[[nodiscard]] int int_param(const httplib::Request& req, const char* name, int fallback, int min,
                            int max);

/// The parameter q: at most limits.max_query_bytes of UTF-8, not blank. Throws BadInput naming
/// it otherwise; a missing q's message shows `example`.
[[nodiscard]] std::string query_param(const httplib::Request& req, std::string_view example,
                                      const Limits& limits = {});

}  // namespace opslag
