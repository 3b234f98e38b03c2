// Reads PDF and office files in a process of their own (opslag-read) with bounded memory and
// time, as omindex runs its filters: a hostile file can take down only that process.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "schema/stored_document.h"

namespace opslag {

/// What one opslag-read may use.
struct ReaderLimits {
  /// Of address space (RLIMIT_AS), so the reader stays within it as opslag-index stays within
  /// 300 MB. Poppler needs under 20 MB for the 2026–2029 strategy's 2.3 MB PDF.
  std::size_t memory_mb = 256;
  int seconds = 60;  ///< of CPU, and (twice that) of time
};

/// Runs opslag-read on files. Thread-safe: each call is a process of its own.
class ReaderProcess {
 public:
  ReaderProcess(std::filesystem::path program, ReaderLimits limits)
      : program_(std::move(program)), limits_(limits) {}

  /// opslag-read beside the running executable (so beside opslag-index, installed or built),
  /// or an empty path when there is none.
  [[nodiscard]] static std::filesystem::path find_program();

  /// The document in `file` (a PDF or office file whose first bytes are `head`), as
  /// read_binary_file gives it. Throws BadInput with the reader's own reason, or naming the
  /// limit it ran past ("needed more than 512 MB of memory"); Error when it cannot be started.
  [[nodiscard]] StoredDocument read(const std::filesystem::path& file, std::string_view head,
                                    std::size_t max_text_bytes) const;

 private:
  std::filesystem::path program_;
  ReaderLimits limits_;
};

}  // namespace opslag
