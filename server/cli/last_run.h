// What opslag-search --new-since-last-run remembers of a search between runs.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "server/engine/search_request.h"

namespace opslag {

/// The first-indexed time of the newest document a search printed last time, kept in a file of
/// its own per search, so a cron job prints only what arrived since.
class LastRun {
 public:
  /// The file for `request`'s search (its query and filters) over `databases`:
  /// "$XDG_STATE_HOME/opslag/new-since-HASH", else "$HOME/.local/state/opslag/new-since-HASH".
  /// Throws BadInput when neither variable is set (--last-run-file names one then).
  [[nodiscard]] static std::filesystem::path default_file(const SearchRequest& request,
                                                          const std::vector<std::string>& databases,
                                                          const char* xdg_state_home,
                                                          const char* home);

  explicit LastRun(std::filesystem::path file) : file_(std::move(file)) {}

  /// The stamp kept, or "" before the first run. Throws BadInput naming the file when it
  /// cannot be read or does not hold a stamp.
  [[nodiscard]] std::string read() const;

  /// Keeps `stamp` for the next run: written beside and renamed over, so an interrupted run
  /// leaves the last one. Makes the folder. Throws Error naming the file when it cannot.
  void write(std::string_view stamp) const;

  [[nodiscard]] const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

}  // namespace opslag
