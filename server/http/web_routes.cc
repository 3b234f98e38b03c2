// Static files from the executable, and completions.
#include "server/http/web_routes.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "schema/analysis/icu_text.h"
#include "server/engine/search_request.h"
#include "server/http/json_answers.h"
#include "server/http/web_assets.h"
#include "server/json/document_links.h"
#include "server/json/snippet_html.h"

namespace opslag {
namespace {

nlohmann::json suggestions_json(const std::string& query, const std::vector<Suggestion>& found,
                                double took_ms) {
  nlohmann::json list = nlohmann::json::array();
  for (const Suggestion& s : found) {
    nlohmann::json one = {{"text", s.text}, {"kind", to_string(s.kind)}};
    if (s.kind == SuggestionKind::kTitle) {
      one["id"] = s.id;
      one["view"] = view_path(s.id, "");
    }
    list.push_back(std::move(one));
  }
  return {{"query", query}, {"took_ms", took_ms}, {"suggestions", std::move(list)}};
}

}  // namespace

std::string content_type_of(std::string_view name) {
  const auto ends = [&](std::string_view ext) { return name.ends_with(ext); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".json")) return "application/json; charset=utf-8";
  return "application/octet-stream";
}

void WebRoutes::add_to(HttpServer& server) const {
  server.get("/", "/", [this](const auto& req, auto& res) { get_asset(req, res, "index.html"); });
  server.get("/openapi.json", "/openapi.json",
             [this](const auto& req, auto& res) { get_asset(req, res, "openapi.json"); });
  server.get("/widget.js", "/widget.js",
             [this](const auto& req, auto& res) { get_asset(req, res, "widget.js"); });
  // One path segment, looked up by name among the built-in files: "..", "%2e%2e" (decoded to
  // ".." before routing) and "a/b" name none of them.
  server.get(R"(/static/([^/]+))", "/static/{file}",
             [this](const auto& req, auto& res) { get_asset(req, res, req.matches[1].str()); });
  server.get("/suggest", "/suggest", [this](const auto& req, auto& res) { get_suggest(req, res); });
}

void WebRoutes::get_suggest(const httplib::Request& req, httplib::Response& res) const {
  guarded(req, res, [&] {
    const std::string query = query_param(req, "/suggest?q=Nem", limits_);
    const int size = int_param(req, "size", kDefaultSuggestions, 1, Suggester::kMaxSize);
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Suggestion> found = suggester_.suggest(query, size);
    const double took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    send_json(res, 200, suggestions_json(query, found, took_ms));
  });
}

namespace {

/// "/search.atom?q=…&source=…" for the search of a page's address `req`, with its filters (not
/// its order or page); empty without a query.
std::string feed_path(const httplib::Request& req) {
  const std::string q = req.get_param_value("q");
  if (q.empty() || !text::is_valid_utf8(q) || q.size() > 1000) return "";
  std::string path = "/search.atom?q=" + percent_encoded(q);
  for (const char* name : {"source", "type", "from", "to"})
    for (std::size_t i = 0; i < req.get_param_value_count(name); ++i) {
      const std::string value = req.get_param_value(name, i);
      if (text::is_valid_utf8(value) && value.size() <= kMaxFilterValueBytes)
        path += std::string("&") + name + "=" + percent_encoded(value);
    }
  return path;
}

}  // namespace

void WebRoutes::get_asset(const httplib::Request& req, httplib::Response& res,
                          std::string_view name) const {
  const auto assets = web_assets();
  const auto asset =
      std::find_if(assets.begin(), assets.end(), [&](const WebAsset& a) { return a.name == name; });
  if (asset == assets.end()) return send_error(res, 404, "no such file: " + req.path);
  std::string content(asset->content);
  if (name == "index.html") {
    // The page links to no page of results deeper than the server ranks.
    const std::string_view empty = "data-max-result-depth=\"\"";
    if (const std::size_t at = content.find(empty); at != std::string::npos)
      content.replace(at, empty.size(),
                      "data-max-result-depth=\"" + std::to_string(limits_.max_result_depth) + "\"");
    // A page of results names its feed, for feed readers given the page's address (app.js
    // keeps the link in step as the search changes).
    if (const std::string feed = feed_path(req); !feed.empty())
      if (const std::size_t at = content.find("</head>"); at != std::string::npos)
        content.insert(at,
                       "<link id=\"feed\" rel=\"alternate\" type=\"application/atom+xml\" "
                       "title=\"Opslag: " +
                           html_escape(req.get_param_value("q")) + "\" href=\"" +
                           html_escape(feed) + "\">\n");
  }
  res.set_content(content, content_type_of(name).c_str());
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("Referrer-Policy", "same-origin");
  // A new build may change a file; the browser asks again rather than keep an old one.
  res.set_header("Cache-Control", "no-cache");
}

}  // namespace opslag
