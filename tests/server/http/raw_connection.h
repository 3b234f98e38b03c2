// A TCP connection that sends bytes as written, for tests that play a slow or hostile client.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace opslag::testing {

/// One connection to 127.0.0.1:`port` from the loopback address `from` (127.0.0.2 plays
/// another client), closed when destroyed. Its calls never throw and never block for longer
/// than they are told.
class RawConnection {
 public:
  explicit RawConnection(int port, const std::string& from = "127.0.0.1") {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, from.c_str(), &local.sin_addr);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
      close(fd_);
      fd_ = -1;
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  [[nodiscard]] bool connected() const { return fd_ >= 0; }

  /// Sends `bytes`; false once the server has closed or reset the connection.
  bool send(const std::string& bytes) {
    return fd_ >= 0 && ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
                           static_cast<ssize_t>(bytes.size());
  }

  /// What arrives within `wait`, until the server closes the connection or `wait` has passed
  /// since the last bytes; closed() tells which.
  std::string receive(std::chrono::milliseconds wait) {
    std::string got;
    char buffer[65536];
    while (fd_ >= 0) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(wait.count())) <= 0) break;
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      got.append(buffer, static_cast<std::size_t>(n));
    }
    return got;
  }

  /// Whether receive() saw the server close the connection.
  [[nodiscard]] bool closed() const { return closed_; }

 private:
  int fd_ = -1;
  bool closed_ = false;
};

/// How many answers `bytes` holds (status lines).
inline int answers_in(const std::string& bytes) {
  int count = 0;
  for (std::size_t at = bytes.find("HTTP/1.1 "); at != std::string::npos;
       at = bytes.find("HTTP/1.1 ", at + 1))
    ++count;
  return count;
}

}  // namespace opslag::testing
