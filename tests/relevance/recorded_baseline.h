// The relevance figures the suites guard, as tests/relevance's baseline files record them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace opslag::testing {

/// tests/relevance in the source tree: the judgments, baselines and real-files.txt.
[[nodiscard]] std::filesystem::path relevance_dir();

/// The figure called `name` in `file` (baseline.txt or real-baseline.txt). Throws Error if the
/// file has none.
[[nodiscard]] double baseline(const std::string& name, const std::string& file = "baseline.txt");

/// The files of `folder` that the real set judges, as real-files.txt names them.
[[nodiscard]] std::vector<std::filesystem::path> real_files(const std::filesystem::path& folder);

}  // namespace opslag::testing
