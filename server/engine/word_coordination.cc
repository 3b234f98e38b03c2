// Coordination: at least some of the words, all of them counted twice, phrases apart.
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

bool is_positional(Xapian::Query::op type) {
  return type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR;
}

/// A phrase or NEAR, or one scaled to a weight of its own ("iso27001" as "iso 27001" at half).
bool is_phrase(const Xapian::Query& q) {
  if (is_positional(q.get_type())) return true;
  return q.get_type() == Xapian::Query::OP_SCALE_WEIGHT && q.get_num_subqueries() == 1 &&
         is_positional(q.get_subquery(0).get_type());
}

bool holds_phrase(const Xapian::Query& q) {
  if (is_positional(q.get_type())) return true;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (holds_phrase(q.get_subquery(i))) return true;
  return false;
}

}  // namespace

std::size_t minimum_matching(std::size_t n) {
  return n <= 2 ? std::min<std::size_t>(n, 1) : (2 * n + 4) / 5;
}

std::optional<Xapian::Query> without_phrases(const Xapian::Query& q,
                                             std::vector<Xapian::Query>& phrases) {
  if (is_phrase(q)) {
    phrases.push_back(q);
    return Xapian::Query();
  }
  if (!holds_phrase(q)) return q;
  if (q.get_type() != Xapian::Query::OP_OR) return std::nullopt;
  std::vector<Xapian::Query> kept;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    const auto part = without_phrases(q.get_subquery(i), phrases);
    if (!part) return std::nullopt;
    if (!part->empty()) kept.push_back(*part);
  }
  if (kept.empty()) return Xapian::Query();
  return kept.size() == 1 ? kept[0] : Xapian::Query(Xapian::Query::OP_OR, kept.begin(), kept.end());
}

Xapian::Query coordinated(const CoordinationParts& parts) {
  const std::vector<Xapian::Query>& units = parts.units;
  const Xapian::Query all(Xapian::Query::OP_AND, units.begin(), units.end());
  const std::size_t minimum = minimum_matching(units.size());
  // With a minimum of one the words themselves hold the documents to it: no filter to run.
  Xapian::Query held = parts.words;
  if (minimum > 1) {
    std::vector<Xapian::Query> chosen, enough;
    subsets(units, 0, minimum, chosen, enough);
    held = Xapian::Query(Xapian::Query::OP_FILTER, parts.words,
                         Xapian::Query(Xapian::Query::OP_OR, enough.begin(), enough.end()));
  }
  // The phrases stand beside, in a plain OR: a document with a phrase has its words.
  std::vector<Xapian::Query> ranked{Xapian::Query(Xapian::Query::OP_OR, held, all)};
  ranked.insert(ranked.end(), parts.phrases.begin(), parts.phrases.end());
  return ranked.size() == 1 ? ranked[0]
                            : Xapian::Query(Xapian::Query::OP_OR, ranked.begin(), ranked.end());
}

}  // namespace opslag
