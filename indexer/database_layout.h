// Where a database's parts live on disk: one Xapian database, or shards under a stub file with a
// lexicon beside them; and opening one to write with errors that say why it cannot be.
#pragma once

#include <xapian.h>

#include <filesystem>

namespace opslag {

/// The stub file in a sharded database's folder, listing "shard-0", "shard-1" ..., which Xapian
/// opens as one database.
inline constexpr const char* kShardStub = "XAPIANDB";

/// How many shards the database at `dir` has: 0 when it is not there yet, 1 when it is one
/// database, N when a stub lists N shards.
[[nodiscard]] int shards_at(const std::filesystem::path& dir);

/// The folder of shard `i` of `count` in the database at `dir` (the database itself when one).
[[nodiscard]] std::filesystem::path shard_path(const std::filesystem::path& dir, int i, int count);

/// Throws BadInput when the database at `dir` is not there and neither is the folder that is to
/// hold it: Xapian makes a database's own folder, not the ones above it ("mkdir failed").
void check_parent_folder(const std::filesystem::path& dir);

/// Opens the database at `path` to write with Xapian's `flags`, taking its lock; throws Error
/// saying why it cannot (locked by another writer, read-only, damaged).
[[nodiscard]] Xapian::WritableDatabase open_writable(const std::filesystem::path& path, int flags);

}  // namespace opslag
