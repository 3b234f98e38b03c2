// HTTP handlers: validate first, then search; one place maps exceptions to statuses.
#include "server/http/routes.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "schema/analysis/icu_text.h"
#include "schema/errors.h"
#include "server/engine/date_bounds.h"
#include "server/json/hits_json.h"

namespace opslag {

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

void guarded(httplib::Response& res, const std::function<void()>& handler) {
  try {
    handler();
  } catch (const BadInput& e) {
    send_error(res, 400, e.what());
  } catch (const LimitExceeded& e) {
    send_error(res, e.status(), e.what());
  } catch (const IndexMismatch& e) {
    send_error(res, 503, e.what());
  } catch (const Xapian::DatabaseError& e) {
    send_error(res, 503, "the index is not available: " + e.get_msg());
  } catch (const Xapian::NetworkError& e) {
    send_error(res, 503, "a shard of the index cannot be reached: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    send_error(res, 500, "search failed: " + e.get_msg());
  } catch (const std::exception& e) {
    send_error(res, 500, std::string("internal error: ") + e.what());
  }
}

int int_param(const httplib::Request& req, const char* name, int fallback, int min, int max) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
    throw BadInput("parameter " + std::string(name) + " must be a whole number from " +
                   std::to_string(min) + " to " + std::to_string(max));
  return value;
}

std::string query_param(const httplib::Request& req, std::string_view example,
                        const Limits& limits) {
  if (!req.has_param("q")) throw BadInput("parameter q is missing: " + std::string(example));
  std::string query = req.get_param_value("q");
  if (query.size() > limits.max_query_bytes)
    throw BadInput("parameter q is longer than " + std::to_string(limits.max_query_bytes) +
                   " bytes (--max-query-bytes)");
  if (!text::is_valid_utf8(query)) throw BadInput("parameter q is not valid UTF-8");
  if (query.find_first_not_of(" \t\r\n") == std::string::npos)
    throw BadInput("parameter q is empty");
  return query;
}

namespace {

/// Every value of the repeatable parameter `name`. Throws BadInput for one that is empty,
/// too long or not UTF-8.
std::vector<std::string> text_params(const httplib::Request& req, const char* name) {
  std::vector<std::string> values;
  for (std::size_t i = 0; i < req.get_param_value_count(name); ++i) {
    std::string value = req.get_param_value(name, i);
    if (value.empty() || value.size() > 200 || !text::is_valid_utf8(value))
      throw BadInput("parameter " + std::string(name) + " must be 1 to 200 bytes of UTF-8 text");
    values.push_back(std::move(value));
  }
  return values;
}

SearchRequest read_search_request(const httplib::Request& req, const Searcher& searcher) {
  const Limits& limits = searcher.limits();
  SearchRequest request;
  request.query = query_param(req, "/search?q=NemID", limits);
  if (const std::size_t words = searcher.count_words(request.query); words > limits.max_query_words)
    throw BadInput("parameter q has " + std::to_string(words) + " words; at most " +
                   std::to_string(limits.max_query_words) +
                   " are searched for (--max-query-words)");
  request.size = int_param(req, "size", 10, 1, limits.max_page_size);
  request.page = int_param(req, "page", 1, 1, limits.max_result_depth);
  if (request.page * request.size > limits.max_result_depth)
    throw BadInput("parameter page is out of range: page × size may be at most " +
                   std::to_string(limits.max_result_depth) + " (--max-result-depth)");
  request.sources = text_params(req, "source");
  request.types = text_params(req, "type");
  if (req.has_param("from"))
    request.from = date_bound(req.get_param_value("from"), false, "parameter from");
  if (req.has_param("to")) request.to = date_bound(req.get_param_value("to"), true, "parameter to");
  if (!request.from.empty() && !request.to.empty() && request.from > request.to)
    throw BadInput("parameter from is after parameter to");
  if (req.has_param("sort"))
    request.sort = parse_sort_order(req.get_param_value("sort"), "parameter sort");
  return request;
}

/// When the request this thread is answering began (set before routing, read by the logger,
/// which runs on the same thread): httplib gives the logger no start time of its own.
thread_local std::chrono::steady_clock::time_point request_start;

/// `a` equals `b`, in a time that does not depend on where they differ.
bool same_secret(std::string_view a, std::string_view b) {
  unsigned char differ = a.size() != b.size();
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    differ |= static_cast<unsigned char>(a[i] ^ b[i]);
  return differ == 0;
}

std::string error_message(const httplib::Request& req, int status, const Limits& limits) {
  switch (status) {
    case 404:
      return "no such route: " + req.path;
    case 413:
      return "the request body is larger than " + std::to_string(limits.max_body_bytes) +
             " bytes (--max-body-bytes)";
    case 414:
      return "the request line is longer than " +
             std::to_string(std::min(limits.max_request_line, kHttplibRequestLine)) +
             " bytes (--max-request-line)";
    default:
      return "request failed with status " + std::to_string(status);
  }
}

}  // namespace

void Routes::install(httplib::Server& server) const {
  // Without it, a keep-alive client waits ~40 ms for each answer (Nagle's algorithm meeting the
  // client's delayed ACK), which would cost far more than the search itself.
  server.set_tcp_nodelay(true);
  // httplib closes a keep-alive connection after 5 requests by default; a search box sends more.
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.Get("/search", [this](const auto& req, auto& res) { get_search(req, res); });
  // Before /documents/(.+), which would take "ID/similar" for an id.
  server.Get(R"(/documents/(.+)/similar)",
             [this](const auto& req, auto& res) { get_similar(req, res); });
  server.Get(R"(/documents/(.+))", [this](const auto& req, auto& res) { get_document(req, res); });
  server.Get("/health", [this](const auto& req, auto& res) { get_health(req, res); });
  server.Get("/metrics", [this](const auto& req, auto& res) { get_metrics(req, res); });
  server.Get("/admin/stats", [this](const auto& req, auto& res) { get_admin_stats(req, res); });
  server.set_payload_max_length(searcher_.limits().max_body_bytes);
  server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    request_start = std::chrono::steady_clock::now();
    return refuse_oversized(req, res) ? httplib::Server::HandlerResponse::Handled
                                      : httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    send_error(res, res.status, error_message(req, res.status, searcher_.limits()));
  });
  if (operations_.metrics || operations_.access_log)
    server.set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        guarded(res, [&] { std::rethrow_exception(error); });
      });
}

