// Coordination: at least some of the words, all of them counted twice.
#include "server/engine/word_coordination.h"

namespace opslag {
namespace {

/// Appends the AND of every `size`-element subset of `units` (in order, from `from`) to `out`.
void subsets(const std::vector<Xapian::Query>& units, std::size_t from, std::size_t size,
             std::vector<Xapian::Query>& chosen, std::vector<Xapian::Query>& out) {
  if (chosen.size() == size) {
    out.emplace_back(Xapian::Query::OP_AND, chosen.begin(), chosen.end());
    return;
  }
  for (std::size_t i = from; i + (size - chosen.size()) <= units.size(); ++i) {
    chosen.push_back(units[i]);
    subsets(units, i + 1, size, chosen, out);
    chosen.pop_back();
  }
}

/// `q` with every phrase and NEAR made an AND of its words, and weights left unscaled: what
/// "holds the words" means for coordination. Xapian 1.4 gives a phrase that also stands in
/// another part of the query different weights in one database and in shards searched as one
/// (ShardsTest), so the coordination parts hold no phrase.
Xapian::Query positionless(const Xapian::Query& q) {
  const Xapian::Query::op type = q.get_type();
  const std::size_t n = q.get_num_subqueries();
  if (n == 0) return q;  // a term, a wildcard, a posting source
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < n; ++i) parts.push_back(positionless(q.get_subquery(i)));
  switch (type) {
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
      return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    case Xapian::Query::OP_SCALE_WEIGHT:
      return parts[0];
    default:
      return Xapian::Query(type, parts.begin(), parts.end());
  }
}

/// `q` with each phrase (and NEAR) in it made a zero-weight AND of its words, the phrases
/// themselves appended to `phrases`. Xapian 1.4 searching shards as one weighs a phrase under
/// an AND or FILTER as if it matched wherever its words do (ShardsTest); a phrase on the
/// optional side of AND_MAYBE is checked properly. A scaled part is kept as it is (its scale
/// cannot be read back): phrases are never scaled here.
Xapian::Query without_phrases(const Xapian::Query& q, std::vector<Xapian::Query>& phrases) {
  const Xapian::Query::op type = q.get_type();
  const std::size_t n = q.get_num_subqueries();
  if (n == 0 || type == Xapian::Query::OP_SCALE_WEIGHT) return q;
  if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) {
    phrases.push_back(q);
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, positionless(q), 0.0);
  }
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < n; ++i) parts.push_back(without_phrases(q.get_subquery(i), phrases));
  return Xapian::Query(type, parts.begin(), parts.end());
}

}  // namespace

std::size_t minimum_matching(std::size_t n) { return n <= 2 ? std::min<std::size_t>(n, 1) : (3 * n + 4) / 5; }

Xapian::Query coordinated(const Xapian::Query& ranked,
                          const std::vector<Xapian::Query>& input_units) {
  const std::size_t n = input_units.size();
  if (n < 2 || n > kMaxCoordinatedClauses) return ranked;
  std::vector<Xapian::Query> units;
  for (const Xapian::Query& u : input_units) units.push_back(positionless(u));
  const Xapian::Query all(Xapian::Query::OP_AND, units.begin(), units.end());
  std::vector<Xapian::Query> chosen, enough;
  subsets(units, 0, minimum_matching(n), chosen, enough);
  // The phrases and the bonus for every word, where a document has them.
  std::vector<Xapian::Query> optional{all};
  const Xapian::Query held(Xapian::Query::OP_FILTER, without_phrases(ranked, optional),
                           Xapian::Query(Xapian::Query::OP_OR, enough.begin(), enough.end()));
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, held,
                       Xapian::Query(Xapian::Query::OP_OR, optional.begin(), optional.end()));
}

}  // namespace opslag
