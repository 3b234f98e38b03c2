// Times a search engine's client in the JVM exactly as bench/load_timer.cc times the C++ ones:
// query by query at one thread, then as many queries as threads can run in a fixed time.

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency at one thread and throughput at several, for any engine's SearchWorker, printed as the
 * same JSON object as load_timer.cc's run_timer (same fields, same meaning), so bench/report.py
 * reads both alike. Methods are camelCase, as Lucene's are, so our calls and theirs read alike.
 */
final class LoadTimer {
  /** One thread's handle on an engine. Not shared between threads; each gets its own. */
  interface SearchWorker {
    /** Runs `query` (top 10 and a snippet per hit); returns the number of hits, or throws. */
    int search(String query) throws Exception;

    /** The same search, its hits and snippets as text, to check by eye (--show). */
    String show(String query) throws Exception;
  }

  /** Makes one worker; throws if the engine cannot be reached. */
  interface WorkerFactory {
    SearchWorker make() throws IOException;
  }

  /** What to time. The defaults are scripts/bench's, as in load_timer.h. */
  static final class Options {
    Path queriesFile;
    int passes = 3; // latency: times over every query, after the warm-up
    double maxLatencySeconds = 40; // ... but no new pass starts after this long
    int[] threads = {2}; // throughput: one run per count
    double seconds = 5; // length of each throughput run
    int show = 0; // print the results of this many queries instead of timing
  }

  /**
   * Warm-up after the C++ timer's one pass: HotSpot compiles a method only after thousands of
   * calls (C2) and the first passes run partly interpreted, so passes go on until one keeps the
   * JIT compiler busy for under 1% of its time (at least 2 passes, at most this long), and the
   * latency passes then time compiled code.
   */
  private static final double kMaxWarmUpSeconds = 30;

  private LoadTimer() {}

