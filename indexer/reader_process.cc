// Starting opslag-read, collecting what it writes within bounds, and saying why it failed.
#include "indexer/reader_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "schema/errors.h"

extern char** environ;

namespace opslag {
namespace {

namespace fs = std::filesystem;

/// A pipe whose ends are closed on destruction.
struct Pipe {
  Pipe() {
    if (pipe2(fds.data(), O_CLOEXEC) != 0)
      throw Error(std::string("cannot make a pipe: ") + std::strerror(errno));
  }
  ~Pipe() {
    for (int fd : fds)
      if (fd >= 0) close(fd);
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void close_end(int i) {
    close(fds[i]);
    fds[i] = -1;
  }
  std::array<int, 2> fds{-1, -1};
};

/// Why opslag-read ended as `status` did, for a message naming the file.
std::string why_failed(int status, const std::string& said, const ReaderLimits& limits) {
  if (WIFEXITED(status) && WEXITSTATUS(status) == 1 && !said.empty()) return said;
  const std::string memory =
      "reading it needed more than " + std::to_string(limits.memory_mb) + " MB of memory: skipped";
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    if (signal == SIGXCPU || signal == SIGKILL)
      return "reading it took more than " + std::to_string(limits.seconds) + " s: skipped";
    // Past RLIMIT_AS, an allocation fails; the readers' libraries may abort on that.
    if (signal == SIGABRT || signal == SIGSEGV) return memory;
    return std::string("its reader stopped on signal ") + strsignal(signal) + ": skipped";
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 3) return memory;
  return "its reader failed" + (said.empty() ? std::string() : ": " + said);
}

}  // namespace

fs::path ReaderProcess::find_program() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path program = self.parent_path() / "opslag-read";
  return fs::exists(program, ec) ? program : fs::path();
}

StoredDocument ReaderProcess::read(const fs::path& file, std::string_view head,
                                   std::size_t max_text_bytes) const {
  (void)head;  // opslag-read reads the head itself
  Pipe out, err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.fds[1], STDERR_FILENO);
  const std::vector<std::string> args{program_.string(),
                                      "--max-memory-mb",
                                      std::to_string(limits_.memory_mb),
                                      "--max-cpu-seconds",
                                      std::to_string(limits_.seconds),
                                      "--max-document-bytes",
                                      std::to_string(max_text_bytes),
                                      file.string()};
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program_.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw Error("cannot start " + program_.string() + ": " + std::strerror(spawned));
  out.close_end(1);
  err.close_end(1);

  // What it writes is bounded: the text it keeps, its metadata, and a line of error.
  // (A Word document's text is cut only after: up to its 32 MB of XML.)
  const std::size_t max_out = std::min<std::size_t>(max_text_bytes, 64u << 20) + (40u << 20);
  const std::size_t max_err = 4096;
  std::string data, said;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(2 * limits_.seconds);
  std::string killed;  // why it was stopped
  for (int open = 2; open > 0;) {
    std::array<pollfd, 2> fds{pollfd{out.fds[0], POLLIN, 0}, pollfd{err.fds[0], POLLIN, 0}};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || poll(fds.data(), fds.size(), static_cast<int>(left.count())) == 0) {
      kill(pid, SIGKILL);  // past the time: a reader stuck waiting uses no CPU
      killed = "reading it took more than " + std::to_string(2 * limits_.seconds) + " s: skipped";
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buffer[65536];
      const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
      std::string& into = i == 0 ? data : said;
      if (got > 0 && into.size() < (i == 0 ? max_out : max_err)) into.append(buffer, got);
      if (got == 0 || (got < 0 && errno != EINTR)) {
        (i == 0 ? out : err).close_end(0);
        --open;
      }
    }
    if (data.size() >= max_out) {
      kill(pid, SIGKILL);
      killed = "its reader wrote more than " + std::to_string(max_out >> 20) + " MB: skipped";
      break;
    }
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
  if (!killed.empty()) throw BadInput(killed);
  if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0))
    throw BadInput(why_failed(status, said, limits_));
  try {
    return StoredDocument::from_data(data);
  } catch (const Error&) {
    throw BadInput("its reader wrote what is not a document");
  }
}

}  // namespace opslag
