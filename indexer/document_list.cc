// opslag-index --list: the id terms of the index, in order, with each document's date and title.
#include "indexer/document_list.h"

#include <xapian.h>

#include "schema/errors.h"
#include "schema/stored_document.h"

namespace opslag {

std::size_t list_documents(const Schema& schema, const std::filesystem::path& db_dir,
                           std::ostream& out) {
  if (std::error_code ec; !std::filesystem::exists(db_dir, ec))
    throw BadInput(db_dir.string() + ": no such database");
  Xapian::Database db;
  try {
    db = Xapian::Database(db_dir.string());
  } catch (const Xapian::Error& e) {
    throw Error("cannot open database " + db_dir.string() + ": " + e.get_description());
  }
  const std::string& prefix = schema.field("id").prefix;
  std::size_t count = 0;
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    const Xapian::PostingIterator it = db.postlist_begin(*term);
    if (it == db.postlist_end(*term)) continue;
    const StoredDocument doc = StoredDocument::from_data(db.get_document(*it).get_data());
    out << doc.id << '\t' << doc.date << '\t' << doc.title << '\n';
    ++count;
  }
  return count;
}

}  // namespace opslag
