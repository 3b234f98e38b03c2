// Hits as rows for a spreadsheet or a pipeline: CSV (RFC 4180) and JSON lines.
#pragma once

#include <string>

#include "server/engine/searcher.h"

namespace opslag {

/// The columns, in order: id, title, date, source, type, url, score, snippet (plain text).
inline constexpr const char* kExportColumns[] = {"id",   "title", "date",  "source",
                                                 "type", "url",   "score", "snippet"};

/// A UTF-8 byte order mark (so spreadsheet programs read æ, ø, å right) and the header line.
[[nodiscard]] std::string csv_header();

/// `hit` as one CSV record ending in CRLF: a field holding a comma, a quote, CR or LF is quoted,
/// its quotes doubled.
[[nodiscard]] std::string csv_row(const Hit& hit);

/// `hit` as one JSON object with the columns as keys, and a newline.
[[nodiscard]] std::string jsonl_row(const Hit& hit);

}  // namespace opslag
