// Builds SearchRequests in tests without spelling out every field.
#pragma once

#include <string>
#include <utility>

#include "server/engine/searcher.h"

namespace opslag::testing {

/// A request for `query`, page `page` of `size` hits, no filters.
inline SearchRequest request(std::string query, int page = 1, int size = 10) {
  SearchRequest r;
  r.query = std::move(query);
  r.page = page;
  r.size = size;
  return r;
}

}  // namespace opslag::testing
