// An in-memory Xapian database built from terms written in the test, for code that reads terms.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace opslag::testing {

/// A database in memory, gone with the object; documents are added as lists of terms.
class MemoryDatabase {
 public:
  MemoryDatabase() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {}

  /// Adds a document holding `terms` (a term given twice is counted twice in its length) and
  /// `data`; returns its id.
  Xapian::docid add(const std::vector<std::string>& terms, const std::string& data = "") {
    Xapian::Document doc;
    for (const std::string& term : terms) doc.add_term(term);
    doc.set_data(data);
    return db_.add_document(doc);
  }

  [[nodiscard]] const Xapian::Database& db() const { return db_; }

 private:
  Xapian::WritableDatabase db_;
};

}  // namespace opslag::testing
