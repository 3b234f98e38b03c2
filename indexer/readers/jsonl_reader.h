// Reads documents in bulk from JSON lines, plain or gzip-compressed.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "schema/analysis/danish_analyzer.h"
#include "schema/stored_document.h"

namespace opslag {

/// Streams the lines of a JSON-lines file, gzip-compressed (.gz) or not (zlib reads both), one
/// at a time, so a file of any size takes little memory.
class JsonlReader {
 public:
  /// The longest line kept by default: a document's JSON, its text included.
  static constexpr std::uint64_t kMaxLineBytes = 32u << 20;

  /// Throws BadInput if `file` cannot be opened.
  explicit JsonlReader(const std::filesystem::path& file,
                       std::uint64_t max_line_bytes = kMaxLineBytes);

  /// The next non-blank line into `line`; false at the end. A line longer than `max_line_bytes`
  /// is read past, not kept: `line` is then empty and oversized() says how long it was. Throws
  /// BadInput on a read error (a truncated .gz), naming the line.
  bool next(std::string& line);

  /// Bytes of the line next() returned last if it was longer than the limit, else 0.
  [[nodiscard]] std::uint64_t oversized() const { return oversized_; }

  /// The number of the line next() returned last, from 1.
  [[nodiscard]] std::uint64_t line_number() const { return line_number_; }

  /// How far into the file (compressed bytes) reading has come, for progress.
  [[nodiscard]] std::uint64_t offset() const;

 private:
  std::unique_ptr<gzFile_s, decltype(&gzclose)> file_;
  std::uint64_t max_line_bytes_;
  std::uint64_t line_number_ = 0;
  std::uint64_t oversized_ = 0;
};

/// The document one JSON line describes: {"id", "title", "body", "date", "source", "type",
/// "url", "language"}; "id" (a string or a number) and "body" are required, the rest optional
/// (null counts as absent). Dates may be ISO or Danish ("12-05-2016"). Throws BadInput naming
/// what is wrong ("not valid JSON: ...", "no \"id\"", "\"date\" is not a date: ...").
[[nodiscard]] StoredDocument document_from_json(std::string_view line,
                                                const DanishAnalyzer& analyzer);

}  // namespace opslag
