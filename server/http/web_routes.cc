// Static files from the executable, completions, and CORS headers on every answer.
#include "server/http/web_routes.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "schema/errors.h"
#include "server/http/routes.h"
#include "server/http/web_assets.h"

namespace opslag {
namespace {

/// Request headers a page may send with its calls beyond the ones always allowed.
constexpr const char* kAllowedHeaders = "Accept, Accept-Language, Content-Language, Content-Type";
constexpr const char* kAllowedMethods = "GET, HEAD, OPTIONS";
/// Seconds a browser may reuse a preflight's answer.
constexpr const char* kPreflightMaxAge = "600";

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  return out;
}

bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         c == '[' || c == ']' || c == ':';
}

nlohmann::json suggestions_json(const std::string& query, const std::vector<Suggestion>& found,
                                double took_ms) {
  nlohmann::json list = nlohmann::json::array();
  for (const Suggestion& s : found) {
    nlohmann::json one = {{"text", s.text}, {"kind", to_string(s.kind)}};
    if (s.kind == SuggestionKind::kTitle) one["id"] = s.id;
    list.push_back(std::move(one));
  }
  return {{"query", query}, {"took_ms", took_ms}, {"suggestions", std::move(list)}};
}

}  // namespace

std::string parse_origin(std::string_view origin) {
  const std::string out = lower(origin);
  const std::size_t scheme_end = out.find("://");
  const std::string_view scheme = std::string_view(out).substr(0, scheme_end);
  const std::string_view host =
      scheme_end == std::string::npos ? "" : std::string_view(out).substr(scheme_end + 3);
  const std::size_t colon = host.rfind(':');
  const bool port_ok = colon == std::string_view::npos || host.back() == ']' ||
                       (colon + 1 < host.size() && colon + 6 >= host.size() &&
                        std::all_of(host.begin() + static_cast<long>(colon) + 1, host.end(),
                                    [](char c) { return c >= '0' && c <= '9'; }));
  if ((scheme != "http" && scheme != "https") || host.empty() || host.front() == ':' ||
      !std::all_of(host.begin(), host.end(), is_host_char) || !port_ok)
    throw BadInput("\"" + std::string(origin) +
                   "\" is not an origin: write scheme://host[:port] without a path, as "
                   "http://intranet.example:8000, or * for any");
  return out;
}

std::string content_type_of(std::string_view name) {
  const auto ends = [&](std::string_view ext) { return name.ends_with(ext); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

WebRoutes::WebRoutes(const Suggester& suggester, const std::vector<std::string>& allowed_origins,
                     const Limits& limits)
    : suggester_(suggester), limits_(limits) {
  for (const std::string& origin : allowed_origins) {
    if (origin == "*") {
      any_origin_ = true;
    } else {
      allowed_origins_.push_back(parse_origin(origin));
    }
  }
}

void WebRoutes::install(httplib::Server& server) const {
  server.Get("/", [this](const auto& req, auto& res) { get_asset(req, res, "index.html"); });
  server.Get("/widget.js",
             [this](const auto& req, auto& res) { get_asset(req, res, "widget.js"); });
  // One path segment, looked up by name among the built-in files: "..", "%2e%2e" (decoded to
  // ".." before routing) and "a/b" name none of them.
  server.Get(R"(/static/([^/]+))",
             [this](const auto& req, auto& res) { get_asset(req, res, req.matches[1].str()); });
  server.Get("/suggest", [this](const auto& req, auto& res) { get_suggest(req, res); });
  server.Options(R"(.*)", [this](const auto& req, auto& res) { options(req, res); });
  server.set_post_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) { add_headers(req, res); });
}

void WebRoutes::get_suggest(const httplib::Request& req, httplib::Response& res) const {
  guarded(res, [&] {
    const std::string query = query_param(req, "/suggest?q=Nem", limits_);
    const int size = int_param(req, "size", kDefaultSuggestions, 1, Suggester::kMaxSize);
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Suggestion> found = suggester_.suggest(query, size);
    const double took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    send_json(res, 200, suggestions_json(query, found, took_ms));
  });
}

void WebRoutes::get_asset(const httplib::Request& req, httplib::Response& res,
                          std::string_view name) const {
  const auto assets = web_assets();
  const auto asset =
      std::find_if(assets.begin(), assets.end(), [&](const WebAsset& a) { return a.name == name; });
  if (asset == assets.end()) return send_error(res, 404, "no such file: " + req.path);
  res.set_content(std::string(asset->content), content_type_of(name).c_str());
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("Referrer-Policy", "same-origin");
  // A new build may change a file; the browser asks again rather than keep an old one.
  res.set_header("Cache-Control", "no-cache");
}

void WebRoutes::options(const httplib::Request& req, httplib::Response& res) const {
  res.status = 204;
  res.set_header("Allow", kAllowedMethods);
  if (!req.has_header("Access-Control-Request-Method") || !allowed(req.get_header_value("Origin")))
    return;
  res.set_header("Access-Control-Allow-Methods", kAllowedMethods);
  res.set_header("Access-Control-Allow-Headers", kAllowedHeaders);
  res.set_header("Access-Control-Max-Age", kPreflightMaxAge);
}

bool WebRoutes::allowed(const std::string& origin) const {
  if (origin.empty()) return false;
  return any_origin_ || std::find(allowed_origins_.begin(), allowed_origins_.end(),
                                  lower(origin)) != allowed_origins_.end();
}

void WebRoutes::add_headers(const httplib::Request& req, httplib::Response& res) const {
  // No answer is to be read as anything but the type it says it is (a JSON error as a script).
  res.set_header("X-Content-Type-Options", "nosniff");
  if (allowed_origins_.empty() && !any_origin_) return;
  // The answer differs by Origin, so a cache must not give one origin's answer to another.
  if (!any_origin_) res.set_header("Vary", "Origin");
  const std::string origin = req.get_header_value("Origin");
  if (allowed(origin)) res.set_header("Access-Control-Allow-Origin", any_origin_ ? "*" : origin);
}

}  // namespace opslag
