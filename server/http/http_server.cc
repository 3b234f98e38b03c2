// The one owner of the transport: libmicrohttpd's callbacks, connection bounds, limits before
// routing, errors, CORS, logs and metrics.
#include "server/http/http_server.h"

#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <iostream>

#include "server/http/json_answers.h"

namespace opslag {
namespace {

using Clock = std::chrono::steady_clock;

bool same_name(const std::string& a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

/// Headers libmicrohttpd writes itself from the answer it is given.
bool is_framing_header(const std::string& name) {
  return same_name(name, "Content-Length") || same_name(name, "Transfer-Encoding") ||
         same_name(name, "Connection");
}

}  // namespace

/// libmicrohttpd's callbacks, each handing over to the HttpServer it was registered with.
struct HttpServer::Callbacks {
  /// What a request carries between its callbacks: the target as the client sent it.
  struct Pending {
    std::string target;
    bool headers_in = false;
    bool answered = false;
  };

  static HttpServer& server(void* cls) { return *static_cast<HttpServer*>(cls); }

  static GuardedConnection* guarded_connection(MHD_Connection* connection) {
    const MHD_ConnectionInfo* info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<GuardedConnection*>(info->socket_context) : nullptr;
  }

  static void connection_changed(void* cls, MHD_Connection* connection, void** socket_context,
                                 MHD_ConnectionNotificationCode code) {
    ConnectionGuard& guard = server(cls).guard_;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
      const MHD_ConnectionInfo* info =
          MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
      *socket_context = guard.opened(info ? info->connect_fd : -1);
    } else if (*socket_context) {
      guard.closed(static_cast<GuardedConnection*>(*socket_context));
      *socket_context = nullptr;
    }
  }

  /// Called with the request line, before the headers: keeps the target as sent.
  static void* request_line(void* cls, const char* uri, MHD_Connection*) {
    ++server(cls).requests_begun_;
    return new Pending{uri ? uri : ""};
  }

  static void request_completed(void* cls, MHD_Connection* connection, void** request,
                                MHD_RequestTerminationCode) {
    if (*request) --server(cls).requests_begun_;
    delete static_cast<Pending*>(*request);
    *request = nullptr;
    if (GuardedConnection* guarded = guarded_connection(connection))
      server(cls).guard_.request_ended(guarded);
  }

  static MHD_Result add_header(void* cls, MHD_ValueKind, const char* name, const char* value) {
    static_cast<httplib::Headers*>(cls)->emplace(name, value ? value : "");
    return MHD_YES;
  }

  /// Whether the request on `connection` announces a body, or a method not served: then it is
  /// answered at once, the body never read, and the connection closed after.
  static bool refused_at_once(MHD_Connection* connection, std::string_view method) {
    const char* length =
        MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    return (length && std::string_view(length) != "0") ||
           MHD_lookup_connection_value(connection, MHD_HEADER_KIND,
                                       MHD_HTTP_HEADER_TRANSFER_ENCODING) ||
           (method != "GET" && method != "HEAD" && method != "OPTIONS");
  }

  /// Called once the headers are in, and again when the request is whole. A request without a
  /// body is answered on the second call, so the connection may carry the next one; any other
  /// on the first, never reading its body. Nothing thrown may reach libmicrohttpd, which is C:
  /// what escapes the routes' own handling (memory) closes the connection.
  static MHD_Result request(void* cls, MHD_Connection* connection, const char* url,
                            const char* method, const char* version, const char* upload,
                            std::size_t* upload_size, void** request) noexcept {
    try {
      return answer(cls, connection, url, method, version, upload, upload_size, request);
    } catch (...) {
      return MHD_NO;
    }
  }

