// What an index holds, a line a document, for `opslag-index --list`.
#pragma once

#include <cstddef>
#include <filesystem>
#include <ostream>

#include "schema/schema.h"

namespace opslag {

/// Writes a line for each document of the index at `db_dir` (one database or a folder of
/// shards) to `out`: id, date and title, separated by tabs, ordered by id. Returns how many.
/// Throws BadInput if there is no database there, opslag::Error if it cannot be read.
std::size_t list_documents(const Schema& schema, const std::filesystem::path& db_dir,
                           std::ostream& out);

}  // namespace opslag
