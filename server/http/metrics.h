// Counts what the server answers and renders it in Prometheus' text format for GET /metrics.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "server/engine/searcher.h"

namespace opslag {

/// What the transport counts beside the requests, as of the last answer.
struct TransportStatus {
  std::size_t open_connections = 0;
  unsigned long timed_out_connections = 0;  ///< cut for sending their headers too slowly
  unsigned long refused_connections = 0;    ///< answered 503 beyond a connection bound
  unsigned long dropped_log_lines = 0;      ///< access log lines the output did not take
};

/// Requests by route and status and a latency histogram by route, for scraping. record() is
/// called once per answered request from any worker thread; both methods are thread-safe.
class Metrics {
 public:
  /// Upper bounds of the latency histogram's buckets, in seconds.
  static constexpr std::array<double, 14> kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  /// One answered request to `route` (the route's name, as HttpServer::route_of gives it, so
  /// ids do not become labels) with `status`, which took `seconds`.
  void record(std::string_view route, int status, double seconds);

  /// The transport's counts now; the transport calls it after each answer.
  void set_transport(const TransportStatus& transport);

  /// Every counter and histogram, then the index's gauges from `index`, in Prometheus' text
  /// exposition format (version 0.0.4).
  [[nodiscard]] std::string render(const IndexStatus& index) const;

 private:
  struct Histogram {
    std::array<unsigned long, kBuckets.size()> counts{};  // per bucket, not cumulative
    unsigned long total = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, unsigned long> requests_;
  std::map<std::string, Histogram> latency_;
  TransportStatus transport_;
};

}  // namespace opslag
