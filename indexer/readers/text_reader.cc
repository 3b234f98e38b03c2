// Reads plain-text documents: headline, date line, publisher, body.
#include "indexer/readers/text_reader.h"

#include "indexer/readers/danish_dates.h"
#include "indexer/readers/publishers.h"
#include "indexer/readers/text_lines.h"

namespace opslag {
namespace {

/// If `line` is a date optionally followed by a type word, fills date (and type) and returns true.
bool read_date_line(std::string_view line, StoredDocument& doc) {
  std::size_t length = 0;
  const auto date = parse_danish_date(line, &length);
  if (!date) return false;
  const std::string_view rest = trim(line.substr(length));
  const auto type = document_type(rest);
  if (!rest.empty() && !type) return false;
  if (doc.date.empty()) doc.date = *date;
  if (type && doc.type.empty()) doc.type = *type;
  return true;
}

bool is_journal_number(std::string_view line) { return line.starts_with("J.nr."); }

}  // namespace

StoredDocument read_plain_text(std::string_view text) {
  StoredDocument doc;
  const auto lines = split_lines(text);
  BodyBuilder body;
  std::size_t i = 0;
  // The header: boilerplate, stray letters, date and journal lines, until the headline.
  for (; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.empty() || is_boilerplate_line(line) || read_date_line(line, doc)) continue;
    if (is_journal_number(line)) {
      body.add_line(line);
      body.add_line("");
      continue;
    }
    if (const std::size_t words = count_words(line); words >= 2) {
      // A long first line is the text itself (a file of one line, say), not its headline.
      if (words <= kMaxTitleWords) {
        doc.title = std::string(line);
        ++i;
      }
      break;
    }
  }
  for (; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (doc.date.empty() && read_date_line(line, doc)) continue;
    if (const auto type = document_type(line); type && doc.type.empty()) {
      doc.type = *type;
      continue;
    }
    if (line.starts_with("Pressemeddelelse fra ") && doc.type.empty())
      doc.type = "pressemeddelelse";
    if (const auto source = publisher_from_line(line); source && doc.source.empty())
      doc.source = *source;
    // A cookie notice or navigation line further down (short, unlike a paragraph about cookies).
    if (count_words(line) <= 20 && is_boilerplate_line(line)) continue;
    body.add_line(line);
  }
  doc.body = body.take();
  if (doc.source.empty()) doc.source = most_mentioned_publisher(doc.body).value_or("");
  if (doc.date.empty()) doc.date = find_danish_date(doc.body).value_or("");
  return doc;
}

}  // namespace opslag
