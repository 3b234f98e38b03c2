// Brings a Xapian database in line with a set of files: adds, replaces, deletes, one commit.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "danish_analyzer.h"
#include "schema.h"

namespace opslag {

/// What one indexing run did.
struct IndexSummary {
  int added = 0;
  int updated = 0;
  int deleted = 0;
  int unchanged = 0;
  int failed = 0;
  double seconds = 0;

  /// One line: "added 3, updated 1, deleted 0, unchanged 40, failed 0 in 0.52 s (7.7 documents/s)".
  [[nodiscard]] std::string to_string() const;
};

/// Makes the database at `db_dir` mirror the files under the paths given to run(): new and
/// changed files (by content hash) are (re)indexed, files gone since the last run deleted,
/// unchanged files left untouched. Everything happens in one Xapian transaction, so searchers
/// see the old revision until the new one is complete, and an interrupted run changes nothing.
class IndexUpdater {
 public:
  /// `errors` receives one line per file that fails ("FILE: reason").
  IndexUpdater(const Schema& schema, const DanishAnalyzer& analyzer, std::filesystem::path db_dir,
               std::ostream& errors);

  /// Indexes `paths` (files, or folders read recursively for .txt, .md and .html files).
  /// A file that fails is reported and keeps its previous version in the index. Document
  /// ids are paths relative to the folder given (a file given alone: its name).
  /// Throws opslag::Error if the database cannot be opened or written (for example while
  /// another opslag-index holds its lock); the database is then left as it was.
  IndexSummary run(const std::vector<std::filesystem::path>& paths);

 private:
  struct Source {
    std::filesystem::path file;
    std::string id;
  };
  [[nodiscard]] std::vector<Source> collect(const std::vector<std::filesystem::path>& paths,
                                            IndexSummary& summary) const;

  const Schema& schema_;
  const DanishAnalyzer& analyzer_;
  std::filesystem::path db_dir_;
  std::ostream& errors_;
};

}  // namespace opslag
