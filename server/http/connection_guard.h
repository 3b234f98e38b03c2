// Bounds the connections opslag-server holds: how many, how many from one client, and how long
// each may take to send a request's headers.
#pragma once

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>

#include "server/http/transport_limits.h"

namespace opslag {

/// One open connection, as ConnectionGuard tracks it. Opaque to its users.
struct GuardedConnection;

/// Keeps count of the open connections and each one's deadline, and shuts down (shutdown(2))
/// the socket of one whose request has not arrived whole by its deadline, from a watchdog thread
/// of its own: a slow or idle client holds a connection for --header-timeout-ms at most, whatever
/// the transport does meanwhile. A connection beyond a bound is still tracked, but not admitted:
/// the transport answers it 503 and closes it. Thread-safe.
class ConnectionGuard {
 public:
  explicit ConnectionGuard(const TransportLimits& limits);
  /// Stops the watchdog; the connections still open are left as they are.
  ~ConnectionGuard();
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

  /// A connection opened on socket `fd`: its headers are due within --header-timeout-ms (one second
  /// if it is beyond a bound). The result is the connection's handle until closed().
  GuardedConnection* opened(int fd);
  /// Whether `connection` is within the bounds; if not, why ("too many connections from …").
  [[nodiscard]] bool admitted(const GuardedConnection* connection) const;
  [[nodiscard]] std::string refusal(const GuardedConnection* connection) const;
  /// The address `connection` comes from, without its port.
  [[nodiscard]] std::string client(const GuardedConnection* connection) const;
  /// Its request's headers have arrived: no deadline while it is answered.
  void request_began(GuardedConnection* connection);
  /// Its answer is sent: the next request's headers are due within --header-timeout-ms.
  void request_ended(GuardedConnection* connection);
  /// It is closed; `connection` is invalid after.
  void closed(GuardedConnection* connection);

  /// Connections open now.
  [[nodiscard]] std::size_t open() const;
  /// Connections shut down for missing their deadline, and refused beyond a bound, so far.
  [[nodiscard]] unsigned long timed_out() const { return timed_out_; }
  [[nodiscard]] unsigned long refused() const { return refused_; }

 private:
  void watch();
  void cut_expired();

  const std::size_t max_connections_;
  const std::size_t max_per_client_;
  const std::chrono::milliseconds header_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::unordered_set<GuardedConnection*> connections_;
  std::map<std::string, std::size_t> per_client_;
  std::atomic<unsigned long> timed_out_{0};
  std::atomic<unsigned long> refused_{0};
  std::thread watchdog_;
};

}  // namespace opslag
