// Counting the values of a few slots (the facets) over the documents a search matches.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "server/engine/facet_columns.h"

namespace opslag {

/// Counts, for each of a few value slots, how many matched documents hold each value, as one
/// Xapian::ValueCountMatchSpy a slot would, in one pass. With the slots' FacetColumns (one
/// database) it counts from memory; without (shards searched as one, whose documents the
/// matcher passes by each shard's own ids) it asks each document for its values. Local
/// databases only: remote shards run only Xapian's own spies.
class FacetSpy : public Xapian::MatchSpy {
 public:
  /// Counts `slots`; `columns`, if given, must hold the same slots in the same order, of the
  /// database searched, and outlive the spy.
  FacetSpy(std::vector<Xapian::valueno> slots, const FacetColumns* columns);

  void operator()(const Xapian::Document& doc, double weight) override;

  /// Documents seen.
  [[nodiscard]] Xapian::doccount total() const { return total_; }
  /// Each value of the `i`th slot given and the documents seen that hold it; empty values are
  /// not counted, as Xapian's spy does not count them.
  [[nodiscard]] std::unordered_map<std::string, Xapian::doccount> counts(std::size_t i) const;

 private:
  std::vector<Xapian::valueno> slots_;
  const FacetColumns* columns_;
  std::vector<std::vector<Xapian::doccount>> by_ordinal_;  // with columns: per slot, by ordinal
  std::vector<std::unordered_map<std::string, Xapian::doccount>> by_value_;  // without
  Xapian::doccount total_ = 0;
};

}  // namespace opslag