  /**
   * The queries of `path`, one a line, empty lines skipped. Throws IOException naming the file if
   * it cannot be read or holds none.
   */
  static List<String> readQueries(Path path) throws IOException {
    final List<String> queries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8))
        if (!line.isEmpty()) queries.add(line);
    } catch (NoSuchFileException e) {
      throw new IOException(path + ": no such queries file");
    }
    if (queries.isEmpty()) throw new IOException(path + ": holds no queries");
    return queries;
  }

  /**
   * Warms up, times every query `passes` times at one thread, runs each thread count for
   * `seconds`, and prints one JSON object to standard output, as run_timer does. Returns 0, or 1
   * if any query failed. With `show`, prints the results of the first queries instead.
   */
  static int run(String engine, Options options, WorkerFactory make) throws Exception {
    final List<String> queries = readQueries(options.queriesFile);
    if (options.show > 0) {
      final SearchWorker worker = make.make();
      for (String q : queries.subList(0, Math.min(options.show, queries.size())))
        System.out.println("== " + q + "\n" + worker.show(q));
      return 0;
    }
    final Failures failures = new Failures();
    final SearchWorker first = make.make();
    final int warmUpPasses = warmUp(first, queries, failures);
    final Map<String, Object> latency = timeLatency(first, queries, options, failures);
    final List<Object> runs = new ArrayList<>();
    double best = 0;
    int bestThreads = 0;
    for (int threads : options.threads) {
      final Map<String, Object> run = timeThroughput(threads, queries, options, make, failures);
      runs.add(run);
      if ((double) run.get("qps") > best) {
        best = (double) run.get("qps");
        bestThreads = threads;
      }
    }
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("engine", engine);
    out.put("queries", queries.size());
    out.put("latency", latency);
    out.put("throughput", runs);
    out.put("best_qps", best);
    out.put("best_threads", bestThreads);
    out.put("failures", failures.count());
    out.put("client_peak_rss_mb", peakResidentMb());
    out.put("warmup_passes", warmUpPasses);
    System.out.println(Json.write(out));
    return failures.count() > 0 ? 1 : 0;
  }

  /** Counts failures from every thread and prints the first few. */
  private static final class Failures {
    private final AtomicLong count = new AtomicLong();

    void add(String query, Exception e) {
      // The first line only: the query parser's messages go on to list the tokens it expected.
      if (count.incrementAndGet() <= 3)
        System.err.println("query " + query + ": "
            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }

    long count() {
      return count.get();
    }
  }

  /** The worker's hits, or 0 and the failure added to `failures` (if not null). */
  private static int searchOrCount(SearchWorker worker, String query, Failures failures) {
    try {
      return worker.search(query);
    } catch (Exception e) {
      if (failures != null) failures.add(query, e);
      return 0;
    }
  }

  /**
   * Runs passes until the JIT is done (see kMaxWarmUpSeconds); returns how many. Failures count
   * in the first pass only, the one the C++ timer makes, so that their number does not depend on
   * how long the JIT took.
   */
  private static int warmUp(SearchWorker worker, List<String> queries, Failures failures) {
    final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    final boolean watchJit = jit != null && jit.isCompilationTimeMonitoringSupported();
    final long start = System.nanoTime();
    int passes = 0;
    while (true) {
      final long passStart = System.nanoTime();
      final long jitBefore = watchJit ? jit.getTotalCompilationTime() : 0;
      for (String q : queries) searchOrCount(worker, q, passes == 0 ? failures : null);
      ++passes;
      final double passMs = (System.nanoTime() - passStart) / 1e6;
      final double jitMs = watchJit ? jit.getTotalCompilationTime() - jitBefore : 0;
      if (passes >= 2 && jitMs < 0.01 * passMs) return passes;
      if ((System.nanoTime() - start) / 1e9 > kMaxWarmUpSeconds) return passes;
    }
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return 0;
    final int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
  }

  private static Map<String, Object> timeLatency(
      SearchWorker worker, List<String> queries, Options options, Failures failures) {
    final List<Double> ms = new ArrayList<>();
    long hits = 0, empty = 0;
    final long start = System.nanoTime();
    int passes = 0;
    while (passes < options.passes
        && (passes == 0 || (System.nanoTime() - start) / 1e9 < options.maxLatencySeconds)) {
      for (String q : queries) {
        final long t = System.nanoTime();
        final int n = searchOrCount(worker, q, failures);
        ms.add((System.nanoTime() - t) / 1e6);
        if (passes == 0) {
          hits += n;
          empty += n == 0 ? 1 : 0;
        }
      }
      ++passes;
    }
    final double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("passes", passes);
    out.put("samples", sorted.length);
    out.put("median_ms", percentile(sorted, .5));
    out.put("p95_ms", percentile(sorted, .95));
    out.put("p99_ms", percentile(sorted, .99));
    out.put("mean_ms", Arrays.stream(sorted).sum() / sorted.length);
    out.put("max_ms", sorted[sorted.length - 1]);
    out.put("hits_per_query", (double) hits / queries.size());
    out.put("queries_without_hits", empty);
    return out;
  }

  private static Map<String, Object> timeThroughput(
      int threads, List<String> queries, Options options, WorkerFactory make, Failures failures)
      throws IOException, InterruptedException {
    final List<SearchWorker> workers = new ArrayList<>();
    for (int t = 0; t < threads; ++t) workers.add(make.make());
    final long[] done = new long[threads];
    final CountDownLatch ready = new CountDownLatch(threads);
    final CountDownLatch go = new CountDownLatch(1);
    final long[] deadline = new long[1];
    final List<Thread> pool = new ArrayList<>();
    for (int t = 0; t < threads; ++t) {
      final int me = t;
      pool.add(
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                // Each thread starts at its own place in the list, so they do not run in lockstep.
                long i = (long) queries.size() * me / threads;
                long n = 0;
                while (System.nanoTime() < deadline[0]) {
                  final String q = queries.get((int) (i++ % queries.size()));
                  searchOrCount(workers.get(me), q, failures);
                  ++n;
                }
                done[me] = n;
              }));
      pool.get(t).start();
    }
    ready.await();
    final long start = System.nanoTime();
    deadline[0] = start + (long) (options.seconds * 1e9);
    go.countDown(); // happens-before every thread's read of deadline[0]
    for (Thread thread : pool) thread.join(); // ... and every write of done[] before the sum
    final double seconds = (System.nanoTime() - start) / 1e9;
    final long total = Arrays.stream(done).sum();
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("threads", threads);
    out.put("queries", total);
    out.put("seconds", seconds);
    out.put("qps", total / seconds);
    return out;
  }

  /**
   * This process's peak resident memory in MB: VmHWM of /proc/self/status, what getrusage's
   * ru_maxrss gives the C++ timer. It counts the JVM's heap as far as it was touched, and the
   * pages of the memory-mapped index files that were read. 0 if it cannot be read.
   */
  static double peakResidentMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status")))
        if (line.startsWith("VmHWM:"))
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
    } catch (IOException | NumberFormatException e) {
      // Not Linux: the figure is left out as 0 rather than failing the run.
    }
    return 0;
  }

  /** The few JSON values the timer prints: maps, lists, strings, numbers. */
  static final class Json {
    private Json() {}

    static String write(Object value) {
      final StringBuilder out = new StringBuilder();
      write(value, out);
      return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
      if (value instanceof Map) {
        out.append('{');
        String comma = "";
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          out.append(comma);
          write(e.getKey().toString(), out);
          out.append(':');
          write(e.getValue(), out);
          comma = ",";
        }
        out.append('}');
      } else if (value instanceof List) {
        out.append('[');
        String comma = "";
        for (Object v : (List<?>) value) {
          out.append(comma);
          write(v, out);
          comma = ",";
        }
        out.append(']');
      } else if (value instanceof Double) {
        final double d = (Double) value;
        out.append(Double.isFinite(d) ? Double.toString(d) : "null");
      } else if (value instanceof Number) {
        out.append(value);
      } else {
        out.append('"');
        for (char c : value.toString().toCharArray()) {
          if (c == '"' || c == '\\') out.append('\\').append(c);
          else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
        out.append('"');
      }
    }
  }
}
