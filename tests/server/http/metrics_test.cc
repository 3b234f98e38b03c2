// Tests the Prometheus rendering of request counts, latencies and the index's gauges.
#include "server/http/metrics.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.starts_with(line + "\n");
}

TEST(MetricsTest, CountsRequestsByRouteAndStatus) {
  Metrics metrics;
  metrics.record("/search", 200, 0.002);
  metrics.record("/search", 200, 0.003);
  metrics.record("/search", 400, 0.0001);
  const std::string text = metrics.render({});
  EXPECT_TRUE(has_line(text, R"(opslag_http_requests_total{route="/search",status="200"} 2)"))
      << text;
  EXPECT_TRUE(has_line(text, R"(opslag_http_requests_total{route="/search",status="400"} 1)"))
      << text;
}

TEST(MetricsTest, TheLatencyHistogramIsCumulativeWithSumAndCount) {
  Metrics metrics;
  metrics.record("/search", 200, 0.0004);  // in the first bucket
  metrics.record("/search", 200, 0.004);   // le 0.005
  metrics.record("/search", 200, 20);      // beyond the last bucket
  const std::string text = metrics.render({});
  const std::string prefix = R"(opslag_http_request_duration_seconds_bucket{route="/search",le=)";
  EXPECT_TRUE(has_line(text, prefix + R"("0.0005"} 1)")) << text;
  EXPECT_TRUE(has_line(text, prefix + R"("0.0025"} 1)")) << text;
  EXPECT_TRUE(has_line(text, prefix + R"("0.005"} 2)")) << text;
  EXPECT_TRUE(has_line(text, prefix + R"("10"} 2)")) << text;
  EXPECT_TRUE(has_line(text, prefix + R"("+Inf"} 3)")) << text;
  EXPECT_TRUE(has_line(text, R"(opslag_http_request_duration_seconds_count{route="/search"} 3)"));
  EXPECT_TRUE(
      has_line(text, R"(opslag_http_request_duration_seconds_sum{route="/search"} 20.0044)"))
      << text;
}

TEST(MetricsTest, RendersTheIndexGaugesWithTypeAndHelp) {
  IndexStatus index;
  index.documents = 44;
  index.revision = 7;
  index.indexed_at = 1764614400;
  index.reopens = 3;
  const std::string text = Metrics().render(index);
  EXPECT_TRUE(has_line(text, "opslag_index_documents 44")) << text;
  EXPECT_TRUE(has_line(text, "opslag_index_revision 7")) << text;
  EXPECT_TRUE(has_line(text, "opslag_index_last_reindex_timestamp_seconds 1764614400")) << text;
  EXPECT_TRUE(has_line(text, "opslag_index_reopens_total 3")) << text;
  EXPECT_TRUE(has_line(text, "# TYPE opslag_index_documents gauge")) << text;
  EXPECT_TRUE(has_line(text, "# TYPE opslag_http_requests_total counter")) << text;
}

TEST(MetricsTest, RendersWhatTheTransportCountsBesideTheRequests) {
  Metrics metrics;
  metrics.set_transport({5, 3, 2, 7});
  const std::string text = metrics.render(IndexStatus{});
  EXPECT_TRUE(has_line(text, "opslag_http_connections_open 5")) << text;
  EXPECT_TRUE(has_line(text, "opslag_http_connections_timed_out_total 3")) << text;
  EXPECT_TRUE(has_line(text, "opslag_http_connections_refused_total 2")) << text;
  EXPECT_TRUE(has_line(text, "opslag_access_log_dropped_lines_total 7")) << text;
}

}  // namespace
}  // namespace opslag
