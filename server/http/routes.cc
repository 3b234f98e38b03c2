// HTTP handlers of the API: read the parameters, call the Searcher, answer JSON.
#include "server/http/routes.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "schema/analysis/icu_text.h"
#include "schema/content_hash.h"
#include "schema/errors.h"
#include "schema/indexed_time.h"
#include "server/engine/date_bounds.h"
#include "server/engine/original_file.h"
#include "server/http/admin_stats.h"
#include "server/http/atom_feed.h"
#include "server/http/document_page.h"
#include "server/http/json_answers.h"
#include "server/http/web_routes.h"
#include "server/json/document_links.h"
#include "server/json/export_rows.h"
#include "server/json/hits_json.h"

namespace opslag {

namespace {

/// Every value of the repeatable parameter `name` (check_search_request checks them).
std::vector<std::string> text_params(const httplib::Request& req, const char* name) {
  std::vector<std::string> values;
  for (std::size_t i = 0; i < req.get_param_value_count(name); ++i)
    values.push_back(req.get_param_value(name, i));
  return values;
}

/// The search `req` asks for, as written; the Searcher checks it against its limits.
SearchRequest read_search_request(const httplib::Request& req, const Limits& limits) {
  SearchRequest request;
  if (!req.has_param("q")) throw BadInput("parameter q is missing: /search?q=NemID");
  request.query = req.get_param_value("q");
  request.size = int_param(req, "size", 10, 1, limits.max_page_size);
  request.page = int_param(req, "page", 1, 1, limits.max_result_depth);
  request.sources = text_params(req, "source");
  request.types = text_params(req, "type");
  if (req.has_param("from"))
    request.from = date_bound(req.get_param_value("from"), false, "parameter from");
  if (req.has_param("to")) request.to = date_bound(req.get_param_value("to"), true, "parameter to");
  if (req.has_param("sort"))
    request.sort = parse_sort_order(req.get_param_value("sort"), "parameter sort");
  if (req.has_param("since"))
    request.since = indexed_since_bound(req.get_param_value("since"), "parameter since");
  return request;
}

/// The document id the route's pattern matched in `req`. Throws BadInput unless it is UTF-8.
std::string id_param(const httplib::Request& req) {
  std::string id = req.matches[1];
  if (!text::is_valid_utf8(id)) throw BadInput("document id is not valid UTF-8");
  return id;
}

/// Content-Disposition for a file called `name`: an ASCII fallback and the name itself
/// (RFC 6266); `inline` to open it in the browser, else `attachment`.
std::string disposition(std::string_view name, bool inline_) {
  std::string ascii;
  for (const char c : name) {
    const auto b = static_cast<unsigned char>(c);
    ascii += (b < 0x20 || b >= 0x7f || c == '"' || c == '\\') ? '_' : c;
  }
  return std::string(inline_ ? "inline" : "attachment") + "; filename=\"" + ascii +
         "\"; filename*=UTF-8''" + percent_encoded(name);
}

/// `a` equals `b`, in a time that does not depend on where they differ.
bool same_secret(std::string_view a, std::string_view b) {
  unsigned char differ = a.size() != b.size();
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    differ |= static_cast<unsigned char>(a[i] ^ b[i]);
  return differ == 0;
}

}  // namespace

void Routes::add_to(HttpServer& server) const {
  server.get("/search", "/search", [this](const auto& req, auto& res) { get_search(req, res); });
  server.get(R"(/search\.atom)", "/search.atom",
             [this](const auto& req, auto& res) { get_feed(req, res); });
  server.get(R"(/search\.csv)", "/search.csv",
             [this](const auto& req, auto& res) { get_export(req, res, true); });
  server.get(R"(/search\.jsonl)", "/search.jsonl",
             [this](const auto& req, auto& res) { get_export(req, res, false); });
  // Before /documents/(.+), which would take "ID/similar" for an id.
  server.get(R"(/documents/(.+)/similar)", "/documents/{id}/similar",
             [this](const auto& req, auto& res) { get_similar(req, res); });
  server.get(R"(/documents/(.+)/file)", "/documents/{id}/file",
             [this](const auto& req, auto& res) { get_file(req, res); });
  server.get(R"(/documents/(.+))", "/documents/{id}",
             [this](const auto& req, auto& res) { get_document(req, res); });
  server.get(R"(/d/(.+))", "/d/{id}", [this](const auto& req, auto& res) { get_view(req, res); });
  server.get("/health", "/health", [this](const auto& req, auto& res) { get_health(req, res); });
  server.get("/metrics", "/metrics", [this](const auto& req, auto& res) { get_metrics(req, res); });
  server.get("/admin/stats", "/admin/stats",
             [this](const auto& req, auto& res) { get_admin_stats(req, res); });
}

bool Routes::is_admin(const httplib::Request& req) const {
  if (operations_.admin_token.empty()) return false;
  const std::string auth = req.get_header_value("Authorization");
  // The scheme's name is case-insensitive (RFC 9110, 11.1); the token is compared as sent.
  const bool bearer = auth.size() > 7 && auth[6] == ' ' &&
                      std::equal(auth.begin(), auth.begin() + 6, "bearer", [](char a, char b) {
                        return std::tolower(static_cast<unsigned char>(a)) == b;
                      });
  return bearer && same_secret(std::string_view(auth).substr(7), operations_.admin_token);
}

void Routes::get_search(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    const SearchRequest request = read_search_request(req, searcher_.limits());
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

void Routes::get_export(const httplib::Request& req, httplib::Response& res, bool csv) const {
  guarded(req, res, [&] {
    SearchRequest request = read_search_request(req, searcher_.limits());
    // Ranked now (a bad request is answered 400, a slow one 503); the rows are made as the
    // client takes them, kExportRowsAPiece at a time.
    std::shared_ptr<MatchStream> stream =
        searcher_.stream_matches(request, searcher_.limits().max_export);
    // How many matched, and whether the rows stop short of them (--max-export).
    res.set_header("X-Opslag-Total", std::to_string(stream->total()));
    res.set_header("X-Opslag-Exported", std::to_string(stream->size()));
    if (stream->total() > stream->size())
      res.set_header("X-Opslag-Cut", "the first " + std::to_string(stream->size()) + " of " +
                                         (stream->estimated() ? "about " : "") +
                                         std::to_string(stream->total()) +
                                         " matches (--max-export)");
    res.set_header("Content-Disposition",
                   std::string("attachment; filename=\"opslag.") + (csv ? "csv" : "jsonl") + "\"");
    res.set_chunked_content_provider(
        csv ? "text/csv; charset=utf-8; header=present" : "application/jsonl; charset=utf-8",
        [stream, csv](std::size_t offset, httplib::DataSink& sink) {
          std::string piece = csv && offset == 0 ? csv_header() : "";
          for (const Hit& hit : stream->next(kExportRowsAPiece))
            piece += csv ? csv_row(hit) : jsonl_row(hit);
          if (piece.empty()) {
            sink.done();
            return true;
          }
          return sink.write(piece.data(), piece.size());
        });
  });
}

namespace {

/// Whether a request carrying `req`'s conditional headers already has the answer tagged `etag`,
/// last modified at `modified` (Unix seconds, 0 for unknown): If-None-Match by the tag, weak
/// or strong ("*" for any), else If-Modified-Since by the time (RFC 9110, 13.2.2).
bool not_modified(const httplib::Request& req, std::string_view etag, std::int64_t modified) {
  if (req.has_header("If-None-Match")) {
    const std::string tags = req.get_header_value("If-None-Match");
    std::size_t at = 0;
    while (at < tags.size()) {
      std::size_t end = tags.find(',', at);
      if (end == std::string::npos) end = tags.size();
      std::string_view tag = std::string_view(tags).substr(at, end - at);
      while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
      while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
      if (tag.starts_with("W/")) tag.remove_prefix(2);
      if (tag == "*" || tag == etag) return true;
      at = end + 1;
    }
    return false;
  }
  if (modified <= 0 || !req.has_header("If-Modified-Since")) return false;
  const std::int64_t since = parse_http_date(req.get_header_value("If-Modified-Since"));
  return since >= modified;
}

/// "http://HOST" from `req`'s Host header, when it is a plain host[:port]; else the loopback
/// address the server was asked on. Feed readers need absolute links.
std::string base_of(const httplib::Request& req, const std::string& public_url) {
  if (!public_url.empty()) return public_url;
  const std::string host = req.get_header_value("Host");
  const bool plain =
      !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
               c == '[' || c == ']';
      });
  return "http://" + (plain ? host : std::string("localhost"));
}

}  // namespace

