// Runs an HttpServer on a free loopback port for an HTTP test, and stops it after.
#pragma once

#include <chrono>
#include <thread>

#include "server/http/http_server.h"

namespace opslag::testing {

/// Binds `server` (its routes added) to a free port of 127.0.0.1 and listens on a thread of
/// its own until destroyed, which stops the server and joins the thread.
class ServerThread {
 public:
  explicit ServerThread(HttpServer& server) : server_(server) {
    if (!server_.bind("127.0.0.1", 0)) return;
    thread_ = std::thread([this] { server_.listen(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ServerThread() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  ServerThread(const ServerThread&) = delete;
  ServerThread& operator=(const ServerThread&) = delete;

  /// The port it listens on; 0 if it could not bind.
  [[nodiscard]] int port() const { return server_.port(); }

 private:
  HttpServer& server_;
  std::thread thread_;
};

}  // namespace opslag::testing
