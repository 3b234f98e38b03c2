// The last net of every executable: what reached `main` becomes one line on stderr and an exit
// status, never std::terminate (Xapian::Error is not a std::exception).
#pragma once

#include <xapian.h>

#include <exception>
#include <iostream>
#include <string_view>

namespace opslag {

/// Call from `catch (...)` at the end of `main`: prints "program: message" for the exception
/// being handled and returns `status`. A Xapian::Error prints its type, message, context and
/// errno text (Xapian::Error::get_description: "DatabaseCorruptError: ... (context: ...)").
[[nodiscard]] inline int exit_status_of_exception(std::string_view program, int status) noexcept {
  std::cerr << program << ": ";
  try {
    throw;
  } catch (const Xapian::Error& e) {
    std::cerr << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << e.what() << '\n';
  } catch (...) {
    std::cerr << "unknown exception\n";
  }
  return status;
}

}  // namespace opslag
