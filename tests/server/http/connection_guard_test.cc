// Tests ConnectionGuard on socket pairs: bounds by count and client, and the header deadline
// its watchdog enforces.
#include "server/http/connection_guard.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace opslag {
namespace {

using namespace std::chrono_literals;

/// Two connected sockets: `server` for the guard, `client` to watch it from, closed after.
struct SocketPair {
  SocketPair() { socketpair(AF_UNIX, SOCK_STREAM, 0, fds); }
  ~SocketPair() {
    close(fds[0]);
    close(fds[1]);
  }
  SocketPair(const SocketPair&) = delete;
  SocketPair& operator=(const SocketPair&) = delete;
  [[nodiscard]] int server() const { return fds[0]; }
  /// Whether the client's end reads end-of-file within `wait`: the server end was shut down.
  [[nodiscard]] bool shut_down_within(std::chrono::milliseconds wait) const {
    pollfd p{fds[1], POLLIN, 0};
    char byte = 0;
    return poll(&p, 1, static_cast<int>(wait.count())) == 1 && recv(fds[1], &byte, 1, 0) == 0;
  }
  int fds[2] = {-1, -1};
};

TransportLimits timeout_ms(std::size_t ms) {
  TransportLimits limits;
  limits.header_timeout_ms = ms;
  return limits;
}

TEST(ConnectionGuardTest, AConnectionWhoseHeadersAreLateIsShutDown) {
  ConnectionGuard guard(timeout_ms(50));
  SocketPair pair;
  GuardedConnection* connection = guard.opened(pair.server());
  EXPECT_TRUE(pair.shut_down_within(2000ms));
  EXPECT_EQ(guard.timed_out(), 1u);
  guard.closed(connection);
}

TEST(ConnectionGuardTest, AConnectionBeingAnsweredHasNoDeadline) {
  ConnectionGuard guard(timeout_ms(50));
  SocketPair pair;
  GuardedConnection* connection = guard.opened(pair.server());
  guard.request_began(connection);
  EXPECT_FALSE(pair.shut_down_within(300ms));
  guard.request_ended(connection);  // the next request's headers are due again
  EXPECT_TRUE(pair.shut_down_within(2000ms));
  guard.closed(connection);
}

TEST(ConnectionGuardTest, ConnectionsBeyondTheClientsBoundAreNotAdmittedAndSayWhy) {
  TransportLimits limits;
  limits.max_connections_per_client = 2;
  ConnectionGuard guard(limits);
  SocketPair a, b, c;
  GuardedConnection* first = guard.opened(a.server());
  GuardedConnection* second = guard.opened(b.server());
  GuardedConnection* third = guard.opened(c.server());
  EXPECT_TRUE(guard.admitted(first));
  EXPECT_TRUE(guard.admitted(second));
  EXPECT_FALSE(guard.admitted(third));
  EXPECT_NE(guard.refusal(third).find("--max-connections-per-client"), std::string::npos);
  EXPECT_EQ(guard.open(), 3u);
  EXPECT_EQ(guard.refused(), 1u);
  guard.closed(first);
  guard.closed(third);
  SocketPair d;
  GuardedConnection* again = guard.opened(d.server());
  EXPECT_TRUE(guard.admitted(again)) << "a closed connection still counted";
  guard.closed(second);
  guard.closed(again);
  EXPECT_EQ(guard.open(), 0u);
}

TEST(ConnectionGuardTest, ConnectionsBeyondTheServersBoundAreNotAdmitted) {
  TransportLimits limits;
  limits.max_connections = 1;
  ConnectionGuard guard(limits);
  SocketPair a, b;
  GuardedConnection* first = guard.opened(a.server());
  GuardedConnection* second = guard.opened(b.server());
  EXPECT_TRUE(guard.admitted(first));
  EXPECT_FALSE(guard.admitted(second));
  EXPECT_NE(guard.refusal(second).find("--max-connections"), std::string::npos);
  guard.closed(first);
  guard.closed(second);
}

}  // namespace
}  // namespace opslag
