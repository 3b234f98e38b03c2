// Runs the built executables from tests, as a user would from a shell.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace opslag::testing {

struct CommandResult {
  int status = -1;
  std::string output;  ///< standard output and standard error together
};

/// Runs `command` in a shell and collects its output and exit status.
inline CommandResult run(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  while (const std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    result.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

/// The path of the built executable `name`.
inline std::string bin(const std::string& name) { return std::string(OPSLAG_BIN_DIR) + "/" + name; }

}  // namespace opslag::testing
