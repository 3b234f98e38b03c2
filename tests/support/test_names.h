// Readable names for parameterised tests, made from their input.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace opslag::testing {

/// `text` as a GoogleTest name: letters and digits kept, every other run of bytes one "_".
inline std::string test_name(std::string_view text) {
  std::string name;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      name += c;
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name.empty() ? "empty" : name;
}

}  // namespace opslag::testing
