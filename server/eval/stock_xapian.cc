// Stock Xapian over the same documents: TermGenerator and QueryParser with Snowball Danish.
#include "server/eval/stock_xapian.h"

#include "schema/stored_document.h"

namespace opslag {

StockXapian::StockXapian(const Xapian::Database& opslag_db)
    : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(Xapian::Stem("danish"));
  for (auto it = opslag_db.postlist_begin(""); it != opslag_db.postlist_end(""); ++it) {
    const StoredDocument doc = StoredDocument::from_data(opslag_db.get_document(*it).get_data());
    Xapian::Document xdoc;
    indexer.set_document(xdoc);
    indexer.index_text(doc.title, 1, "S");
    indexer.index_text(doc.title);
    indexer.increase_termpos();
    indexer.index_text(doc.body);
    xdoc.set_data(doc.id);
    db_.add_document(xdoc);
  }
  db_.commit();
}

std::vector<std::string> StockXapian::search(const std::string& query, int size) const {
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("danish"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_database(db_);
  std::vector<std::string> ids;
  Xapian::Query parsed;
  try {
    parsed = parser.parse_query(query);
  } catch (const Xapian::QueryParserError&) {
    return ids;
  }
  Xapian::Enquire enquire(db_);
  enquire.set_query(parsed);
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(size));
  for (auto m = mset.begin(); m != mset.end(); ++m) ids.push_back(m.get_document().get_data());
  return ids;
}

}  // namespace opslag
