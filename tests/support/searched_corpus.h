// A corpus written by a test, indexed into a temporary database and searched: the fixture of
// the search tests that need their own few documents.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/index_updater.h"
#include "server/engine/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_request.h"

namespace opslag::testing {

/// Files written with write() (or copied into path()) become searchable after index().
class SearchedCorpus {
 public:
  void write(const std::string& name, const std::string& content) { corpus_.write(name, content); }

  /// Brings the database in line with the corpus folder (files removed are deleted).
  void index() {
    std::ostringstream errors;
    IndexUpdater(project_schema(), analyzer_, db_path(), errors).run({corpus_.path()});
  }

  [[nodiscard]] SearchResult search(const std::string& query) const {
    return Searcher(project_schema(), analyzer_, db_path()).search(request(query));
  }

  /// The ids of the first page of hits for `query`, best first.
  [[nodiscard]] std::vector<std::string> ids(const std::string& query) const {
    std::vector<std::string> out;
    for (const Hit& hit : search(query).hits) out.push_back(hit.doc.id);
    return out;
  }

  [[nodiscard]] const std::filesystem::path& path() const { return corpus_.path(); }
  [[nodiscard]] std::string db_path() const { return (data_.path() / "db").string(); }

 private:
  DanishAnalyzer analyzer_{project_schema()};
  TempDir corpus_;
  TempDir data_;
};

}  // namespace opslag::testing
