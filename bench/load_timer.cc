// Latency at one thread and throughput at several, for any engine's SearchWorker.
#include "bench/load_timer.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <latch>
#include <mutex>
#include <nlohmann/json.hpp>
#include <numeric>
#include <stdexcept>
#include <thread>

namespace opslag::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

/// Counts failures from every thread and prints the first few.
class Failures {
 public:
  void add(const std::string& query, const std::exception& e) {
    const std::lock_guard lock(mutex_);
    if (++count_ <= 3) std::cerr << "query " << query << ": " << e.what() << '\n';
  }
  [[nodiscard]] std::size_t count() const {
    const std::lock_guard lock(mutex_);
    return count_;
  }

 private:
  mutable std::mutex mutex_;
  std::size_t count_ = 0;
};

std::size_t search_or_count(SearchWorker& worker, const std::string& query, Failures& failures) {
  try {
    return worker.search(query);
  } catch (const std::exception& e) {
    failures.add(query, e);
    return 0;
  }
}

nlohmann::json time_latency(SearchWorker& worker, const std::vector<std::string>& queries,
                            const TimerOptions& options, Failures& failures) {
  std::vector<double> ms;
  std::size_t hits = 0, empty = 0;
  const auto start = Clock::now();
  int passes = 0;
  while (passes < options.passes &&
         (passes == 0 || ms_since(start) < options.max_latency_s * 1e3)) {
    for (const auto& q : queries) {
      const auto t = Clock::now();
      const std::size_t n = search_or_count(worker, q, failures);
      ms.push_back(ms_since(t));
      if (passes == 0) {
        hits += n;
        empty += n == 0 ? 1 : 0;
      }
    }
    ++passes;
  }
  const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
  std::sort(ms.begin(), ms.end());
  return {{"passes", passes},
          {"samples", ms.size()},
          {"median_ms", percentile(ms, .5)},
          {"p95_ms", percentile(ms, .95)},
          {"p99_ms", percentile(ms, .99)},
          {"mean_ms", mean},
          {"max_ms", ms.back()},
          {"hits_per_query", static_cast<double>(hits) / static_cast<double>(queries.size())},
          {"queries_without_hits", empty}};
}

nlohmann::json time_throughput(int threads, const std::vector<std::string>& queries,
                               const TimerOptions& options, const WorkerFactory& make,
                               Failures& failures) {
  std::vector<std::unique_ptr<SearchWorker>> workers;
  for (int t = 0; t < threads; ++t) workers.push_back(make());
  std::vector<std::size_t> done(threads, 0);
  std::latch ready(threads + 1);
  std::atomic<bool> go{false};
  Clock::time_point start, deadline;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      ready.count_down();
      while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
      // Each thread starts at its own place in the list, so they do not run in lockstep.
      std::size_t i =
          queries.size() * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
      while (Clock::now() < deadline) {
        search_or_count(*workers[t], queries[i++ % queries.size()], failures);
        ++done[t];
      }
    });
  }
  ready.arrive_and_wait();
  start = Clock::now();
  deadline = start + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(options.seconds));
  go.store(true, std::memory_order_release);
  for (auto& thread : pool) thread.join();
  const double seconds = ms_since(start) / 1e3;
  const std::size_t total = std::accumulate(done.begin(), done.end(), std::size_t{0});
  return {{"threads", threads},
          {"queries", total},
          {"seconds", seconds},
          {"qps", static_cast<double>(total) / seconds}};
}

}  // namespace

void add_timer_options(CLI::App& app, TimerOptions& options) {
  app.add_option("--queries", options.queries_file, "queries, one a line")->required();
  app.add_option("--passes", options.passes, "latency: passes over the queries")
      ->capture_default_str();
  app.add_option("--max-latency-seconds", options.max_latency_s,
                 "latency: start no new pass after this long")
      ->capture_default_str();
  app.add_option("--threads", options.threads, "throughput: thread counts, one run each")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--seconds", options.seconds, "throughput: seconds per run")
      ->capture_default_str();
  app.add_option("--show", options.show, "print the hits of the first N queries, time nothing");
}

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot be read");
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);
  if (queries.empty()) throw std::runtime_error(path + ": holds no queries");
  return queries;
}

int run_timer(const std::string& engine, const TimerOptions& options, const WorkerFactory& make) {
  const std::vector<std::string> queries = read_queries(options.queries_file);
  if (options.show > 0) {
    const std::unique_ptr<SearchWorker> worker = make();
    for (std::size_t i = 0; i < queries.size() && i < static_cast<std::size_t>(options.show); ++i)
      std::cout << "== " << queries[i] << '\n' << worker->show(queries[i]) << '\n';
    return 0;
  }
  Failures failures;
  nlohmann::json latency;
  {
    const std::unique_ptr<SearchWorker> worker = make();
    for (const auto& q : queries) search_or_count(*worker, q, failures);  // warm-up
    latency = time_latency(*worker, queries, options, failures);
  }
  nlohmann::json runs = nlohmann::json::array();
  double best = 0;
  int best_threads = 0;
  for (const int threads : options.threads) {
    runs.push_back(time_throughput(threads, queries, options, make, failures));
    if (runs.back()["qps"].get<double>() > best) {
      best = runs.back()["qps"].get<double>();
      best_threads = threads;
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const nlohmann::json out = {{"engine", engine},
                              {"queries", queries.size()},
                              {"latency", latency},
                              {"throughput", runs},
                              {"best_qps", best},
                              {"best_threads", best_threads},
                              {"failures", failures.count()},
                              {"client_peak_rss_mb", static_cast<double>(usage.ru_maxrss) / 1024}};
  std::cout << out.dump() << '\n';
  return failures.count() > 0 ? 1 : 0;
}

}  // namespace opslag::bench
