// Version and installed data folder of an Opslag executable.
#include "schema/program_info.h"

#include "opslag_commit.h"  // generated at every build: OPSLAG_COMMIT

namespace opslag {

std::string version() {
  std::string out = OPSLAG_VERSION;
  if (const std::string_view commit = OPSLAG_COMMIT; !commit.empty())
    out.append(" (git ").append(commit).append(")");
  return out;
}

std::string version_line(std::string_view program) {
  return std::string(program) + " " + version();
}

std::filesystem::path data_dir() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return (self.parent_path() / OPSLAG_DATA_FROM_BIN).lexically_normal();
}

std::string default_schema_file() { return (data_dir() / "schema.json").string(); }

}  // namespace opslag
