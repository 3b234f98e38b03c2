// Reads PDF files with poppler: text in reading order, page by page, title and date.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "schema/stored_document.h"

namespace opslag {

/// Title, date, source, type and body of a PDF. The body is the text of each page in the order
/// it was written (so columns stay whole), cleaned by PdfPages (pdf_text.h): pages separated by
/// form feeds, running headers, page numbers and dot leaders dropped, soft-hyphenated words
/// joined. The title is the PDF's Title entry when it has a real one, else the first block of
/// the first page as laid out ("DEN FÆLLESOFFENTLIGE DIGITALISERINGSSTRATEGI 2026-2029", set in
/// capitals, becomes "Den fællesoffentlige digitaliseringsstrategi 2026-2029"), else the largest
/// type on it. The date is the first Danish date in the text, else the PDF's creation date.
/// Pages after the first `max_text` bytes of text are not read.
/// Throws BadInput if the bytes are not a PDF poppler can open, or it is password-protected.
[[nodiscard]] StoredDocument read_pdf(std::string_view bytes, std::size_t max_text = SIZE_MAX);

/// The same, read from `file` as poppler needs it (memory does not grow with the file's size);
/// `head` holds at least its first 5 bytes.
[[nodiscard]] StoredDocument read_pdf_file(const std::filesystem::path& file, std::string_view head,
                                           std::size_t max_text = SIZE_MAX);

}  // namespace opslag
