// A thread that runs the tasks given to it one after another, in order: one shard's writes, so
// the shards of a database are written on every core at once.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace opslag {

/// Runs posted tasks in the order posted, on a thread of its own. At most `capacity` tasks wait:
/// post() blocks while that many do, so memory stays bounded. A task that throws stops the
/// worker; post() and wait() then rethrow what it threw, and later tasks are dropped. The
/// destructor drops what is still queued, lets a running task finish and joins the thread: call
/// wait() first for every task to run.
class SerialWorker {
 public:
  explicit SerialWorker(std::size_t capacity);
  ~SerialWorker();
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;

  /// Queues `task`; rethrows the failure of an earlier one.
  void post(std::function<void()> task);

  /// Returns when every task posted so far has run; rethrows the failure of one. What the tasks
  /// changed is then safe to read from the calling thread.
  void wait();

 private:
  void work();
  void rethrow_failure();  // with mutex_ held

  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> queue_;
  bool running_ = false;  // a task is running (taken off the queue)
  bool stop_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace opslag
