// Builds the JSON of GET /admin/stats.
#include "server/http/admin_stats.h"

#include <ctime>

namespace opslag {

nlohmann::json admin_stats_json(const IndexStatus& status,
                                const std::vector<std::string>& databases, const Limits& limits,
                                const TransportLimits& transport) {
  nlohmann::json indexed_at;  // null when no run recorded it
  if (status.indexed_at > 0) {
    const std::time_t seconds = static_cast<std::time_t>(status.indexed_at);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    indexed_at = text;
  }
  return {{"databases", databases},
          {"documents", status.documents},
          {"revision", status.shards == 1 ? nlohmann::json(status.revision) : nlohmann::json()},
          {"shards", status.shards},
          {"indexed_at", indexed_at},
          {"reopens", status.reopens},
          {"limits",
           {{"max_query_bytes", limits.max_query_bytes},
            {"max_query_words", limits.max_query_words},
            {"max_wildcard_terms", limits.max_wildcard_terms},
            {"max_page_size", limits.max_page_size},
            {"max_result_depth", limits.max_result_depth},
            {"max_request_line", transport.max_request_line},
            {"max_header_bytes", transport.max_header_bytes},
            {"max_header_count", transport.max_header_count},
            {"max_connections", transport.max_connections},
            {"max_connections_per_client", transport.max_connections_per_client},
            {"header_timeout_ms", transport.header_timeout_ms},
            {"idle_timeout_s", transport.idle_timeout_s},
            {"request_timeout_ms", limits.request_timeout_ms},
            {"exact_matches", limits.exact_matches}}}};
}

}  // namespace opslag
