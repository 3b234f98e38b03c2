// How many of a query's words a document must hold, and that documents with all rank higher.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace opslag {

/// How many of `n` side-by-side clauses a document must match: one of one or two, then two in
/// five, rounded up (2 of 3, 4 or 5; 3 of 6 or 7; 4 of 8). So a question about something else
/// entirely ("opskrift på æblekage med kanel") no longer brings the documents that share one
/// common word with it, while a document may lack words of a longer query. Chosen on the real
/// judged set (tests/relevance/REAL-SET.md, with all words counted twice): any word (as
/// before) nDCG@10 0.652; two in five 0.717 (topical 0.666); half 0.720 (topical 0.658);
/// three in five 0.721 (topical 0.628, junk 0.889): stricter helps junk queries and hurts
/// broad needs, and two in five is the strictest that keeps every category at least where it
/// was.
[[nodiscard]] std::size_t minimum_matching(std::size_t n);

/// Clauses beyond this many are not coordinated (every subset of the minimum would be
/// searched): such a query matches by any of its clauses.
constexpr std::size_t kMaxCoordinatedClauses = 8;

/// Fewer clauses than this are not coordinated: a single word is its own minimum. Two words are
/// (one of them is enough, both count twice): on the real set nDCG@10 0.779 -> 0.786, compound
/// needs 0.699 -> 0.726 ("digitale tegnebøger", "ai-assistent til borgerne": a speech saying
/// "borgerne" twenty times no longer outranks the section that has both words). Kept apart from
/// AND_MAYBE (see coordinated()), two common words cost what they did before.
constexpr std::size_t kMinCoordinatedClauses = 2;

/// `q` without its phrases (and NEARs, each maybe scaled to a weight of its own), the phrases
/// appended to `phrases`: an OR loses the phrase among its alternatives; an empty query if
/// nothing is left; nullopt if a phrase cannot be taken out (under an AND, or another operator).
/// Xapian 1.4 weighs a phrase differently in one database and in shards searched as one when it
/// stands under an AND or a FILTER, or shares its terms with another part of the query
/// (ShardsTest): coordination keeps phrases apart.
[[nodiscard]] std::optional<Xapian::Query> without_phrases(const Xapian::Query& q,
                                                           std::vector<Xapian::Query>& phrases);

/// The parts of side-by-side clauses, phrases apart, that coordinated() puts together.
struct CoordinationParts {
  /// What scores a document by its words: the clauses and synonyms without their phrases.
  Xapian::Query words;
  /// One query a clause (with its synonyms), no phrase in it: a document must match enough.
  std::vector<Xapian::Query> units;
  /// The phrases: the bonus for words side by side, phrase synonyms and joined forms.
  std::vector<Xapian::Query> phrases;
};

/// `parts.words` held to documents that match at least minimum_matching(units) of
/// `parts.units`; a document matching all of them gains their weight once more (the
/// coordination of Lucene's classic similarity), and one with a phrase its weight: the phrases
/// stand beside in a plain OR, where Xapian weighs them alike in one database and in shards.
/// The bonus for all the units stands in an OR too, not under AND_MAYBE: the same documents and
/// weights, but Xapian can then skip the documents that lack a word once they cannot reach the
/// top (AND_MAYBE made "konkret forslag", 30,000 matches, take 54 ms instead of 4).
[[nodiscard]] Xapian::Query coordinated(const CoordinationParts& parts);

}  // namespace opslag
