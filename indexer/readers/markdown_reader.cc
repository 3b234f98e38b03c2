// Reads Markdown: front matter, headings, and markup-free body text.
#include "indexer/readers/markdown_reader.h"

#include <cctype>
#include <map>

#include "indexer/readers/danish_dates.h"
#include "indexer/readers/publishers.h"
#include "indexer/readers/text_lines.h"

namespace opslag {
namespace {

const std::map<std::string, std::string, std::less<>> kKeys = {
    {"title", "title"},    {"titel", "title"},   {"date", "date"},
    {"dato", "date"},      {"source", "source"}, {"kilde", "source"},
    {"udgiver", "source"}, {"type", "type"},     {"url", "url"}};

std::string unquote(std::string_view value) {
  value = trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front())
    value = value.substr(1, value.size() - 2);
  return std::string(value);
}

void set_meta(StoredDocument& doc, const std::string& key, const std::string& value) {
  if (key == "title") doc.title = value;
  if (key == "date") doc.date = parse_danish_date(value).value_or("");
  if (key == "source") doc.source = value;
  if (key == "type") doc.type = document_type(value).value_or(value);
  if (key == "url") doc.url = value;
}

/// Reads a front-matter block if the text starts with one; returns the first line after it.
std::size_t read_front_matter(const std::vector<std::string_view>& lines, StoredDocument& doc) {
  if (lines.empty() || trim(lines[0]) != "---") return 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line == "---") return i + 1;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key(trim(line.substr(0, colon)));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (const auto k = kKeys.find(key); k != kKeys.end())
      set_meta(doc, k->second, unquote(line.substr(colon + 1)));
  }
  return 0;  // no closing "---": not front matter after all
}

/// `line` without Markdown markup: heading marks, emphasis, code ticks, link targets.
std::string strip_markup(std::string_view line) {
  line = trim(line);
  while (!line.empty() && (line.front() == '#' || line.front() == '>')) line.remove_prefix(1);
  if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ "))
    line.remove_prefix(2);
  line = trim(line);
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '*' || c == '`' ||
        (c == '_' && (i == 0 || i + 1 == line.size() || line[i - 1] == ' ' || line[i + 1] == ' ')))
      continue;
    if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
      const auto close = line.find(')', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    if (c == '[' || (c == '!' && i + 1 < line.size() && line[i + 1] == '[')) continue;
    out += c;
  }
  return out;
}

}  // namespace

StoredDocument read_markdown(std::string_view text) {
  StoredDocument doc;
  const auto lines = split_lines(text);
  BodyBuilder body;
  bool title_heading_seen = false;
  for (std::size_t i = read_front_matter(lines, doc); i < lines.size(); ++i) {
    const std::string_view raw = trim(lines[i]);
    const bool heading = raw.starts_with("# ");
    const std::string line = strip_markup(raw);
    if (heading && !title_heading_seen) {
      title_heading_seen = true;
      if (doc.title.empty()) doc.title = line;
      if (doc.title == line) continue;
    }
    if (const auto source = publisher_from_line(line); source && doc.source.empty()) {
      doc.source = *source;
      if (doc.date.empty()) doc.date = find_danish_date(line).value_or("");
    }
    body.add_line(line);
  }
  doc.body = body.take();
  if (doc.type.empty()) doc.type = "artikel";
  if (doc.source.empty()) doc.source = most_mentioned_publisher(doc.body).value_or("");
  return doc;
}

}  // namespace opslag
