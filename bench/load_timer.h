// Times one search engine's client the same way for every engine: query by query at one
// thread, then as many queries as threads can run in a fixed time.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace opslag::bench {

/// One thread's connection to an engine (a database handle, a socket). Not shared between
/// threads; each thread gets its own from the factory.
class SearchWorker {
 public:
  virtual ~SearchWorker() = default;
  /// Runs `query` (top 10 and a snippet per hit) and returns the number of hits. Throws on
  /// failure; the timer counts the failure and goes on.
  virtual std::size_t search(const std::string& query) = 0;
  /// The same search, its hits and snippets as text, to check by eye that every engine does the
  /// same work (--show).
  virtual std::string show(const std::string& query) = 0;
};

using WorkerFactory = std::function<std::unique_ptr<SearchWorker>()>;

/// What to time. The defaults are scripts/bench's.
struct TimerOptions {
  std::string queries_file;
  int passes = 3;               ///< latency: times over every query, after one warm-up pass
  double max_latency_s = 40;    ///< ... but no new pass starts after this long
  std::vector<int> threads{2};  ///< throughput: one run per count
  double seconds = 5;           ///< length of each throughput run
  int show = 0;                 ///< print the results of this many queries instead of timing
};

/// Adds --queries, --passes, --max-latency-seconds, --threads, --seconds and --show to `app`.
void add_timer_options(CLI::App& app, TimerOptions& options);

/// Reads the queries (one a line, empty lines skipped). Throws std::runtime_error if the file
/// cannot be read or holds none.
[[nodiscard]] std::vector<std::string> read_queries(const std::string& path);

/// Warms up, times every query `passes` times at one thread, runs each thread count for
/// `seconds`, and prints one JSON object to standard output: latency (median, p95, p99, mean
/// in ms), throughput per thread count and the best, hits per query, failures, and this
/// process's peak resident memory. `engine` names the engine in the JSON. Returns 0, or 1
/// if any query failed. With `show`, prints the results of the first queries instead.
int run_timer(const std::string& engine, const TimerOptions& options, const WorkerFactory& make);

}  // namespace opslag::bench
