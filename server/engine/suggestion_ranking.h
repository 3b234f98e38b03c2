// How suggestions are ranked in bounded time: words by how many documents hold them, documents
// by BM25 unless their words are too frequent to rank in a keystroke.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/analysis/danish_analyzer.h"

namespace opslag {

/// An indexed word (or term) and how many documents hold it.
struct WordCount {
  std::string word;
  Xapian::doccount documents = 0;
};

/// Whether `a` ranks before `b`: in more documents first, then alphabetically (so "nemid"
/// before "nemidkort" when both are equally frequent).
[[nodiscard]] bool ranks_before(const WordCount& a, const WordCount& b);

/// Sorts `words` best first (ranks_before) and cuts them to `size`.
void keep_best(std::vector<WordCount>& words, std::size_t size);

/// Whether the word term `word` is worth suggesting: no stop word of `analyzer`, no possessive.
[[nodiscard]] bool worth_suggesting(const DanishAnalyzer& analyzer, std::string_view word);

/// A prefix reads at most this many of the terms it begins.
inline constexpr std::size_t kMaxScannedTerms = 5000;

/// The terms of `db` beginning with `prefix` that `keep` accepts, in term order, each with how
/// many documents hold it. Reads at most kMaxScannedTerms terms, so a prefix that begins very
/// many does not read them all.
[[nodiscard]] std::vector<WordCount> terms_beginning(
    const Xapian::Database& db, const std::string& prefix,
    const std::function<bool(std::string_view)>& keep);

/// Postings a BM25 ranking of enquire_all_of() may read.
inline constexpr Xapian::doccount kMaxRankedPostings = 5000;

/// An Enquire for the documents matching every one of `all_of`, of which the rarest is in
/// `rarest` documents. Ranked by BM25 when that is at most kMaxRankedPostings; else it takes
/// the first documents in index order and stops once it has them: ranking would read every
/// posting of words that frequent, longer than a keystroke may take, and so common a prefix
/// gives little to rank by.
[[nodiscard]] Xapian::Enquire enquire_all_of(const Xapian::Database& db,
                                             const std::vector<Xapian::Query>& all_of,
                                             Xapian::doccount rarest);

}  // namespace opslag
