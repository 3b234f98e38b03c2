// Runs test code on a thread with a small stack, so input nested deeply enough to overflow code
// that recurses once per level fails the test quickly and surely, not only at huge depths.
#pragma once

#include <pthread.h>

#include <cstddef>
#include <exception>
#include <functional>
#include <stdexcept>

namespace opslag::testing {

/// Calls `work` on a fresh thread whose stack is `bytes` long and waits for it. An exception
/// from `work` is rethrown here.
inline void run_with_stack(std::size_t bytes, const std::function<void()>& work) {
  struct Call {
    const std::function<void()>& work;
    std::exception_ptr error;
  } call{work, nullptr};
  const auto run = [](void* arg) -> void* {
    auto* c = static_cast<Call*>(arg);
    try {
      c->work();
    } catch (...) {
      c->error = std::current_exception();
    }
    return nullptr;
  };
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, bytes);
  pthread_t thread;
  const int failed = pthread_create(&thread, &attributes, run, &call);
  pthread_attr_destroy(&attributes);
  if (failed) throw std::runtime_error("cannot start a thread");
  pthread_join(thread, nullptr);
  if (call.error) std::rethrow_exception(call.error);
}

/// A stack of 1 MB: room for any reader that does not recurse per level of its input.
inline constexpr std::size_t kSmallStack = std::size_t{1} << 20;

}  // namespace opslag::testing