bool Routes::refuse_oversized(const httplib::Request& req, httplib::Response& res) const {
  const Limits& limits = searcher_.limits();
  if (req.target.size() > limits.max_request_line) {
    send_error(res, 414, error_message(req, 414, limits));
    return true;
  }
  std::size_t header_bytes = 0;
  for (const auto& [name, value] : req.headers) header_bytes += name.size() + value.size() + 4;
  if (header_bytes > limits.max_header_bytes) {
    send_error(res, 431,
               "the request headers are larger than " + std::to_string(limits.max_header_bytes) +
                   " bytes (--max-header-bytes)");
    return true;
  }
  return false;
}

void Routes::log(const httplib::Request& req, const httplib::Response& res) const {
  // Requests httplib refuses before routing (a malformed line) have no start time of their own.
  const auto now = std::chrono::steady_clock::now();
  const double ms = request_start.time_since_epoch().count() == 0
                        ? 0
                        : std::chrono::duration<double, std::milli>(now - request_start).count();
  request_start = {};
  if (operations_.metrics) operations_.metrics->record(req.path, res.status, ms / 1000);
  if (operations_.access_log) operations_.access_log->write(req, res, ms);
}

bool Routes::is_admin(const httplib::Request& req) const {
  if (operations_.admin_token.empty()) return false;
  const std::string auth = req.get_header_value("Authorization");
  return auth.starts_with("Bearer ") &&
         same_secret(std::string_view(auth).substr(7), operations_.admin_token);
}

void Routes::get_search(const httplib::Request& req, httplib::Response& res) const {
  guarded(res, [&] {
    const SearchRequest request = read_search_request(req, searcher_);
    const auto start = std::chrono::steady_clock::now();
    const SearchResult result = searcher_.search(request);
    const double took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (const double limit = searcher_.limits().request_timeout_ms; took_ms > limit) {
      char text[120];
      std::snprintf(text, sizeof text, "the search took %.1f ms, longer than the limit of %g ms",
                    took_ms, limit);
      throw LimitExceeded(503, std::string(text) + " (--request-timeout-ms): try fewer words");
    }
    send_json(res, 200, search_json(request, result, took_ms));
  });
}

void Routes::get_document(const httplib::Request& req, httplib::Response& res) const {
  guarded(res, [&] {
    const std::string id = req.matches[1];
    if (!text::is_valid_utf8(id)) throw BadInput("document id is not valid UTF-8");
    const auto doc = searcher_.document(id);
    if (!doc) return send_error(res, 404, "no document with id \"" + id + "\"");
    // The file a document was read from is the server's business: only an admin sees it.
    send_json(res, 200, document_json(*doc, is_admin(req)));
  });
}

void Routes::get_similar(const httplib::Request& req, httplib::Response& res) const {
  guarded(res, [&] {
    const std::string id = req.matches[1];
    if (!text::is_valid_utf8(id)) throw BadInput("document id is not valid UTF-8");
    const int size = int_param(req, "size", 5, 1, searcher_.limits().max_page_size);
    const auto hits = searcher_.similar(id, size);
    if (!hits) return send_error(res, 404, "no document with id \"" + id + "\"");
    send_json(res, 200, similar_json(id, *hits));
  });
}

void Routes::get_health(const httplib::Request&, httplib::Response& res) const {
  guarded(res, [&] { send_json(res, 200, health_json(searcher_.status())); });
}

void Routes::get_metrics(const httplib::Request&, httplib::Response& res) const {
  guarded(res, [&] {
    if (!operations_.metrics) return send_error(res, 404, "metrics are not kept by this server");
    res.set_content(operations_.metrics->render(searcher_.status()),
                    "text/plain; version=0.0.4; charset=utf-8");
  });
}

void Routes::get_admin_stats(const httplib::Request& req, httplib::Response& res) const {
  guarded(res, [&] {
    // Off unless a token is configured: the answer names the server's files.
    if (operations_.admin_token.empty()) return send_error(res, 404, "no such route: " + req.path);
    if (!is_admin(req)) {
      res.set_header("WWW-Authenticate", "Bearer");
      return send_error(res, 401, "/admin/stats needs the header Authorization: Bearer TOKEN");
    }
    send_json(res, 200,
              admin_stats_json(searcher_.status(), searcher_.sources(), searcher_.limits()));
  });
}

}  // namespace opslag
