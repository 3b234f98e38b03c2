// Tests the answer of GET /admin/stats built from the index's status and the limits.
#include "server/http/admin_stats.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

TEST(AdminStatsTest, GivesTheIndexingTimeInUtc) {
  IndexStatus status{.documents = 1, .indexed_at = 1480550400};  // 2016-12-01 00:00:00 UTC
  const nlohmann::json j = admin_stats_json(status, {"data/opslag.db"}, Limits{}, {});
  EXPECT_EQ(j["indexed_at"], "2016-12-01T00:00:00Z");
  EXPECT_EQ(j["databases"], nlohmann::json::array({"data/opslag.db"}));
}

TEST(AdminStatsTest, AnIndexNeverIndexedByARunHasNoTime) {
  EXPECT_TRUE(admin_stats_json(IndexStatus{}, {}, Limits{}, {})["indexed_at"].is_null());
}

TEST(AdminStatsTest, ShowsTheSearchLimitsAndTheTransportLimitsTogether) {
  Limits limits;
  limits.max_page_size = 7;
  TransportLimits transport;
  transport.max_connections_per_client = 99;
  const nlohmann::json j = admin_stats_json(IndexStatus{}, {}, limits, transport);
  EXPECT_EQ(j["limits"]["max_page_size"], 7);
  EXPECT_EQ(j["limits"]["max_connections_per_client"], 99);
  EXPECT_EQ(j["limits"]["max_request_line"], TransportLimits{}.max_request_line);
}

}  // namespace
}  // namespace opslag
