// Progress output for opslag-index.
#include "indexer/progress_printer.h"

#include <cstdio>
#include <ostream>

namespace opslag {
namespace {

double fraction(const IndexProgress& p) {
  if (p.total_bytes == 0) return 0;
  return std::min(1.0, static_cast<double>(p.bytes) / static_cast<double>(p.total_bytes));
}

/// "m:ss" of the time left at the speed so far, or "?" before there is a speed.
std::string eta(const IndexProgress& p) {
  const double f = fraction(p);
  if (f <= 0 || p.seconds <= 0) return "?";
  const auto left = static_cast<long>(p.seconds * (1 - f) / f + 0.5);
  char out[32];
  std::snprintf(out, sizeof out, "%ld:%02ld", left / 60, left % 60);
  return out;
}

double per_second(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0; }

}  // namespace

std::string ProgressPrinter::bar_line(const IndexProgress& p, int width) {
  const int filled = static_cast<int>(fraction(p) * width + 0.5);
  std::string bar = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                    std::string(static_cast<std::size_t>(width - filled), '.') + "]";
  char rest[160];
  std::snprintf(rest, sizeof rest, " %3.0f%%  %llu dokumenter  %.0f/s  %.1f MB/s  ETA %s",
                fraction(p) * 100, static_cast<unsigned long long>(p.documents),
                per_second(static_cast<double>(p.documents), p.seconds),
                per_second(static_cast<double>(p.read_bytes) / 1e6, p.seconds), eta(p).c_str());
  return bar + rest;
}

std::string ProgressPrinter::plain_line(const IndexProgress& p) {
  char line[160];
  std::snprintf(line, sizeof line, "indexed %llu documents (%.0f%%), %.0f/s, %.1f MB/s, ETA %s",
                static_cast<unsigned long long>(p.documents), fraction(p) * 100,
                per_second(static_cast<double>(p.documents), p.seconds),
                per_second(static_cast<double>(p.read_bytes) / 1e6, p.seconds), eta(p).c_str());
  return line;
}

void ProgressPrinter::update(const IndexProgress& progress) {
  if (terminal_) {
    out_ << '\r' << bar_line(progress) << "\033[K" << std::flush;
    drawn_ = true;
  } else if (progress.seconds - last_line_ >= interval_) {
    out_ << plain_line(progress) << '\n' << std::flush;
    last_line_ = progress.seconds;
  }
}

void ProgressPrinter::finish() {
  if (terminal_ && drawn_) out_ << '\n';
}

}  // namespace opslag
