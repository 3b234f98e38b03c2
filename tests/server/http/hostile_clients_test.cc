// Tests that slow, idle, greedy and malformed clients cannot starve or bloat the server: a real
// HttpServer on a loopback port, played against by raw connections, each wait bounded.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "server/http/http_server.h"
#include "server/http/json_answers.h"
#include "tests/server/http/raw_connection.h"
#include "tests/server/http/server_thread.h"

namespace opslag {
namespace {

using namespace std::chrono_literals;
using testing::answers_in;
using testing::RawConnection;

constexpr const char* kPing = "GET /ping HTTP/1.1\r\nHost: test\r\n\r\n";
constexpr const char* kLastPing = "GET /ping HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n";

/// An HttpServer with two workers and one route, GET /ping, under `limits`.
class HostileClientsTest : public ::testing::Test {
 protected:
  void start(const TransportLimits& limits = {}) {
    HttpSettings settings;
    settings.limits = limits;
    settings.threads = 2;
    server_ = std::make_unique<HttpServer>(settings);
    server_->get("/ping", "/ping", [](const httplib::Request&, httplib::Response& res) {
      send_json(res, 200, {{"pong", true}});
    });
    running_ = std::make_unique<testing::ServerThread>(*server_);
    ASSERT_GT(running_->port(), 0);
  }

  /// A connection that has sent half a request's headers and nothing more.
  std::unique_ptr<RawConnection> stalled(const std::string& from = "127.0.0.1") {
    auto c = std::make_unique<RawConnection>(running_->port(), from);
    c->send("GET /ping HTTP/1.1\r\nHost: te");
    return c;
  }

  /// What the server sends back for `bytes`, sent on a new connection from `from`, until it
  /// closes the connection or is silent for `wait`.
  std::string answer_to(const std::string& bytes, std::chrono::milliseconds wait = 2000ms,
                        const std::string& from = "127.0.0.1") {
    RawConnection c(running_->port(), from);
    c.send(bytes);
    return c.receive(wait);
  }

  /// The answer to one whole GET /ping on a new connection from `from`.
  std::string ping(const std::string& from = "127.0.0.1") {
    return answer_to(kLastPing, 3000ms, from);
  }

  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<testing::ServerThread> running_;
};

TEST_F(HostileClientsTest, ClientsThatSendHalfARequestDoNotDelayOthers) {
  start();
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 20; ++i) slow.push_back(stalled());  // ten times the two workers
  EXPECT_TRUE(ping().starts_with("HTTP/1.1 200")) << "a whole request waits behind slow ones";
}

TEST_F(HostileClientsTest, AClientDrippingItsHeadersIsDisconnectedAtTheHeaderTimeout) {
  TransportLimits limits;
  limits.header_timeout_ms = 300;
  start(limits);
  RawConnection slow(running_->port());
  const auto began = std::chrono::steady_clock::now();
  bool open = slow.send("GET /ping HTTP/1.1\r\n");
  // A byte every 50 ms: never idle, never done.
  while (open && std::chrono::steady_clock::now() - began < 5s) {
    std::this_thread::sleep_for(50ms);
    open = slow.send("X") && (slow.receive(1ms), !slow.closed());
  }
  EXPECT_FALSE(open) << "still connected after 5 s with a 300 ms header timeout";
  EXPECT_GE(server_->connections().timed_out(), 1u);
}

TEST_F(HostileClientsTest, AnIdleKeepAliveConnectionIsClosed) {
  TransportLimits limits;
  limits.idle_timeout_s = 1;
  start(limits);
  RawConnection c(running_->port());
  c.send(kPing);
  EXPECT_TRUE(c.receive(1000ms).starts_with("HTTP/1.1 200"));
  c.receive(4000ms);
  EXPECT_TRUE(c.closed()) << "an idle connection outlived a 1 s idle timeout by 3 s";
}

TEST_F(HostileClientsTest, AClientBeyondItsConnectionBoundGets503NamingIt) {
  TransportLimits limits;
  limits.max_connections_per_client = 2;
  start(limits);
  const auto first = stalled("127.0.0.2");
  const auto second = stalled("127.0.0.2");
  std::this_thread::sleep_for(100ms);  // the server has counted both
  const std::string third = ping("127.0.0.2");
  EXPECT_TRUE(third.starts_with("HTTP/1.1 503")) << third;
  EXPECT_NE(third.find("--max-connections-per-client"), std::string::npos) << third;
  EXPECT_TRUE(ping("127.0.0.1").starts_with("HTTP/1.1 200")) << "another client is refused too";
}

TEST_F(HostileClientsTest, BeyondTheServersConnectionBoundEveryoneGets503NamingIt) {
  TransportLimits limits;
  limits.max_connections = 3;
  start(limits);
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 3; ++i) held.push_back(stalled("127.0.0." + std::to_string(i + 2)));
  std::this_thread::sleep_for(100ms);
  const std::string answer = ping();
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 503")) << answer;
  EXPECT_NE(answer.find("--max-connections"), std::string::npos) << answer;
  held.clear();
  std::this_thread::sleep_for(200ms);  // the server has seen them close
  EXPECT_TRUE(ping().starts_with("HTTP/1.1 200"));
}

