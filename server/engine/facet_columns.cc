// Each document's facet values held in memory by document id, loaded once per revision.
#include "server/engine/facet_columns.h"

#include <stdexcept>
#include <unordered_map>

namespace opslag {

FacetColumns::FacetColumns(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots) {
  if (db.size() != 1) throw std::logic_error("FacetColumns: one database, not shards");
  revision_ = db.get_revision();
  uuid_ = db.get_uuid();
  const std::size_t ids = static_cast<std::size_t>(db.get_lastdocid()) + 1;
  for (const Xapian::valueno slot : slots) {
    std::vector<std::uint32_t>& column = columns_.emplace_back(ids, 0);
    std::vector<std::string>& values = values_.emplace_back();
    std::unordered_map<std::string, std::uint32_t> numbered;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      std::string value = *it;
      if (value.empty()) continue;
      const auto [at, fresh] =
          numbered.try_emplace(value, static_cast<std::uint32_t>(values.size() + 1));
      if (fresh) values.push_back(std::move(value));
      if (it.get_docid() < ids) column[it.get_docid()] = at->second;
    }
  }
}

std::size_t FacetColumns::memory_bytes() const {
  std::size_t bytes = 0;
  for (const auto& column : columns_) bytes += column.capacity() * sizeof(std::uint32_t);
  for (const auto& values : values_)
    for (const std::string& v : values) bytes += sizeof(std::string) + v.capacity();
  return bytes;
}

}  // namespace opslag
