// Each document's facet values held in memory by document id, loaded once per revision.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace opslag {

/// The values a few slots hold, document by document, as small numbers into a table of each
/// slot's distinct values: what Lucene calls doc values. Counting the facets of thousands of
/// matches then reads no disk; looking each match's values up in the database read the slots'
/// whole value streams again for every broad search, a cost that grew with the archive (half a
/// search's time at 130,000 documents). Loaded from one database at one revision, by reading
/// each slot's value stream once; immutable, so shared by every search on that revision.
class FacetColumns {
 public:
  /// Reads `slots` of every document of `db`. Throws std::logic_error if `db` is shards, not one
  /// database, and what Xapian throws reading it.
  FacetColumns(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots);

  /// The number of the value document `did` holds in the `i`th slot given, 0 for none (an
  /// empty value, or a document added after this revision).
  [[nodiscard]] std::uint32_t ordinal(std::size_t i, Xapian::docid did) const {
    const std::vector<std::uint32_t>& column = columns_[i];
    return did < column.size() ? column[did] : 0;
  }
  /// The value numbered `ordinal` (from 1) in the `i`th slot.
  [[nodiscard]] const std::string& value(std::size_t i, std::uint32_t ordinal) const {
    return values_[i][ordinal - 1];
  }
  /// How many distinct values the `i`th slot holds.
  [[nodiscard]] std::size_t distinct(std::size_t i) const { return values_[i].size(); }
  /// The revision and database these are of.
  [[nodiscard]] Xapian::rev revision() const { return revision_; }
  [[nodiscard]] const std::string& uuid() const { return uuid_; }
  /// Bytes the columns and tables take, roughly.
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  std::vector<std::vector<std::uint32_t>> columns_;  // per slot, indexed by document id
  std::vector<std::vector<std::string>> values_;     // per slot, by ordinal - 1
  Xapian::rev revision_ = 0;
  std::string uuid_;
};

}  // namespace opslag
