// The access log: JSON lines, one per request.
#include "server/http/access_log.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "schema/errors.h"

namespace opslag {

AccessLog::AccessLog(const std::string& path, std::size_t queue_lines)
    : fd_(path == "-" ? STDOUT_FILENO
                      : open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644)),
      owned_(path != "-"),
      capacity_(queue_lines) {
  if (fd_ < 0) throw Error("cannot open the access log " + path + ": " + std::strerror(errno));
  writer_ = std::thread([this] { write_queued(); });
}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_all();
  writer_.join();
  if (owned_) close(fd_);
}

namespace {

/// Now as ISO 8601 in UTC with milliseconds: 2026-12-01T18:34:46.123Z.
std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[24];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(millis));
  return std::string(text) + fraction;
}

/// The query string as the client sent it (the target after '?'), or "".
std::string query_of(const httplib::Request& req) {
  const std::size_t q = req.target.find('?');
  return q == std::string::npos ? "" : req.target.substr(q + 1);
}

}  // namespace

std::string AccessLog::line(const httplib::Request& req, const httplib::Response& res,
                            double milliseconds) {
  nlohmann::json j = {{"time", utc_now()},        {"remote", req.remote_addr},
                      {"method", req.method},     {"path", req.path},
                      {"query", query_of(req)},   {"status", res.status},
                      {"bytes", res.body.size()}, {"ms", std::round(milliseconds * 1000) / 1000}};
  if (res.status >= 400) {
    // Every error of the API is {"error": "..."}: its message is the cause to log.
    const auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_string())
      j["error"] = body["error"];
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void AccessLog::write(const httplib::Request& req, const httplib::Response& res,
                      double milliseconds) {
  std::string text = line(req, res, milliseconds) + '\n';
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= capacity_) {
      ++dropped_;
      return;
    }
    queue_.push_back(std::move(text));
  }
  queued_.notify_one();
}

void AccessLog::write_queued() {
  std::unique_lock lock(mutex_);
  while (true) {
    queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and all written
    std::deque<std::string> batch;
    batch.swap(queue_);
    lock.unlock();
    std::string text;
    for (const std::string& line : batch) text += line;
    const bool written = write_out(text);
    lock.lock();
    if (!written) {
      dropped_ += queue_.size();
      queue_.clear();
      if (stopping_) return;
    }
  }
}

bool AccessLog::write_out(const std::string& text) {
  std::size_t done = 0;
  std::chrono::steady_clock::time_point give_up = std::chrono::steady_clock::time_point::max();
  while (done < text.size()) {
    pollfd p{fd_, POLLOUT, 0};
    if (poll(&p, 1, 250) <= 0) {
      bool stopping = false;
      {
        std::lock_guard lock(mutex_);
        stopping = stopping_;
      }
      const auto now = std::chrono::steady_clock::now();
      if (stopping && give_up == std::chrono::steady_clock::time_point::max())
        give_up = now + std::chrono::seconds(2);
      if (now >= give_up) return false;
      continue;
    }
    // At most PIPE_BUF at once: a pipe that polled writable takes that much without blocking.
    const std::size_t size = std::min<std::size_t>(text.size() - done, PIPE_BUF);
    const ssize_t n = ::write(fd_, text.data() + done, size);
    if (n < 0 && errno != EINTR && errno != EAGAIN) return false;
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace opslag
