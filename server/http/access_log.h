// Writes one JSON line per answered request: the access log, with the cause of every error.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace opslag {

/// The server's log: one JSON object a line for each request answered — time, client, method,
/// path, query, status, bytes, milliseconds and, for an error, its message. Answering never
/// waits for it: write() queues the line, a thread of its own writes the queue out whole lines
/// at a time, and when the queue is full (the file or pipe does not take them: a stalled
/// reader, a full disk) a line is dropped and counted instead. Thread-safe.
class AccessLog {
 public:
  /// Lines queued at most before write() drops them.
  static constexpr std::size_t kQueueLines = 10000;

  /// Appends to `path`, or writes to standard output when `path` is "-". Throws opslag::Error
  /// naming the file if it cannot be opened.
  explicit AccessLog(const std::string& path, std::size_t queue_lines = kQueueLines);
  /// Writes what is queued, giving up after two seconds if the output takes nothing.
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  /// Logs the answer `res` to `req`, which took `milliseconds`, or drops the line if the queue
  /// is full. Never blocks on the output.
  void write(const httplib::Request& req, const httplib::Response& res, double milliseconds);

  /// Lines dropped so far because the output did not keep up.
  [[nodiscard]] unsigned long dropped() const { return dropped_; }

  /// The line write() logs, without its newline.
  [[nodiscard]] static std::string line(const httplib::Request& req, const httplib::Response& res,
                                        double milliseconds);

 private:
  void write_queued();
  /// Writes `text` to the output, waiting while it takes nothing; false if it failed, or took
  /// nothing until the deadline after stopping began.
  bool write_out(const std::string& text);

  const int fd_;
  const bool owned_;
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<std::string> queue_;
  bool stopping_ = false;
  std::atomic<unsigned long> dropped_{0};
  std::thread writer_;
};

}  // namespace opslag
