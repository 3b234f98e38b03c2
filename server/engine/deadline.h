// A search's time limit, checked where its work is long, so a search past it stops working.
#pragma once

#include <xapian.h>

#include <chrono>
#include <string>

namespace opslag {

/// When one search must be done by (--request-timeout-ms from its start). check() throws
/// LimitExceeded (503) naming the limit and what the search was doing once it has passed.
class Deadline {
 public:
  explicit Deadline(double limit_ms)
      : limit_ms_(limit_ms),
        at_(std::chrono::steady_clock::now() +
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                std::chrono::duration<double, std::milli>(limit_ms))) {}

  [[nodiscard]] bool passed() const { return std::chrono::steady_clock::now() > at_; }
  /// Throws LimitExceeded(503) if the deadline has passed, saying the search stopped `while`.
  void check(const char* while_doing) const;

 private:
  double limit_ms_;
  std::chrono::steady_clock::time_point at_;
};

/// Checks a Deadline every few documents the matcher finds, so a match of many terms (a
/// wildcard of hundreds of words, every word common) stops when the time is up instead of
/// running on after the answer is a 503. Add it to the Enquire as any match spy.
class DeadlineSpy : public Xapian::MatchSpy {
 public:
  explicit DeadlineSpy(const Deadline& deadline) : deadline_(deadline) {}
  void operator()(const Xapian::Document&, double) override {
    if (++seen_ % 64 == 0) deadline_.check("while matching");
  }

 private:
  const Deadline& deadline_;
  unsigned long seen_ = 0;
};

}  // namespace opslag
