// The HTTP API: validates requests, calls the Searcher, answers JSON; maps errors to statuses.
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "searcher.h"

namespace opslag {

/// The routes of opslag-server: GET /search, GET /documents/{id}, GET /documents/{id}/similar,
/// GET /health. Every answer
/// is JSON; bad input gets 400 with {"error": "..."} naming the parameter, never a 500.
class Routes {
 public:
  explicit Routes(const Searcher& searcher) : searcher_(searcher) {}

  /// Registers the routes and the error handlers on `server`, and turns on TCP_NODELAY.
  /// `*this` must outlive it.
  void install(httplib::Server& server) const;

  /// Longest query accepted, in bytes.
  static constexpr std::size_t kMaxQueryBytes = 1000;
  /// Requests one keep-alive connection may carry before the server closes it.
  static constexpr std::size_t kKeepAliveRequests = 1000;
  /// Largest page size accepted.
  static constexpr int kMaxPageSize = 100;

 private:
  void get_search(const httplib::Request& req, httplib::Response& res) const;
  void get_document(const httplib::Request& req, httplib::Response& res) const;
  void get_similar(const httplib::Request& req, httplib::Response& res) const;
  void get_health(const httplib::Request& req, httplib::Response& res) const;

  const Searcher& searcher_;
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

/// The parameter q: at most Routes::kMaxQueryBytes of UTF-8, not blank. Throws BadInput naming
/// it otherwise; a missing q's message shows `example`.
[[nodiscard]] std::string query_param(const httplib::Request& req, std::string_view example);

}  // namespace opslag
