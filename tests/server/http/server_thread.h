// Runs an httplib::Server on a free loopback port for an HTTP test, and stops it after.
#pragma once

#include <httplib.h>

#include <chrono>
#include <thread>

namespace opslag::testing {

/// Binds `server` (its routes installed) to a free port of 127.0.0.1 and listens on a thread
/// of its own until destroyed, which stops the server and joins the thread.
class ServerThread {
 public:
  explicit ServerThread(httplib::Server& server)
      : server_(server), port_(server.bind_to_any_port("127.0.0.1")) {
    if (port_ <= 0) return;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ServerThread() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  ServerThread(const ServerThread&) = delete;
  ServerThread& operator=(const ServerThread&) = delete;

  /// The port it listens on; 0 or less if it could not bind.
  [[nodiscard]] int port() const { return port_; }

 private:
  httplib::Server& server_;
  int port_;
  std::thread thread_;
};

}  // namespace opslag::testing
