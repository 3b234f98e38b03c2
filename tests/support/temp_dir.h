// Test helpers: a temporary folder removed at the end, file writing, the project's paths.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "schema/schema.h"

namespace opslag::testing {

/// A fresh folder under the system's temp folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `relative` inside the folder (making parent folders); returns its path.
  std::filesystem::path write(const std::string& relative, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

/// All of `file`'s bytes ("" if it cannot be read).
[[nodiscard]] std::string read_file(const std::filesystem::path& file);

/// The project's schema/schema.json, loaded.
[[nodiscard]] const Schema& project_schema();

/// The project's schema without synonyms and compound splitting, for tests of the query
/// syntax alone.
[[nodiscard]] const Schema& syntax_schema();

/// ../shared beside the checkout, where the real documents are; empty if it is not there.
[[nodiscard]] std::filesystem::path shared_dir();

}  // namespace opslag::testing
