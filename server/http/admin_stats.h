// The answer of GET /admin/stats: what the server serves, how fresh it is, and its limits.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/engine/request_limits.h"
#include "server/engine/searcher.h"
#include "server/http/transport_limits.h"

namespace opslag {

/// {databases, documents, revision, shards, indexed_at (ISO 8601 or null), reopens, limits}
[[nodiscard]] nlohmann::json admin_stats_json(const IndexStatus& status,
                                              const std::vector<std::string>& databases,
                                              const Limits& limits,
                                              const TransportLimits& transport);

}  // namespace opslag
