// Test helpers: temporary folders and the project's paths.
#include "tests/support/temp_dir.h"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace opslag::testing {

TempDir::TempDir() {
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = std::filesystem::temp_directory_path() /
                     ("opslag-test-" + std::to_string(random()) + std::to_string(random()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot make a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ignored;  // a test that made a file unreadable must not fail the clean-up
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path TempDir::write(const std::string& relative, std::string_view content) const {
  const std::filesystem::path file = path_ / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return file;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const Schema& project_schema() {
  static const Schema schema =
      Schema::load(std::filesystem::path(OPSLAG_SOURCE_DIR) / "schema" / "schema.json");
  return schema;
}

const Schema& syntax_schema() {
  static const Schema schema = [] {
    const auto dir = std::filesystem::path(OPSLAG_SOURCE_DIR) / "schema";
    std::ifstream in(dir / "schema.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    const auto erase = [&](const std::string& from, const std::string& to) {
      const auto begin = text.find(from);
      text.erase(begin, text.find(to, begin) + to.size() - begin);
    };
    erase("\"synonyms\":", ",");
    erase("\"compounds\":", "},");
    return Schema::parse(text, "schema.json", dir);
  }();
  return schema;
}

std::filesystem::path shared_dir() {
  const std::filesystem::path shared(OPSLAG_SHARED_DIR);
  return std::filesystem::is_directory(shared) ? shared : std::filesystem::path();
}

}  // namespace opslag::testing
