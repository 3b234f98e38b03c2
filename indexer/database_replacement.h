// Puts a database built beside the live one in its place in one step, for opslag-index
// --rebuild: what Elasticsearch's alias swap does, with a directory exchange.
#pragma once

#include <cstddef>
#include <filesystem>

#include "schema/schema.h"

namespace opslag {

/// How the documents of a new build differ from the live database's, by id.
struct IdChanges {
  std::size_t added = 0;  ///< in the new build only
  std::size_t kept = 0;   ///< in both
  std::size_t gone = 0;   ///< in the live database only
  std::size_t live = 0;   ///< in the live database
};

/// Throws BadInput when the folder `live` holds anything that is not part of a database
/// (Xapian's files, shard and lexicon folders, a stub): replacing the folder would remove it.
/// A folder that does not exist may be replaced.
void check_replaceable(const std::filesystem::path& live);

/// The ids of the database at `built` against those of `live` (none when it does not exist).
[[nodiscard]] IdChanges compare_ids(const Schema& schema, const std::filesystem::path& live,
                                    const std::filesystem::path& built);

/// Puts the folder `built` where `live` is in one atomic step (renameat2 RENAME_EXCHANGE, so
/// the path never names nothing), then removes the old database, which is then at `built`.
/// Where the file system cannot exchange folders, two renames leave a moment without one.
/// Throws Error when neither works; the live database is then as it was.
void replace_database(const std::filesystem::path& live, const std::filesystem::path& built);

}  // namespace opslag
