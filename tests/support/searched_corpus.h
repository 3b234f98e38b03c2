// A corpus written by a test, indexed into a temporary database and searched: the fixture of
// the search tests that need their own few documents.
#pragma once

#include <algorithm>
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

  /// The ids of the first page of hits for `query`, in id order.
  [[nodiscard]] std::vector<std::string> sorted_ids(const std::string& query) const {
    std::vector<std::string> out = ids(query);
    std::sort(out.begin(), out.end());
    return out;
  }

  /// What the first expansion of `kind` in `result` added ("" if none).
  [[nodiscard]] static std::string added(const SearchResult& result, const std::string& kind) {
    for (const Expansion& e : result.expansions)
      if (e.kind == kind) return e.to;
    return {};
  }

  /// The snippet of the hit `id` in `result`, its matches in [brackets] ("" if not a hit).
  [[nodiscard]] static std::string marked_snippet(const SearchResult& result,
                                                  const std::string& id) {
    for (const Hit& hit : result.hits)
      if (hit.doc.id == id) return hit.snippet.with_marks("[", "]");
    return {};
  }

  [[nodiscard]] const std::filesystem::path& path() const { return corpus_.path(); }
  [[nodiscard]] std::string db_path() const { return (data_.path() / "db").string(); }

 private:
  DanishAnalyzer analyzer_{project_schema()};
  TempDir corpus_;
  TempDir data_;
};

}  // namespace opslag::testing
