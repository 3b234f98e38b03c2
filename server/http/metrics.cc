// Prometheus counters and histograms of the HTTP API, and the index's gauges.
#include "server/http/metrics.h"

#include <algorithm>
#include <cstdio>

namespace opslag {

void Metrics::record(std::string_view route_name, int status, double seconds) {
  const std::string route(route_name);
  const auto bucket = static_cast<std::size_t>(
      std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin());
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  if (bucket < kBuckets.size()) ++h.counts[bucket];
  ++h.total;
  h.sum += seconds;
}

namespace {

/// A number as Prometheus reads it: integers without a fraction, others with enough digits.
std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", value);
  return text;
}

void header(std::string& out, const char* name, const char* type, const char* help) {
  out += std::string("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

}  // namespace

void Metrics::set_transport(const TransportStatus& transport) {
  std::lock_guard lock(mutex_);
  transport_ = transport;
}

std::string Metrics::render(const IndexStatus& index) const {
  std::string out;
  {
    std::lock_guard lock(mutex_);
    header(out, "opslag_http_requests_total", "counter",
           "HTTP requests answered, by route and status.");
    for (const auto& [key, count] : requests_)
      out += "opslag_http_requests_total{route=\"" + key.first + "\",status=\"" +
             std::to_string(key.second) + "\"} " + std::to_string(count) + '\n';
    header(out, "opslag_http_request_duration_seconds", "histogram",
           "Time from reading a request to answering it, by route.");
    for (const auto& [route, h] : latency_) {
      const std::string label = "route=\"" + route + "\"";
      unsigned long cumulative = 0;
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += h.counts[i];
        out += "opslag_http_request_duration_seconds_bucket{" + label + ",le=\"" +
               number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + '\n';
      }
      out += "opslag_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
             std::to_string(h.total) + '\n';
      out += "opslag_http_request_duration_seconds_sum{" + label + "} " + number(h.sum) + '\n';
      out += "opslag_http_request_duration_seconds_count{" + label + "} " +
             std::to_string(h.total) + '\n';
    }
    header(out, "opslag_http_connections_open", "gauge", "Connections open now.");
    out += "opslag_http_connections_open " + std::to_string(transport_.open_connections) + '\n';
    header(out, "opslag_http_connections_timed_out_total", "counter",
           "Connections cut for not sending a request's headers within --header-timeout-ms.");
    out += "opslag_http_connections_timed_out_total " +
           std::to_string(transport_.timed_out_connections) + '\n';
    header(out, "opslag_http_connections_refused_total", "counter",
           "Connections answered 503 beyond --max-connections or --max-connections-per-client.");
    out += "opslag_http_connections_refused_total " +
           std::to_string(transport_.refused_connections) + '\n';
    header(out, "opslag_access_log_dropped_lines_total", "counter",
           "Access log lines dropped because the log's output did not take them.");
    out += "opslag_access_log_dropped_lines_total " + std::to_string(transport_.dropped_log_lines) +
           '\n';
  }
  header(out, "opslag_index_documents", "gauge", "Documents in the index.");
  out += "opslag_index_documents " + std::to_string(index.documents) + '\n';
  header(out, "opslag_index_revision", "gauge", "Revision of the index (0 with several shards).");
  out += "opslag_index_revision " + std::to_string(index.revision) + '\n';
  header(out, "opslag_index_shards", "gauge", "Databases searched as one.");
  out += "opslag_index_shards " + std::to_string(index.shards) + '\n';
  header(out, "opslag_index_last_reindex_timestamp_seconds", "gauge",
         "When opslag-index last finished a run on the index (Unix time; 0 if unknown).");
  out += "opslag_index_last_reindex_timestamp_seconds " + std::to_string(index.indexed_at) + '\n';
  header(out, "opslag_index_reopens_total", "counter",
         "Times the server moved to a new revision of the index.");
  out += "opslag_index_reopens_total " + std::to_string(index.reopens) + '\n';
  return out;
}

}  // namespace opslag
