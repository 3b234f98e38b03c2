// What an Opslag executable says of itself (--version) and where it finds the data it is
// installed with (the schema), relative to its own folder: no source path is compiled in.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace opslag {

/// The project's version, and the commit the build was made from where it was built from a git
/// checkout ("0.1.0 (git 4421cd3a8e)"; "+changes" when the checkout had uncommitted changes).
[[nodiscard]] std::string version();

/// `program`'s --version line: "opslag-index 0.1.0 (git 4421cd3a8e)".
[[nodiscard]] std::string version_line(std::string_view program);

/// The folder of the data files (schema.json and the word lists it names) beside the running
/// executable: `share/opslag` of the prefix it is installed in (`bin/../share/opslag`); in the
/// build tree a link to the source's schema/. Empty if the executable's path cannot be read.
[[nodiscard]] std::filesystem::path data_dir();

/// How a --schema option's help names its default (the path differs from one prefix to another,
/// so it is described rather than shown, and a man page made from --help holds for any prefix).
inline constexpr const char* kDefaultSchemaHelp =
    "by default share/opslag/schema.json of the prefix the executable is installed in";

/// data_dir()'s schema.json: the schema every executable uses unless --schema or OPSLAG_SCHEMA
/// names another.
[[nodiscard]] std::string default_schema_file();

}  // namespace opslag
