// Starts a server program for a test (xapian-tcpsrv, xapian-replicate-server) on a free port
// of 127.0.0.1 and stops it, with the children it forked, when the test is done.
#pragma once

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace opslag::testing {

/// A TCP port on 127.0.0.1 that was free when asked.
inline int free_port() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(s, reinterpret_cast<sockaddr*>(&address), &length);
  close(s);
  return ntohs(address.sin_port);
}

/// True if something accepts connections on 127.0.0.1:`port`.
inline bool listening(int port) {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool up = connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(s);
  return up;
}

/// `argv` run in a process group of its own (these servers signal their whole group when
/// they stop), waited for (at most 5 s) until it listens on `port` (not at all when `port` is
/// 0), stopped on destruction.
class Daemon {
 public:
  Daemon(const std::vector<std::string>& argv, int port) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    if (posix_spawnp(&pid_, args[0], nullptr, &attributes, args.data(), environ)) pid_ = 0;
    posix_spawnattr_destroy(&attributes);
    for (int i = 0; i < 100 && pid_ > 0 && port > 0 && !listening(port); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~Daemon() { stop(); }
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  [[nodiscard]] bool running() const { return pid_ > 0; }
  [[nodiscard]] pid_t pid() const { return pid_; }

  /// Waits at most `timeout` for it to exit by itself; its exit status, or -1 if it did not
  /// exit in time or was killed by a signal.
  int wait_exit(std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (pid_ > 0 && std::chrono::steady_clock::now() < until) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
  }
  /// Asks it to stop, waits at most 2 s, then kills what is left of its process group: the
  /// children it forked for connections, which would otherwise outlive the test and keep
  /// ctest's output pipe open.
  void stop() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGTERM);
    for (int i = 0; i < 40 && waitpid(pid_, nullptr, WNOHANG) == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, WNOHANG);
    pid_ = 0;
  }

 private:
  pid_t pid_ = 0;
};

/// xapian-tcpsrv serving one database on 127.0.0.1, stopped (with the children it forked for
/// its connections) when this goes.
class TcpServer {
 public:
  explicit TcpServer(const std::filesystem::path& db)
      : port_(free_port()),
        daemon_({"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                 std::to_string(port_), db.string()},
                port_) {}
  [[nodiscard]] bool running() const { return daemon_.running(); }
  /// The source to give a Searcher or --db: "tcp:127.0.0.1:PORT".
  [[nodiscard]] std::string source() const { return "tcp:127.0.0.1:" + std::to_string(port_); }

 private:
  int port_;
  Daemon daemon_;
};

}  // namespace opslag::testing
