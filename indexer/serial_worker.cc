// SerialWorker: a queue of tasks and one thread taking them off it in order.
#include "indexer/serial_worker.h"

namespace opslag {

SerialWorker::SerialWorker(std::size_t capacity)
    : capacity_(capacity), thread_([this] { work(); }) {}

SerialWorker::~SerialWorker() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

void SerialWorker::post(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return failure_ || queue_.size() < capacity_; });
  rethrow_failure();
  queue_.push_back(std::move(task));
  changed_.notify_all();
}

void SerialWorker::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return failure_ || (queue_.empty() && !running_); });
  rethrow_failure();
}

void SerialWorker::rethrow_failure() {
  if (failure_) std::rethrow_exception(failure_);
}

void SerialWorker::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (stop_ || failure_) return;
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    running_ = true;
    lock.unlock();
    std::exception_ptr failed;
    try {
      task();
    } catch (...) {
      failed = std::current_exception();
    }
    lock.lock();
    running_ = false;
    if (failed) {
      failure_ = failed;
      queue_.clear();
    }
    changed_.notify_all();
  }
}

}  // namespace opslag
