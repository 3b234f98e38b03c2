// What an expected exception says, for tests that check the message names what was wrong.
#pragma once

#include <string>

namespace opslag::testing {

/// The what() of the `E` that `f()` throws, or "" when it throws nothing (an exception of another
/// type passes through and fails the test).
template <class E, class F>
std::string thrown_message(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "";
}

}  // namespace opslag::testing
