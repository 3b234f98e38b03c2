// The HTTP API: validates requests, calls the Searcher, answers JSON; maps errors to statuses.
#pragma once

#include <httplib.h>

#include <string>

#include "server/engine/searcher.h"
#include "server/http/http_server.h"
#include "server/http/metrics.h"

namespace opslag {

/// What GET /metrics shows, and who may use the administrative routes.
struct Operations {
  const Metrics* metrics = nullptr;  ///< GET /metrics renders it; without, /metrics is 404
  /// The bearer token of GET /admin/stats and of the file paths in GET /documents/{id};
  /// empty: those are off.
  std::string admin_token;
  TransportLimits transport_limits;  ///< shown by GET /admin/stats beside the searcher's
  /// "https://opslag.example.dk": the address feeds link to (--public-url); empty: "http://"
  /// and the request's Host.
  std::string public_url = {};
};

/// The routes of opslag-server answered from the Searcher: GET /search, GET /search.csv and
/// /search.jsonl (every match, up to Limits::max_export), GET /documents/{id},
/// GET /search.atom (the newest arrivals as an Atom feed, with ETag and Last-Modified),
/// GET /documents/{id}/similar, GET /documents/{id}/file (the original file), GET /d/{id} (the
/// document view, HTML), GET /health, GET /metrics and GET /admin/stats. The other answers are
/// JSON (metrics: Prometheus' text); bad input gets 400 with {"error": "..."} naming the
/// parameter, a request beyond one of the searcher's Limits an error naming the limit, never a
/// 500 (json_answers.h).
class Routes {
 public:
  explicit Routes(const Searcher& searcher, Operations operations = {})
      : searcher_(searcher), operations_(std::move(operations)) {}

  /// Rows of an export made at a time, as the client takes them.
  static constexpr std::size_t kExportRowsAPiece = 200;

  /// Entries in a feed unless its size says otherwise.
  static constexpr int kFeedSize = 20;

  /// How many similar documents the document view lists.
  static constexpr int kSimilarShown = 5;

  /// Adds the routes to `server`. `*this` must outlive it.
  void add_to(HttpServer& server) const;

 private:
  void get_search(const httplib::Request& req, httplib::Response& res) const;
  /// Every match as CSV (`csv`) or JSON lines.
  void get_export(const httplib::Request& req, httplib::Response& res, bool csv) const;
  /// The search as an Atom feed, newest arrivals first; 304 when the reader has it already.
  void get_feed(const httplib::Request& req, httplib::Response& res) const;
  void get_document(const httplib::Request& req, httplib::Response& res) const;
  void get_similar(const httplib::Request& req, httplib::Response& res) const;
  void get_file(const httplib::Request& req, httplib::Response& res) const;
  void get_view(const httplib::Request& req, httplib::Response& res) const;
  void get_health(const httplib::Request& req, httplib::Response& res) const;
  void get_metrics(const httplib::Request& req, httplib::Response& res) const;
  void get_admin_stats(const httplib::Request& req, httplib::Response& res) const;
  /// Whether `req` carries the admin token.
  [[nodiscard]] bool is_admin(const httplib::Request& req) const;

  const Searcher& searcher_;
  Operations operations_;
};

}  // namespace opslag
