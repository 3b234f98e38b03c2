// PDF page text cleaning: rejoining soft-hyphenated words and dropping page furniture.
#include "indexer/readers/pdf_text.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "indexer/readers/text_lines.h"

namespace opslag {
namespace {

constexpr std::string_view kSoftHyphen = "\u00AD";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// `text` with soft hyphens resolved: joined across a line break after a letter, else removed.
std::string resolve_soft_hyphens(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, kSoftHyphen.size(), kSoftHyphen) != 0) {
      out += text[i++];
      continue;
    }
    i += kSoftHyphen.size();
    std::size_t next = i;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    const bool line_end = next < text.size() && (text[next] == '\n' || text[next] == '\r');
    const bool after_letter = !out.empty() && !is_blank(out.back());
    if (line_end && after_letter) {
      while (next < text.size() && is_blank(text[next])) ++next;  // join the broken word
      i = next;
    } else if (line_end && (out.empty() || out.back() == '\n')) {
      i = next + 1;  // a line of nothing but a soft hyphen: drop the line
    }
  }
  return out;
}

/// A page number: one to three digits ("2026" is a year, not a page).
bool is_page_number(std::string_view line) {
  line = trim(line);
  return !line.empty() && line.size() <= 3 &&
         std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A line with its page number taken off either end ("4 DEN FÆLLES…" and "DEN FÆLLES… 5"
/// are one running header), for comparing lines across pages.
std::string without_page_number(std::string_view line) {
  line = trim(line);
  const auto digits = [](std::string_view s) { return is_page_number(s); };
  if (const auto space = line.find(' ');
      space != std::string_view::npos && digits(line.substr(0, space)))
    line = trim(line.substr(space + 1));
  if (const auto space = line.rfind(' ');
      space != std::string_view::npos && digits(line.substr(space + 1)))
    line = trim(line.substr(0, space));
  return std::string(line);
}

bool has_dot_leader(std::string_view line) {
  return line.find(".....") != std::string_view::npos ||
         line.find("\u2026\u2026") != std::string_view::npos ||
         line.find(". . . . .") != std::string_view::npos;
}

}  // namespace

PdfPages::PdfPages(const std::vector<std::string>& pages) {
  for (std::string page : pages) {
    std::replace(page.begin(), page.end(), '\f', '\n');  // poppler ends each page with one
    texts_.push_back(resolve_soft_hyphens(page));
  }
  // Lines found on at least half the pages (and on three or more) are page furniture.
  std::map<std::string, int> pages_with;
  for (const std::string& text : texts_) {
    std::set<std::string> seen;
    for (std::string_view line : split_lines(text))
      if (const std::string key = without_page_number(line); key.size() >= 3) seen.insert(key);
    for (const std::string& key : seen) ++pages_with[key];
  }
  const int needed = std::max(3, static_cast<int>((texts_.size() + 1) / 2));
  for (const auto& [key, count] : pages_with)
    if (count >= needed) repeated_.insert(key);
}

bool PdfPages::is_furniture(std::string_view line) const {
  return is_page_number(line) || repeated_.contains(without_page_number(line));
}

std::string PdfPages::body() const {
  std::string body;
  for (std::size_t p = 0; p < texts_.size(); ++p) {
    if (p > 0) body += '\f';
    BodyBuilder page;
    for (std::string_view line : split_lines(texts_[p]))
      if (!is_furniture(line) && !has_dot_leader(line)) page.add_line(trim(line));
    body += page.take();
  }
  return body;
}

}  // namespace opslag
