// Cleans the text of PDF pages: soft hyphens, running headers, page numbers, dot leaders.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace opslag {

/// The text of a PDF's pages (UTF-8, in reading order) made fit to index: a word broken at a
/// soft hyphen (U+00AD) at a line's end is joined again ("o\u00AD" + "ffentlige" ->
/// "offentlige") and every other soft hyphen dropped; lines found on at least half the pages
/// (running headers and footers, with or without their page number), lines of a page number
/// alone and contents lines with dot leaders ("Forord ........ 5") are left out.
class PdfPages {
 public:
  explicit PdfPages(const std::vector<std::string>& pages);

  /// The cleaned pages separated by a form feed (\f): the page of an offset is one more than
  /// the form feeds before it.
  [[nodiscard]] std::string body() const;

  /// True for a line that is page furniture: a running header or footer, or a page number.
  [[nodiscard]] bool is_furniture(std::string_view line) const;

 private:
  std::vector<std::string> texts_;
  std::set<std::string> repeated_;
};

}  // namespace opslag
