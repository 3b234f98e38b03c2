// HTTP handlers: validate first, then search; one place maps exceptions to statuses.
#include "routes.h"

#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>

#include "date_bounds.h"
#include "errors.h"
#include "hits_json.h"
#include "icu_text.h"

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

std::string query_param(const httplib::Request& req, std::string_view example) {
  if (!req.has_param("q")) throw BadInput("parameter q is missing: " + std::string(example));
  std::string query = req.get_param_value("q");
  if (query.size() > Routes::kMaxQueryBytes)
    throw BadInput("parameter q is longer than " + std::to_string(Routes::kMaxQueryBytes) +
                   " bytes");
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

SortOrder sort_param(const httplib::Request& req) {
  if (!req.has_param("sort")) return SortOrder::kRelevance;
  const std::string sort = req.get_param_value("sort");
  if (sort == "relevance") return SortOrder::kRelevance;
  if (sort == "date") return SortOrder::kDateAscending;
  if (sort == "-date") return SortOrder::kDateDescending;
  throw BadInput("parameter sort must be relevance, date (oldest first) or -date (newest first)");
}

SearchRequest read_search_request(const httplib::Request& req) {
  SearchRequest request;
  request.query = query_param(req, "/search?q=NemID");
  request.size = int_param(req, "size", 10, 1, Routes::kMaxPageSize);
  request.page = int_param(req, "page", 1, 1, Searcher::kMaxResultDepth);
  if (request.page * request.size > Searcher::kMaxResultDepth)
    throw BadInput("parameter page is out of range: page × size may be at most " +
                   std::to_string(Searcher::kMaxResultDepth));
  request.sources = text_params(req, "source");
  request.types = text_params(req, "type");
  if (req.has_param("from"))
    request.from = date_bound(req.get_param_value("from"), false, "parameter from");
  if (req.has_param("to")) request.to = date_bound(req.get_param_value("to"), true, "parameter to");
  if (!request.from.empty() && !request.to.empty() && request.from > request.to)
    throw BadInput("parameter from is after parameter to");
  request.sort = sort_param(req);
  return request;
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
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    send_error(res, res.status,
               res.status == 404 ? "no such route: " + req.path
                                 : "request failed with status " + std::to_string(res.status));
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        guarded(res, [&] { std::rethrow_exception(error); });
      });
}

void Routes::get_search(const httplib::Request& req, httplib::Response& res) const {
  guarded(res, [&] {
    const SearchRequest request = read_search_request(req);
    const auto start = std::chrono::steady_clock::now();
    const SearchResult result = searcher_.search(request);
    const double took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    send_json(res, 200, search_json(request, result, took_ms));
  });
}

void Routes::get_document(const httplib::Request& req, httplib::Response& res) const {
  guarded(res, [&] {
    const std::string id = req.matches[1];
    if (!text::is_valid_utf8(id)) throw BadInput("document id is not valid UTF-8");
    const auto doc = searcher_.document(id);
    if (!doc) return send_error(res, 404, "no document with id \"" + id + "\"");
    send_json(res, 200, document_json(*doc));
  });
}

void Routes::get_similar(const httplib::Request& req, httplib::Response& res) const {
  guarded(res, [&] {
    const std::string id = req.matches[1];
    if (!text::is_valid_utf8(id)) throw BadInput("document id is not valid UTF-8");
    const int size = int_param(req, "size", 5, 1, kMaxPageSize);
    const auto hits = searcher_.similar(id, size);
    if (!hits) return send_error(res, 404, "no document with id \"" + id + "\"");
    send_json(res, 200, similar_json(id, *hits));
  });
}

void Routes::get_health(const httplib::Request&, httplib::Response& res) const {
  guarded(res, [&] { send_json(res, 200, health_json(searcher_.status())); });
}

}  // namespace opslag
