// CORS: which origins may read the answers, the headers of every answer, preflights.
#include "server/http/cors_policy.h"

#include <algorithm>

#include "schema/errors.h"

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

CorsPolicy::CorsPolicy(const std::vector<std::string>& allowed_origins) {
  for (const std::string& origin : allowed_origins) {
    if (origin == "*") {
      any_origin_ = true;
    } else {
      allowed_origins_.push_back(parse_origin(origin));
    }
  }
}

void CorsPolicy::answer_preflight(const httplib::Request& req, httplib::Response& res) const {
  res.status = 204;
  res.set_header("Allow", kAllowedMethods);
  if (!req.has_header("Access-Control-Request-Method") || !allowed(req.get_header_value("Origin")))
    return;
  res.set_header("Access-Control-Allow-Methods", kAllowedMethods);
  res.set_header("Access-Control-Allow-Headers", kAllowedHeaders);
  res.set_header("Access-Control-Max-Age", kPreflightMaxAge);
}

bool CorsPolicy::allowed(const std::string& origin) const {
  if (origin.empty()) return false;
  return any_origin_ || std::find(allowed_origins_.begin(), allowed_origins_.end(),
                                  lower(origin)) != allowed_origins_.end();
}

void CorsPolicy::add_headers(const httplib::Request& req, httplib::Response& res) const {
  // No answer is to be read as anything but the type it says it is (a JSON error as a script).
  res.set_header("X-Content-Type-Options", "nosniff");
  if (allowed_origins_.empty() && !any_origin_) return;
  // The answer differs by Origin, so a cache must not give one origin's answer to another.
  if (!any_origin_) res.set_header("Vary", "Origin");
  const std::string origin = req.get_header_value("Origin");
  if (allowed(origin)) res.set_header("Access-Control-Allow-Origin", any_origin_ ? "*" : origin);
}

}  // namespace opslag