void Routes::get_feed(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    SearchRequest request = read_search_request(req, searcher_.limits());
    request.page = 1;
    request.size = int_param(req, "size", kFeedSize, 1, searcher_.limits().max_page_size);
    if (!req.has_param("sort")) request.sort = SortOrder::kIndexedDescending;
    // The search's parameters as asked (q is required, so the target has a query string).
    const std::size_t question = req.target.find('?');
    const FeedAddress address{base_of(req, operations_.public_url),
                              question == std::string::npos ? "" : req.target.substr(question + 1)};
    // The tag and time of the index, known before searching: a reader polling a feed that has
    // not changed costs a look at the index's state.
    const IndexStatus status = searcher_.status();
    const std::string state = status.state + '|' + address.base + '|' + address.query_string;
    const std::string etag = '"' + content_hash(state) + '"';
    res.set_header("ETag", etag);
    if (status.indexed_at > 0) res.set_header("Last-Modified", http_date(status.indexed_at));
    res.set_header("Cache-Control", "no-cache");
    if (not_modified(req, etag, status.indexed_at)) {
      res.status = 304;
      return;
    }
    const SearchResult result = searcher_.search(request);
    res.set_content(atom_feed(request, result, address,
                              indexed_time(std::chrono::system_clock::time_point(
                                  std::chrono::seconds(status.indexed_at)))),
                    "application/atom+xml; charset=utf-8");
  });
}

