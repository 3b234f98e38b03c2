// Turns one file into a StoredDocument, choosing the reader by the file's extension.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "schema/analysis/danish_analyzer.h"
#include "schema/stored_document.h"

namespace opslag {

/// True if `file`'s extension is one the readers handle (.txt, .text, .md, .markdown,
/// .html, .htm), in any letter case.
[[nodiscard]] bool is_supported_file(const std::filesystem::path& file);

/// How much text a document keeps, and how much its file had when that was more.
struct TextLimit {
  std::size_t max_bytes = SIZE_MAX;  ///< text kept, in bytes, after extraction
  std::size_t cut_from = 0;          ///< set by read_document: the text's bytes before the cut
};

/// Where to cut `text` to at most `limit` bytes: after the last space or line end within the
/// limit's last 1000 bytes, else before the last UTF-8 character that would not fit whole.
[[nodiscard]] std::size_t text_cut(std::string_view text, std::size_t limit);

/// Reads `content` (the bytes of `file`) into a document with title, date, source, type, url
/// and body, all in NFC. `file` picks the reader and, when the text has no title, gives one.
/// Does not set id, path or hash. Throws BadInput with the reason when the content is empty,
/// binary, not valid UTF-8, or of an unsupported type. Text beyond `limit->max_bytes` is cut
/// before it is normalised (plain text and Markdown as read, HTML at four times the limit of
/// markup, PDF and office files once extracted), and `limit->cut_from` says from how much.
[[nodiscard]] StoredDocument read_document(const std::filesystem::path& file,
                                           std::string_view content, const DanishAnalyzer& analyzer,
                                           TextLimit* limit = nullptr);

}  // namespace opslag