  static MHD_Result answer(void* cls, MHD_Connection* connection, const char*, const char* method,
                           const char* version, const char*, std::size_t* upload_size,
                           void** request) {
    auto* pending = static_cast<Pending*>(*request);
    if (!pending) {  // only when the request line never reached request_line()
      pending = new Pending;
      ++server(cls).requests_begun_;
      *request = pending;
    }
    if (pending->answered) {  // body data after the answer: left unread, as the answer says
      *upload_size = 0;
      return MHD_YES;
    }
    HttpServer& self = server(cls);
    GuardedConnection* guarded = guarded_connection(connection);
    if (!pending->headers_in) {
      pending->headers_in = true;
      if (guarded) self.guard_.request_began(guarded);
      if (!refused_at_once(connection, method)) return MHD_YES;
    }
    pending->answered = true;
    const auto start = Clock::now();

    httplib::Request req;
    req.method = method;
    req.version = version;
    req.target = pending->target;
    const std::size_t question = req.target.find('?');
    req.path = httplib::detail::decode_url(req.target.substr(0, question), false);
    if (question != std::string::npos)
      httplib::detail::parse_query_text(req.target.substr(question + 1), req.params);
    MHD_get_connection_values(connection, MHD_HEADER_KIND, &add_header, &req.headers);
    if (guarded) req.remote_addr = self.guard_.client(guarded);

    httplib::Response res;
    std::string route;
    if (guarded && !self.guard_.admitted(guarded)) {
      send_error(res, 503, self.guard_.refusal(guarded));
      res.set_header("Connection", "close");
      res.set_header("Retry-After", "1");
      route = self.route_of(req.path);
    } else {
      route = self.answer(req, res);
    }
    self.log(route, req, res,
             std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    const MHD_Result queued = send(connection, res);
    *upload_size = 0;
    return queued;
  }

  /// A body a route streams (httplib's set_content_provider with a length): libmicrohttpd
  /// asks for it piece by piece as the client takes it.
  struct Streamed {
    httplib::ContentProvider provider;
    std::size_t length;
  };

  /// Up to `max` bytes of the streamed body from `pos`, into `buf`: the provider must write at
  /// most the length it is asked for. A provider that fails, or writes nothing before the end,
  /// breaks the connection off, so the client sees a cut answer, never a whole wrong one.
  static ssize_t read_streamed(void* cls, std::uint64_t pos, char* buf, std::size_t max) {
    auto* streamed = static_cast<Streamed*>(cls);
    std::size_t written = 0;
    try {
      httplib::DataSink sink;
      sink.write = [&](const char* data, std::size_t size) {
        const std::size_t n = std::min(size, max - written);
        std::memcpy(buf + written, data, n);
        written += n;
        return n == size;
      };
      sink.is_writable = [] { return true; };
      sink.done = [] {};
      const auto want = std::min<std::uint64_t>(max, streamed->length - pos);
      if (!streamed->provider(static_cast<std::size_t>(pos), static_cast<std::size_t>(want),
                              sink) ||
          written == 0)
        return MHD_CONTENT_READER_END_WITH_ERROR;
    } catch (...) {
      return MHD_CONTENT_READER_END_WITH_ERROR;
    }
    return static_cast<ssize_t>(written);
  }

  /// A body a route streams without knowing its length (httplib's
  /// set_chunked_content_provider): sent chunked, each piece the provider writes kept until
  /// libmicrohttpd has taken it.
  struct Chunked {
    httplib::ContentProvider provider;
    std::string pending;
    std::size_t taken = 0;   ///< of pending
    std::size_t offset = 0;  ///< bytes the provider has written
    bool done = false;
  };

  /// Up to `max` bytes of the chunked body into `buf`, asking the provider for more when what
  /// it wrote has been sent. A provider that fails, throws or stops writing before saying it is
  /// done breaks the connection off, so the client sees a cut answer (no last chunk).
  static ssize_t read_chunked(void* cls, std::uint64_t, char* buf, std::size_t max) {
    auto* chunked = static_cast<Chunked*>(cls);
    try {
      for (int calls = 0; chunked->taken == chunked->pending.size(); ++calls) {
        if (chunked->done) return MHD_CONTENT_READER_END_OF_STREAM;
        if (calls == 100) return MHD_CONTENT_READER_END_WITH_ERROR;  // writes nothing
        chunked->pending.clear();
        chunked->taken = 0;
        httplib::DataSink sink;
        sink.write = [chunked](const char* data, std::size_t size) {
          chunked->pending.append(data, size);
          chunked->offset += size;
          return true;
        };
        sink.is_writable = [] { return true; };
        sink.done = [chunked] { chunked->done = true; };
        if (!chunked->provider(chunked->offset, 0, sink)) return MHD_CONTENT_READER_END_WITH_ERROR;
      }
    } catch (...) {
      return MHD_CONTENT_READER_END_WITH_ERROR;
    }
    const std::size_t n = std::min(max, chunked->pending.size() - chunked->taken);
    std::memcpy(buf, chunked->pending.data() + chunked->taken, n);
    chunked->taken += n;
    return static_cast<ssize_t>(n);
  }

  /// The libmicrohttpd answer holding `res`'s body, or streaming it; nullptr if it cannot make
  /// one.
  static MHD_Response* response_of(httplib::Response& res) {
    if (res.content_provider_ && res.is_chunked_content_provider_) {
      auto* chunked = new Chunked{std::move(res.content_provider_), {}, 0, 0, false};
      MHD_Response* response = MHD_create_response_from_callback(
          MHD_SIZE_UNKNOWN, kStreamBlockBytes, &read_chunked, chunked,
          [](void* owned) { delete static_cast<Chunked*>(owned); });
      if (!response) delete chunked;
      return response;
    }
    if (res.content_provider_ && !res.is_chunked_content_provider_) {
      auto* streamed = new Streamed{std::move(res.content_provider_), res.content_length_};
      MHD_Response* response = MHD_create_response_from_callback(
          streamed->length, kStreamBlockBytes, &read_streamed, streamed,
          [](void* owned) { delete static_cast<Streamed*>(owned); });
      if (!response) delete streamed;
      return response;
    }
    auto* body = new std::string(std::move(res.body));
    MHD_Response* response = MHD_create_response_from_buffer_with_free_callback_cls(
        body->size(), body->data(), [](void* owned) { delete static_cast<std::string*>(owned); },
        body);
    if (!response) delete body;
    return response;
  }

  /// Bytes libmicrohttpd asks a streamed body for at a time.
  static constexpr std::size_t kStreamBlockBytes = 64 << 10;

  /// Hands `res` to libmicrohttpd, which frames it (Content-Length, keep-alive) and sends it,
  /// the body left out for HEAD.
  static MHD_Result send(MHD_Connection* connection, httplib::Response& res) {
    MHD_Response* response = response_of(res);
    if (!response) return MHD_NO;
    bool close = false;
    for (const auto& [name, value] : res.headers) {
      if (same_name(name, "Connection")) close = value == "close";
      if (!is_framing_header(name)) MHD_add_response_header(response, name.c_str(), value.c_str());
    }
    if (close) MHD_add_response_header(response, "Connection", "close");
    const MHD_Result queued =
        MHD_queue_response(connection, static_cast<unsigned>(res.status), response);
    MHD_destroy_response(response);
    return queued;
  }
};

HttpServer::HttpServer(HttpSettings settings)
    : settings_(std::move(settings)), cors_(settings_.allowed_origins), guard_(settings_.limits) {}

HttpServer::~HttpServer() {
  if (listen_fd_ >= 0) close(listen_fd_);
}

void HttpServer::get(const std::string& pattern, std::string route,
                     httplib::Server::Handler handler) {
  routes_.push_back({std::regex(pattern), std::move(route), std::move(handler)});
}

std::vector<std::string> HttpServer::routes() const {
  std::vector<std::string> names;
  for (const Route& r : routes_) names.push_back(r.name);
  return names;
}

std::string HttpServer::route_of(const std::string& path) const {
  const auto found = std::find_if(routes_.begin(), routes_.end(), [&](const Route& r) {
    return std::regex_match(path, r.pattern);
  });
  return found == routes_.end() ? "other" : found->name;
}

bool HttpServer::bind(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return false;
  for (addrinfo* a = found; a && listen_fd_ < 0; a = a->ai_next) {
    const int fd =
        socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) continue;
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, SOMAXCONN) == 0) {
      listen_fd_ = fd;
    } else {
      close(fd);
    }
  }
  freeaddrinfo(found);
  if (listen_fd_ < 0) return false;
  sockaddr_storage bound{};
  socklen_t size = sizeof bound;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&bound), &size);
  port_ = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6&>(bound).sin6_port
                                            : reinterpret_cast<sockaddr_in&>(bound).sin_port);
  return true;
}

