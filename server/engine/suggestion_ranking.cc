// Ranks suggested words by document count and bounds what suggestions read of the index.
#include "server/engine/suggestion_ranking.h"

#include <algorithm>

namespace opslag {

bool ranks_before(const WordCount& a, const WordCount& b) {
  return a.documents != b.documents ? a.documents > b.documents : a.word < b.word;
}

void keep_best(std::vector<WordCount>& words, std::size_t size) {
  const std::size_t n = std::min(size, words.size());
  std::partial_sort(words.begin(), words.begin() + static_cast<long>(n), words.end(), ranks_before);
  words.resize(n);
}

bool worth_suggesting(const DanishAnalyzer& analyzer, std::string_view word) {
  // A possessive ("nemid's", indexed whole beside "nemid") would only repeat its word.
  return !analyzer.is_stopword(word) && word.find('\'') == std::string_view::npos &&
         word.find("\u2019") == std::string_view::npos;
}

std::vector<WordCount> terms_beginning(const Xapian::Database& db, const std::string& prefix,
                                       const std::function<bool(std::string_view)>& keep) {
  std::vector<WordCount> out;
  std::size_t scanned = 0;
  for (auto t = db.allterms_begin(prefix);
       t != db.allterms_end(prefix) && scanned < kMaxScannedTerms; ++t, ++scanned) {
    std::string term = *t;
    if (keep(term)) out.push_back({std::move(term), t.get_termfreq()});
  }
  return out;
}

Xapian::Enquire enquire_all_of(const Xapian::Database& db, const std::vector<Xapian::Query>& all_of,
                               Xapian::doccount rarest) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, all_of.begin(), all_of.end()));
  if (rarest <= kMaxRankedPostings) {
    enquire.set_weighting_scheme(Xapian::BM25Weight());
  } else {
    enquire.set_weighting_scheme(Xapian::BoolWeight());
  }
  return enquire;
}

}  // namespace opslag
