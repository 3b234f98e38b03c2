// Test helper: what a database holds for one id, read as the server reads it.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>

#include "schema/document_terms.h"
#include "schema/stored_document.h"
#include "tests/support/temp_dir.h"

namespace opslag::testing {

/// The document stored under `id` (its "Q" term) in the database at `db`, or none.
inline std::optional<StoredDocument> stored_in(const std::filesystem::path& db,
                                               const std::string& id) {
  const Xapian::Database database(db.string());
  const std::string term = "Q" + id;
  const Xapian::PostingIterator it = database.postlist_begin(term);
  if (it == database.postlist_end(term)) return std::nullopt;
  return read_stored_document(project_schema(), database.get_document(*it));
}

}  // namespace opslag::testing
