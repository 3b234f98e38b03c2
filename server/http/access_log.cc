// The access log: JSON lines, one per request.
#include "server/http/access_log.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "schema/errors.h"

namespace opslag {

AccessLog::AccessLog(const std::string& path)
    : out_(path == "-" ? stdout : std::fopen(path.c_str(), "a")), owned_(path != "-") {
  if (!out_) throw Error("cannot open the access log " + path + ": " + std::strerror(errno));
}

AccessLog::~AccessLog() {
  if (owned_) std::fclose(out_);
}

namespace {

/// Now as ISO 8601 in UTC with milliseconds: 2026-12-01T18:34:46.123Z.
std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[24];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(millis));
  return std::string(text) + fraction;
}

/// The query string as the client sent it (the target after '?'), or "".
std::string query_of(const httplib::Request& req) {
  const std::size_t q = req.target.find('?');
  return q == std::string::npos ? "" : req.target.substr(q + 1);
}

}  // namespace

std::string AccessLog::line(const httplib::Request& req, const httplib::Response& res,
                            double milliseconds) {
  nlohmann::json j = {{"time", utc_now()},        {"remote", req.remote_addr},
                      {"method", req.method},     {"path", req.path},
                      {"query", query_of(req)},   {"status", res.status},
                      {"bytes", res.body.size()}, {"ms", std::round(milliseconds * 1000) / 1000}};
  if (res.status >= 400) {
    // Every error of the API is {"error": "..."}: its message is the cause to log.
    const auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_string())
      j["error"] = body["error"];
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void AccessLog::write(const httplib::Request& req, const httplib::Response& res,
                      double milliseconds) {
  const std::string text = line(req, res, milliseconds) + '\n';
  std::lock_guard lock(mutex_);
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

}  // namespace opslag
