// The one owner of cpp-httplib's hooks: limits before routing, errors, CORS, logs and metrics.
#include "server/http/http_server.h"

#include <algorithm>
#include <chrono>

#include "server/http/json_answers.h"

namespace opslag {
namespace {

/// When the request this thread is answering began: set before routing, read by the logger
/// (cpp-httplib calls both on the thread that serves the connection, and gives the logger no
/// start time of its own).
thread_local std::chrono::steady_clock::time_point request_start;

}  // namespace

HttpServer::HttpServer(HttpSettings settings)
    : settings_(std::move(settings)), cors_(settings_.allowed_origins) {
  const unsigned threads = settings_.threads;
  // httplib owns and deletes the queue it is given.
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Without it, a keep-alive client waits ~40 ms for each answer (Nagle's algorithm meeting the
  // client's delayed ACK), which would cost far more than the search itself.
  server_.set_tcp_nodelay(true);
  // httplib closes a keep-alive connection after 5 requests by default; a search box sends more.
  server_.set_keep_alive_max_count(kKeepAliveRequests);
  server_.set_payload_max_length(settings_.limits.max_body_bytes);
  server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    request_start = std::chrono::steady_clock::now();
    return refuse_oversized(req, res) ? httplib::Server::HandlerResponse::Handled
                                      : httplib::Server::HandlerResponse::Unhandled;
  });
  server_.Options(R"(.*)", [this](const httplib::Request& req, httplib::Response& res) {
    cors_.answer_preflight(req, res);
  });
  server_.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty()) send_error(res, res.status, error_message(req, res.status));
  });
  server_.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        guarded(req, res, [&] { std::rethrow_exception(error); });
      });
  // After routing and after the error handler, so error answers carry the headers too.
  server_.set_post_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) { cors_.add_headers(req, res); });
  if (settings_.metrics || settings_.access_log)
    server_.set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
}

void HttpServer::get(const std::string& pattern, std::string route,
                     httplib::Server::Handler handler) {
  routes_.push_back({std::regex(pattern), std::move(route)});
  server_.Get(pattern, std::move(handler));
}

std::string HttpServer::route_of(const std::string& path) const {
  const auto found = std::find_if(routes_.begin(), routes_.end(),
                                  [&](const Route& r) { return std::regex_match(path, r.pattern); });
  return found == routes_.end() ? "other" : found->name;
}

bool HttpServer::bind(const std::string& host, int port) {
  port_ = port == 0 ? server_.bind_to_any_port(host) : (server_.bind_to_port(host, port) ? port : -1);
  if (port_ > 0) return true;
  port_ = 0;
  return false;
}

void HttpServer::listen() { server_.listen_after_bind(); }

std::string HttpServer::error_message(const httplib::Request& req, int status) const {
  const TransportLimits& limits = settings_.limits;
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
    case 431:
      return "the request headers are larger than " + std::to_string(limits.max_header_bytes) +
             " bytes (--max-header-bytes)";
    default:
      return "request failed with status " + std::to_string(status);
  }
}

bool HttpServer::refuse_oversized(const httplib::Request& req, httplib::Response& res) const {
  const TransportLimits& limits = settings_.limits;
  int status = 0;
  if (req.target.size() > limits.max_request_line) status = 414;
  std::size_t header_bytes = 0;
  for (const auto& [name, value] : req.headers) header_bytes += name.size() + value.size() + 4;
  if (!status && header_bytes > limits.max_header_bytes) status = 431;
  if (!status) return false;
  send_error(res, status, error_message(req, status));
  return true;
}

void HttpServer::log(const httplib::Request& req, const httplib::Response& res) const {
  // Requests httplib refuses before routing (a malformed line) have no start time of their own.
  const auto now = std::chrono::steady_clock::now();
  const double ms = request_start.time_since_epoch().count() == 0
                        ? 0
                        : std::chrono::duration<double, std::milli>(now - request_start).count();
  request_start = {};
  if (settings_.metrics) settings_.metrics->record(route_of(req.path), res.status, ms / 1000);
  if (settings_.access_log) settings_.access_log->write(req, res, ms);
}

}  // namespace opslag
