// Shows how far an indexing run has come: a bar on a terminal, plain lines in a log.
#pragma once

#include <iosfwd>
#include <string>

#include "indexer/index_updater.h"

namespace opslag {

/// Prints IndexProgress: on a terminal, one bar redrawn in place (documents, documents/s,
/// MB/s, ETA); elsewhere (a log, a pipe) a plain line every `interval` seconds.
class ProgressPrinter {
 public:
  ProgressPrinter(std::ostream& out, bool terminal, double interval = 5.0)
      : out_(out), terminal_(terminal), interval_(interval) {}

  void update(const IndexProgress& progress);

  /// Ends the bar's line (on a terminal), before the summary is printed.
  void finish();

  /// "[#######.............]  35%  1234 dokumenter  410/s  2.1 MB/s  ETA 0:07".
  [[nodiscard]] static std::string bar_line(const IndexProgress& progress, int width = 24);

  /// "indexed 1234 documents (35%), 410/s, 2.1 MB/s, ETA 0:07".
  [[nodiscard]] static std::string plain_line(const IndexProgress& progress);

 private:
  std::ostream& out_;
  bool terminal_;
  double interval_;
  double last_line_ = 0;
  bool drawn_ = false;
};

}  // namespace opslag