bool HttpServer::listen() {
  const TransportLimits& limits = settings_.limits;
  // Room for the largest request line and headers allowed, twice (libmicrohttpd keeps them
  // and the answer's headers in one pool a connection), so our limits answer first.
  const std::size_t pool = std::max<std::size_t>(
      32 * 1024, 2 * (limits.max_request_line + limits.max_header_bytes) + 16 * 1024);
  const unsigned threads = std::max(1u, settings_.threads);
  // Turbo: optimistic reads and fewer system calls a request (330-380 searches/s against
  // 250-310 without, wrk at 2 connections over 32,000 documents). poll(), not epoll: with
  // epoll, libmicrohttpd 0.9.75 aborts the process now and then when MHD_quiesce_daemon and a
  // busy worker take the listening socket out of the worker's epoll set at once.
  MHD_Daemon* daemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC | MHD_USE_TURBO, 0, nullptr,
      nullptr, &Callbacks::request, this, MHD_OPTION_LISTEN_SOCKET, listen_fd_,
      MHD_OPTION_THREAD_POOL_SIZE, threads > 1 ? threads : 0u, MHD_OPTION_CONNECTION_LIMIT,
      static_cast<unsigned>(limits.max_connections + 64), MHD_OPTION_CONNECTION_TIMEOUT,
      limits.idle_timeout_s, MHD_OPTION_CONNECTION_MEMORY_LIMIT, pool, MHD_OPTION_URI_LOG_CALLBACK,
      &Callbacks::request_line, this, MHD_OPTION_NOTIFY_COMPLETED, &Callbacks::request_completed,
      this, MHD_OPTION_NOTIFY_CONNECTION, &Callbacks::connection_changed, this, MHD_OPTION_END);
  if (!daemon) return false;
  running_ = true;
  {
    std::unique_lock lock(mutex_);
    stop_wanted_.wait(lock, [this] { return stop_requested_; });
  }
  // Stop accepting; give the requests already begun kStopGrace to arrive whole and be
  // answered; then close every connection, the idle and the slow ones too.
  if (MHD_quiesce_daemon(daemon) == listen_fd_) {  // it is ours to close, new clients refused
    close(listen_fd_);
    listen_fd_ = -1;
  }
  const auto give_up = Clock::now() + kStopGrace;
  while (requests_begun_ > 0 && Clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  MHD_stop_daemon(daemon);
  running_ = false;
  return true;
}

