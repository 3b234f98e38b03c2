// Parses a command line with an executable's options, as its main would, for option tests.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace opslag::testing {

/// `args` (without the program's name) parsed by an app that `add` gave its options; throws
/// CLI::ParseError as CLI11 does.
template <typename Options>
Options parse_options(void (*add)(CLI::App&, Options&), const std::vector<std::string>& args) {
  CLI::App app;
  Options options;
  add(app, options);
  std::vector<const char*> argv = {"program"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  app.parse(static_cast<int>(argv.size()), argv.data());
  return options;
}

}  // namespace opslag::testing
