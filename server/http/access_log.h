// Writes one JSON line per answered request: the access log, with the cause of every error.
#pragma once

#include <httplib.h>

#include <cstdio>
#include <mutex>
#include <string>

namespace opslag {

/// The server's log: one JSON object a line for each request answered — time, client, method,
/// path, query, status, bytes, milliseconds and, for an error, its message — written whole and
/// flushed, so lines from many threads never mix and `tail -f` shows each at once.
/// Thread-safe.
class AccessLog {
 public:
  /// Appends to `path`, or writes to standard output when `path` is "-". Throws opslag::Error
  /// naming the file if it cannot be opened.
  explicit AccessLog(const std::string& path);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  /// Logs the answer `res` to `req`, which took `milliseconds`.
  void write(const httplib::Request& req, const httplib::Response& res, double milliseconds);

  /// The line write() logs, without its newline.
  [[nodiscard]] static std::string line(const httplib::Request& req, const httplib::Response& res,
                                        double milliseconds);

 private:
  std::mutex mutex_;
  std::FILE* out_;
  bool owned_;
};

}  // namespace opslag
