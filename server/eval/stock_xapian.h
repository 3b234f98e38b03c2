// The baseline opslag-relevance compares with: the same documents, indexed and searched the way
// stock Xapian does it with Snowball Danish.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace opslag {

/// The documents of an Opslag database indexed again, in memory, as Xapian's scriptindex does
/// with `--stemmer=danish` and the fields "title : index=S index" and "body : index" (Snowball
/// Danish stems beside the words, no stop words, no compounds, no synonyms), and searched with
/// Xapian's QueryParser as Omega does. search() is const; the object is not thread-safe.
class StockXapian {
 public:
  /// Reads every document stored in `opslag_db`.
  explicit StockXapian(const Xapian::Database& opslag_db);

  /// The ids of the best `size` documents for `query`; none if QueryParser refuses it.
  [[nodiscard]] std::vector<std::string> search(const std::string& query, int size = 10) const;

 private:
  Xapian::WritableDatabase db_;
};

}  // namespace opslag
