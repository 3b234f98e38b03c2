// Turns one file into a StoredDocument, choosing the reader by the file's extension.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
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

/// `title` if it has at most kMaxTitleBytes, else cut at a word to fewer and ended with "…":
/// a title from a sidecar, a JSON line or a page's markup may be any length.
[[nodiscard]] std::string short_title(std::string title);
inline constexpr std::size_t kMaxTitleBytes = 300;

/// Reads `content` (the bytes of `file`) into a document with title, date, source, type, url
/// and body, all in NFC. `file` picks the reader and, when the text has no title, gives one.
/// Does not set id, path or hash. Throws BadInput with the reason when the content is empty,
/// binary, not valid UTF-8, or of an unsupported type. Text beyond `limit->max_bytes` is cut
/// before it is normalised (plain text and Markdown as read, HTML at three times the limit of
/// markup, PDF and office files once extracted), and `limit->cut_from` says from how much.
[[nodiscard]] StoredDocument read_document(const std::filesystem::path& file,
                                           std::string_view content, const DanishAnalyzer& analyzer,
                                           TextLimit* limit = nullptr);

/// How many of `file`'s first bytes read_document_file needs in memory for at most
/// `max_text_bytes` of text: a little more than that of plain text and Markdown, three times as
/// much of HTML, the first 64 of PDF and office files (they are read from the file as needed).
[[nodiscard]] std::size_t head_bytes(const std::filesystem::path& file, std::size_t max_text_bytes);

/// Whether `file` is a PDF or office file: read from the file as needed, not from memory.
[[nodiscard]] bool is_binary_format(const std::filesystem::path& file);

/// A PDF or office file as its reader gives it, before normalisation and cutting: read from
/// `file`, whose first bytes are `head`; a PDF's pages past `max_text_bytes` of text unread.
[[nodiscard]] StoredDocument read_binary_file(const std::filesystem::path& file,
                                              std::string_view head, std::size_t max_text_bytes);

/// What reads PDF and office files in read_document_file: read_binary_file, or the same in a
/// process of its own (reader_process.h).
using BinaryReader = std::function<StoredDocument(
    const std::filesystem::path& file, std::string_view head, std::size_t max_text_bytes)>;

/// read_document for a file on disk of `size` bytes whose first head_bytes() are `head`: PDF
/// and office files are read from `file` (by `extract` when given, else read_binary_file), so
/// memory does not grow with the file's size; a text cut short by the head is said to be cut
/// from `size` bytes.
[[nodiscard]] StoredDocument read_document_file(const std::filesystem::path& file,
                                                std::string_view head, std::uint64_t size,
                                                const DanishAnalyzer& analyzer, TextLimit* limit,
                                                const BinaryReader* extract = nullptr);

}  // namespace opslag
