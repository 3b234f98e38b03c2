// Lets every command-line option of an executable also come from the environment and a file.
#pragma once

#include <CLI/CLI.hpp>
#include <cctype>
#include <string>

namespace opslag {

/// Gives every long option `--some-name` of `app` (added before this is called) the
/// environment variable OPSLAG_SOME_NAME, and adds `--config FILE` (or OPSLAG_CONFIG): a TOML
/// or INI file of `some-name = value` lines. A flag given on the command line wins over the
/// environment, which wins over the file. --help lists each variable beside its option.
inline void read_options_from_environment_and_file(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    const auto& names = option->get_lnames();
    if (names.empty() || names[0] == "help" || names[0] == "version" ||
        !option->get_envname().empty())
      continue;
    std::string variable = "OPSLAG_";
    for (const char c : names[0])
      variable += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    option->envname(variable);
  }
  app.set_config("--config", "", "read options from this file (TOML: port = 8080)")
      ->envname("OPSLAG_CONFIG");
}

}  // namespace opslag
