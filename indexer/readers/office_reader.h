// Reads Word (.docx) and OpenDocument (.odt) files: zip archives of XML, read with libzip and
// pugixml.
#pragma once

#include <filesystem>
#include <string_view>

#include "schema/stored_document.h"

namespace opslag {

/// Title, date, source and body of a .docx. The body is word/document.xml's paragraphs (tables
/// included), a blank line between them. The title is docProps/core.xml's dc:title, else the
/// first paragraph styled Title or Heading 1, else the first paragraph. The date is a paragraph
/// styled "date", else dcterms:created; the source docProps/app.xml's Company, else a paragraph
/// styled "author". Throws BadInput naming the problem: not a zip (truncated or corrupt), an
/// encrypted or old binary Word file, no word/document.xml, XML that does not parse.
[[nodiscard]] StoredDocument read_docx(std::string_view bytes);

/// The same for an .odt: content.xml's headings and paragraphs; meta.xml's dc:title (else the
/// first heading, else the first paragraph) and meta:creation-date or dc:date.
[[nodiscard]] StoredDocument read_odt(std::string_view bytes);

/// The same, read from `file` as libzip needs it (memory does not grow with the file's size,
/// only with the entries read); `head` holds at least its first 8 bytes.
[[nodiscard]] StoredDocument read_docx_file(const std::filesystem::path& file,
                                            std::string_view head);
[[nodiscard]] StoredDocument read_odt_file(const std::filesystem::path& file,
                                           std::string_view head);

}  // namespace opslag
