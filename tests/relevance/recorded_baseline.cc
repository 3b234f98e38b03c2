// The relevance figures the suites guard, as tests/relevance's baseline files record them.
#include "tests/relevance/recorded_baseline.h"

#include <fstream>

#include "schema/errors.h"

namespace opslag::testing {

namespace fs = std::filesystem;

fs::path relevance_dir() { return fs::path(OPSLAG_SOURCE_DIR) / "tests" / "relevance"; }

double baseline(const std::string& name, const std::string& file) {
  std::ifstream in(relevance_dir() / file);
  for (std::string key; in >> key;) {
    if (key[0] == '#') {
      std::getline(in, key);
      continue;
    }
    double value = 0;
    in >> value;
    if (key == name) return value;
  }
  throw Error(file + " has no " + name);
}

std::vector<fs::path> real_files(const fs::path& folder) {
  std::ifstream in(relevance_dir() / "real-files.txt");
  std::vector<fs::path> files;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') files.push_back(folder / line);
  if (files.empty()) throw Error("real-files.txt names no file");
  return files;
}

}  // namespace opslag::testing
