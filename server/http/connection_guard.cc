// Connection counts per client and header deadlines, enforced by a watchdog thread.
#include "server/http/connection_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstring>

namespace opslag {

using Clock = std::chrono::steady_clock;

struct GuardedConnection {
  int fd = -1;
  sockaddr_storage peer{};  ///< checked again before shutting down, in case fd was reused
  socklen_t peer_size = 0;
  std::string client;  ///< the peer's address, without port
  bool admitted = true;
  std::string refusal;
  Clock::time_point deadline = Clock::time_point::max();
  bool cut = false;
};

namespace {

/// The address of `peer` as text (no port); "unknown" for what is not IP.
std::string address_of(const sockaddr_storage& peer) {
  char text[INET6_ADDRSTRLEN] = "unknown";
  if (peer.ss_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(peer).sin_addr, text, sizeof text);
  else if (peer.ss_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(peer).sin6_addr, text, sizeof text);
  return text;
}

/// Whether `fd` is still connected to `connection`'s peer.
bool same_peer(const GuardedConnection& connection) {
  sockaddr_storage peer{};
  socklen_t size = sizeof peer;
  if (getpeername(connection.fd, reinterpret_cast<sockaddr*>(&peer), &size) != 0) return false;
  return size == connection.peer_size && std::memcmp(&peer, &connection.peer, size) == 0;
}

}  // namespace

ConnectionGuard::ConnectionGuard(const TransportLimits& limits)
    : max_connections_(limits.max_connections),
      max_per_client_(limits.max_connections_per_client),
      header_timeout_(limits.header_timeout_ms),
      watchdog_([this] { watch(); }) {}

ConnectionGuard::~ConnectionGuard() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  watchdog_.join();
  for (GuardedConnection* connection : connections_) delete connection;
}

GuardedConnection* ConnectionGuard::opened(int fd) {
  auto* connection = new GuardedConnection;
  connection->fd = fd;
  connection->peer_size = sizeof connection->peer;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&connection->peer), &connection->peer_size) != 0)
    connection->peer_size = 0;
  connection->client = address_of(connection->peer);
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  const std::size_t from_client = ++per_client_[connection->client];
  connections_.insert(connection);
  if (connections_.size() > max_connections_) {
    connection->refusal = "the server has " + std::to_string(max_connections_) +
                          " connections open already (--max-connections)";
  } else if (from_client > max_per_client_) {
    connection->refusal = "too many connections from " + connection->client + ": " +
                          std::to_string(max_per_client_) +
                          " at most (--max-connections-per-client)";
  }
  connection->admitted = connection->refusal.empty();
  if (!connection->admitted) ++refused_;
  const auto allowed = connection->admitted
                           ? header_timeout_
                           : std::min(header_timeout_, std::chrono::milliseconds(1000));
  connection->deadline = now + allowed;
  return connection;
}

bool ConnectionGuard::admitted(const GuardedConnection* connection) const {
  return connection->admitted;
}

std::string ConnectionGuard::refusal(const GuardedConnection* connection) const {
  return connection->refusal;
}

std::string ConnectionGuard::client(const GuardedConnection* connection) const {
  return connection->client;
}

void ConnectionGuard::request_began(GuardedConnection* connection) {
  std::lock_guard lock(mutex_);
  connection->deadline = Clock::time_point::max();
}

void ConnectionGuard::request_ended(GuardedConnection* connection) {
  const auto deadline = Clock::now() + header_timeout_;
  std::lock_guard lock(mutex_);
  connection->deadline = deadline;
}

void ConnectionGuard::closed(GuardedConnection* connection) {
  {
    std::lock_guard lock(mutex_);
    connections_.erase(connection);
    const auto found = per_client_.find(connection->client);
    if (found != per_client_.end() && --found->second == 0) per_client_.erase(found);
  }
  delete connection;
}

std::size_t ConnectionGuard::open() const {
  std::lock_guard lock(mutex_);
  return connections_.size();
}

void ConnectionGuard::watch() {
  // A tenth of the timeout between looks, within 10–250 ms: a connection is cut at most that
  // long after its deadline.
  const auto period = std::clamp(header_timeout_ / 10, std::chrono::milliseconds(10),
                                 std::chrono::milliseconds(250));
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, period, [this] { return stopping_; })) cut_expired();
}

void ConnectionGuard::cut_expired() {
  const auto now = Clock::now();
  for (GuardedConnection* connection : connections_) {
    if (connection->cut || connection->deadline > now) continue;
    connection->cut = true;
    ++timed_out_;  // counted first: whoever sees the shutdown sees it counted
    // The transport closes the socket when it sees it shut down, then calls closed().
    if (same_peer(*connection)) shutdown(connection->fd, SHUT_RDWR);
  }
}

}  // namespace opslag