void Routes::get_document(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    const std::string id = id_param(req);
    const auto doc = searcher_.document(id);
    if (!doc) return send_error(res, 404, "no document with id \"" + id + "\"");
    // The file a document was read from is the server's business: only an admin sees it.
    send_json(res, 200, document_json(*doc, is_admin(req)));
  });
}

void Routes::get_similar(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    const std::string id = id_param(req);
    const int size = int_param(req, "size", 5, 1, searcher_.limits().max_page_size);
    const auto hits = searcher_.similar(id, size);
    if (!hits) return send_error(res, 404, "no document with id \"" + id + "\"");
    send_json(res, 200, similar_json(id, *hits));
  });
}

void Routes::get_file(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    const std::string id = id_param(req);
    const auto doc = searcher_.document(id);
    if (!doc) return send_error(res, 404, "no document with id \"" + id + "\"");
    std::shared_ptr<OriginalFile> file;
    try {
      file = std::make_shared<OriginalFile>(*doc);
    } catch (const OriginalUnavailable& e) {
      return send_error(res, e.status(), e.what());
    }
    // A PDF or a text opens in the browser; a page of HTML is downloaded, never run on this
    // server's origin, and nothing served runs script (sandbox) but the browser's PDF viewer.
    const bool pdf = file->media_type() == "application/pdf";
    const bool shown = pdf || file->media_type().starts_with("text/plain") ||
                       file->media_type().starts_with("text/markdown");
    res.set_header("Content-Disposition", disposition(file->name(), shown));
    if (!pdf) res.set_header("Content-Security-Policy", "sandbox");
    res.set_header("Cache-Control", "no-cache");
    res.set_content_provider(
        static_cast<std::size_t>(file->size()), file->media_type(),
        [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          std::string bytes;
          return file->read(offset, length, bytes) && sink.write(bytes.data(), bytes.size());
        });
  });
}

void Routes::get_view(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    const std::string id = id_param(req);
    const std::string query = req.has_param("q") ? req.get_param_value("q") : "";
    const auto view = searcher_.view(id, query);
    res.set_header("Content-Security-Policy", WebRoutes::kContentSecurityPolicy);
    res.set_header("Referrer-Policy", "same-origin");
    if (!view) {
      res.status = 404;
      return res.set_content(missing_document_page(id), "text/html; charset=utf-8");
    }
    const auto similar = searcher_.similar(id, kSimilarShown);
    res.set_content(document_page(*view, query, similar.value_or(std::vector<Hit>{})),
                    "text/html; charset=utf-8");
  });
}

void Routes::get_health(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    try {
      send_json(res, 200, health_json(searcher_.status()));
    } catch (const IndexUnavailable& e) {
      std::cerr << "opslag-server: GET /health answered 503: " << e.what() << std::endl;
      send_json(res, 503, {{"status", "unavailable"}, {"error", unavailable_message(e)}});
    }
  });
}

void Routes::get_metrics(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    if (!operations_.metrics) return send_error(res, 404, "metrics are not kept by this server");
    res.set_content(operations_.metrics->render(searcher_.status()),
                    "text/plain; version=0.0.4; charset=utf-8");
  });
}

void Routes::get_admin_stats(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    // Off unless a token is configured: the answer names the server's files.
    if (operations_.admin_token.empty()) return send_error(res, 404, "no such route: " + req.path);
    if (!is_admin(req)) {
      res.set_header("WWW-Authenticate", "Bearer");
      return send_error(res, 401, "/admin/stats needs the header Authorization: Bearer TOKEN");
    }
    send_json(res, 200,
              admin_stats_json(searcher_.status(), searcher_.sources(), searcher_.limits(),
                               operations_.transport_limits));
  });
}

}  // namespace opslag
