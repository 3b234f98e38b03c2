// Counting the values of a few slots (the facets) over the documents a search matches.
#include "server/engine/facet_spy.h"

namespace opslag {

FacetSpy::FacetSpy(std::vector<Xapian::valueno> slots, const FacetColumns* columns)
    : slots_(std::move(slots)), columns_(columns) {
  if (columns_) {
    for (std::size_t i = 0; i < slots_.size(); ++i)
      by_ordinal_.emplace_back(columns_->distinct(i) + 1, 0);
  } else {
    by_value_.resize(slots_.size());
  }
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ++total_;
  const Xapian::docid did = doc.get_docid();
  if (columns_) {
    for (std::size_t i = 0; i < by_ordinal_.size(); ++i)
      ++by_ordinal_[i][columns_->ordinal(i, did)];
    return;
  }
  for (std::size_t i = 0; i < slots_.size(); ++i)
    if (std::string value = doc.get_value(slots_[i]); !value.empty())
      ++by_value_[i][std::move(value)];
}

std::unordered_map<std::string, Xapian::doccount> FacetSpy::counts(std::size_t i) const {
  if (!columns_) return by_value_.at(i);
  std::unordered_map<std::string, Xapian::doccount> out;
  const std::vector<Xapian::doccount>& counted = by_ordinal_.at(i);
  for (std::uint32_t ordinal = 1; ordinal < counted.size(); ++ordinal)
    if (counted[ordinal] > 0) out.emplace(columns_->value(i, ordinal), counted[ordinal]);
  return out;
}

}  // namespace opslag
