// Turns one file into a StoredDocument, choosing the reader by the file's extension.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "schema/analysis/danish_analyzer.h"
#include "schema/stored_document.h"

namespace opslag {

/// True if `file`'s extension is one the readers handle (.txt, .text, .md, .markdown,
/// .html, .htm), in any letter case.
[[nodiscard]] bool is_supported_file(const std::filesystem::path& file);

/// Reads `content` (the bytes of `file`) into a document with title, date, source, type, url
/// and body, all in NFC. `file` picks the reader and, when the text has no title, gives one.
/// Does not set id, path or hash. Throws BadInput with the reason when the content is empty,
/// binary, not valid UTF-8, or of an unsupported type.
[[nodiscard]] StoredDocument read_document(const std::filesystem::path& file,
                                           std::string_view content,
                                           const DanishAnalyzer& analyzer);

}  // namespace opslag