void HttpServer::stop() {
  {
    std::lock_guard lock(mutex_);
    stop_requested_ = true;
  }
  stop_wanted_.notify_all();
}

std::string HttpServer::error_message(const httplib::Request& req, int status) const {
  const TransportLimits& limits = settings_.limits;
  switch (status) {
    case 404:
      return "no such route: " + req.path;
    case 405:
      return "method " + req.method + " is not served: only GET, HEAD and OPTIONS";
    case 413:
      return "a request to opslag-server carries no body (it has Content-Length or "
             "Transfer-Encoding)";
    case 414:
      return "the request line is longer than " + std::to_string(limits.max_request_line) +
             " bytes (--max-request-line)";
    case 431:
      return "the request headers are larger than " + std::to_string(limits.max_header_bytes) +
             " bytes (--max-header-bytes) or more than " + std::to_string(limits.max_header_count) +
             " lines (--max-header-count)";
    default:
      return "request failed with status " + std::to_string(status);
  }
}

bool HttpServer::refuse_oversized(const httplib::Request& req, httplib::Response& res) const {
  const TransportLimits& limits = settings_.limits;
  std::size_t header_bytes = 0;
  for (const auto& [name, value] : req.headers) header_bytes += name.size() + value.size() + 4;
  const auto length = req.headers.find("Content-Length");
  const bool has_body =
      req.has_header("Transfer-Encoding") || (length != req.headers.end() && length->second != "0");
  int status = 0;
  if (req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS") {
    status = 405;
    res.set_header("Allow", "GET, HEAD, OPTIONS");
  } else if (req.target.size() > limits.max_request_line) {
    status = 414;
  } else if (header_bytes > limits.max_header_bytes ||
             req.headers.size() > limits.max_header_count) {
    status = 431;
  } else if (has_body) {
    status = 413;
  }
  if (!status) return false;
  send_error(res, status, error_message(req, status));
  return true;
}

void HttpServer::route(const Route* found, httplib::Request& req, httplib::Response& res) const {
  if (refuse_oversized(req, res)) return;
  if (req.method == "OPTIONS") {
    cors_.answer_preflight(req, res);
    return;
  }
  if (!found) {
    res.status = 404;
    return;
  }
  guarded(req, res, [&] { found->handler(req, res); });
  if (res.status == -1) res.status = 200;
}

std::string_view HttpServer::answer(httplib::Request& req, httplib::Response& res) const {
  // One match a request: it picks the handler (and fills req.matches) and names the route.
  const auto found = std::find_if(routes_.begin(), routes_.end(), [&](const Route& r) {
    return std::regex_match(req.path, req.matches, r.pattern);
  });
  const Route* route_found = found == routes_.end() ? nullptr : &*found;
  guarded(req, res, [&] { route(route_found, req, res); });
  if (res.status == -1) res.status = 500;
  if (res.status >= 400 && res.body.empty())
    send_error(res, res.status, error_message(req, res.status));
  cors_.add_headers(req, res);
  return route_found ? std::string_view(route_found->name) : "other";
}

void HttpServer::log(std::string_view route, const httplib::Request& req,
                     const httplib::Response& res, double milliseconds) const {
  if (settings_.metrics) {
    settings_.metrics->record(route, res.status, milliseconds / 1000);
    settings_.metrics->set_transport({guard_.open(), guard_.timed_out(), guard_.refused(),
                                      settings_.access_log ? settings_.access_log->dropped() : 0});
  }
  if (settings_.access_log) settings_.access_log->write(req, res, milliseconds);
}

}  // namespace opslag
