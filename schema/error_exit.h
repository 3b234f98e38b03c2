// The last net of every executable: what reached `main` becomes one line on stderr and an exit
// status, never std::terminate (Xapian::Error is not a std::exception).
#pragma once

#include <xapian.h>

#include <exception>
#include <iostream>
#include <string>
#include <string_view>

namespace opslag {

/// Call from a `catch` block: the message of the exception being handled. A Xapian::Error gives
/// its type, message, context and errno text (Xapian::Error::get_description:
/// "DatabaseCorruptError: ... (context: ...)").
[[nodiscard]] inline std::string current_exception_message() {
  try {
    throw;
  } catch (const Xapian::Error& e) {
    return e.get_description();
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

/// Call from `catch (...)` at the end of `main`: prints "program: message" for the exception
/// being handled (current_exception_message()) and returns `status`.
[[nodiscard]] inline int exit_status_of_exception(std::string_view program, int status) noexcept {
  try {
    std::cerr << program << ": " << current_exception_message() << '\n';
  } catch (...) {  // no memory for the message: the status still says it failed
  }
  return status;
}

}  // namespace opslag
