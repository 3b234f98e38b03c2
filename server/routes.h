// The HTTP API: validates requests, calls the Searcher, answers JSON; maps errors to statuses.
#pragma once

#include <httplib.h>

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

}  // namespace opslag
