// Cleans the text of PDF pages: soft hyphens, running headers, page numbers, dot leaders.
#pragma once

#include <string>
#include <vector>

namespace opslag {

/// The body of a PDF from the text of its pages (UTF-8, in reading order): a word broken at a
/// soft hyphen (U+00AD) at a line's end is joined again ("o\u00AD" + "ffentlige" ->
/// "offentlige") and every other soft hyphen dropped; lines repeated at the same place on at
/// least half the pages (running headers and footers, page numbers or not), lines of a page
/// number alone and contents lines with dot leaders ("Forord ........ 5") are left out.
/// Pages are separated by a form feed (\f), so the page of any offset is one more than the
/// form feeds before it.
[[nodiscard]] std::string clean_pdf_pages(const std::vector<std::string>& pages);

/// The page (from 1) that `offset` of a body made by clean_pdf_pages() falls on.
[[nodiscard]] int page_at(const std::string& body, std::size_t offset);

}  // namespace opslag