TEST_F(HostileClientsTest, EndlessHeaderLinesAreCutOffNotBuffered) {
  start();
  RawConnection c(running_->port());
  c.send("GET /ping HTTP/1.1\r\nHost: test\r\n");
  std::size_t sent = 0;
  std::string burst;
  for (int i = 0; i < 1000; ++i) burst += "X-A: b\r\n";
  while (sent < (64u << 20) && c.send(burst)) sent += burst.size();
  // The server answered 431 and closed long before 64 MB were sent.
  EXPECT_LT(sent, 64u << 20);
  const std::string answer = c.receive(1000ms);
  EXPECT_TRUE(answer.empty() || answer.starts_with("HTTP/1.1 431")) << answer.substr(0, 80);
}

TEST_F(HostileClientsTest, AChunkedBodyIsRefusedBeforeItIsRead) {
  start();
  // No chunk is sent: an answer means the server did not wait for the body.
  const std::string answer =
      answer_to("POST /ping HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 405")) << answer;
  const std::string refused = answer_to(
      "GET /ping HTTP/1.1\r\nHost: test\r\nContent-Encoding: gzip\r\nContent-Length: 1000000\r\n"
      "\r\n");
  EXPECT_TRUE(refused.starts_with("HTTP/1.1 413")) << refused;
  EXPECT_NE(refused.find("carries no body"), std::string::npos) << refused;
}

TEST_F(HostileClientsTest, PipelinedRequestsAreEachAnswered) {
  start();
  EXPECT_EQ(answers_in(answer_to(std::string(kPing) + kPing + kLastPing)), 3);
}

TEST_F(HostileClientsTest, RangesAreIgnoredOnApiAnswers) {
  start();
  const std::string answer = answer_to(
      "GET /ping HTTP/1.1\r\nHost: test\r\nRange: bytes=0-,0-,0-,0-,0-,0-\r\n"
      "Connection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
  EXPECT_EQ(answer.find("Content-Range"), std::string::npos) << answer;
  EXPECT_EQ(answers_in(answer), 1);
}

TEST_F(HostileClientsTest, StoppingDropsSlowAndIdleConnectionsAtOnce) {
  start();
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 10; ++i) slow.push_back(stalled());
  RawConnection idle(running_->port());
  idle.send(kPing);
  idle.receive(500ms);
  const auto began = std::chrono::steady_clock::now();
  running_.reset();  // stop() and join the listener
  EXPECT_LT(std::chrono::steady_clock::now() - began, 3s);
  idle.receive(1000ms);
  EXPECT_TRUE(idle.closed());
}

TEST_F(HostileClientsTest, StoppingWhileClientsKeepConnectingNeverAbortsTheServer) {
  // Stopping races the workers that are accepting: libmicrohttpd 0.9.75 aborted the process
  // when a worker and the stop took the listening socket out of the same epoll set at once.
  for (int round = 0; round < 100; ++round) {
    start();
    const int port = running_->port();
    std::atomic<bool> done = false;
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
      clients.emplace_back([&] {
        while (!done) {
          RawConnection connection(port);
          connection.send(kLastPing);
          connection.receive(100ms);
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(round % 5));
    running_.reset();
    EXPECT_FALSE(RawConnection(port).connected()) << "round " << round << ": still listening";
    done = true;
    for (std::thread& t : clients) t.join();
  }
}

}  // namespace
}  // namespace opslag
