// PDF reading with poppler-cpp: pages, title, dates, publisher.
#include "indexer/readers/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <ctime>
#include <memory>

#include "indexer/readers/danish_dates.h"
#include "indexer/readers/pdf_text.h"
#include "indexer/readers/publishers.h"
#include "indexer/readers/text_lines.h"
#include "schema/errors.h"

namespace opslag {
namespace {

std::string utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

/// Poppler reports damaged files on stderr; the indexer reports them itself, once.
void quiet(const std::string&, void*) {}

/// `title` in sentence case if it is set in capitals ("DEN DIGITALE VEJ" -> "Den digitale vej").
std::string sentence_case(const std::string& title) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(title);
  if (text != icu::UnicodeString(text).toUpper(icu::Locale("da"))) return title;
  text.toLower(icu::Locale("da"));
  text.replace(0, 1, icu::UnicodeString(text, 0, 1).toUpper(icu::Locale("da")));
  std::string out;
  text.toUTF8String(out);
  return out;
}

/// A title entry worth using: not empty, not a file name, not a placeholder.
bool real_title(const std::string& title) {
  const std::string_view t = trim(title);
  if (t.size() < 4 || count_words(t) < 2) return false;
  for (std::string_view junk : {".doc", ".pdf", ".indd", "Microsoft Word", "untitled", "Untitled"})
    if (t.find(junk) != std::string_view::npos) return false;
  return true;
}

/// The first block of lines of the laid-out first page, joined, without page furniture; empty
/// if it is long.
std::string first_block(poppler::page& page, const PdfPages& pages) {
  std::string block;
  const std::string text = utf8(page.text());
  for (std::string_view line : split_lines(text)) {
    line = trim(line);
    if (pages.is_furniture(line)) continue;
    if (line.empty()) {
      if (!block.empty()) break;
      continue;
    }
    block += (block.empty() ? "" : " ") + std::string(line);
  }
  return count_words(block) <= 15 ? block : "";
}

/// The words set in the largest type on `page`, in order.
std::string largest_type(poppler::page& page) {
  const auto boxes = page.text_list(poppler::page::text_list_include_font);
  double largest = 0;
  for (const auto& box : boxes) largest = std::max(largest, box.get_font_size());
  std::string out;
  for (const auto& box : boxes)
    if (box.get_font_size() >= largest - 0.5) out += (out.empty() ? "" : " ") + utf8(box.text());
  return out;
}

std::string iso_date(std::time_t t) {
  if (t <= 0) return "";
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[11];
  std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
  return out;
}

/// The document of the PDF `pdf` opened, or null when poppler could not open it.
StoredDocument read_opened(std::unique_ptr<poppler::document> pdf, std::size_t max_text) {
  if (!pdf) throw BadInput("damaged PDF: poppler cannot open it");
  if (pdf->is_locked()) throw BadInput("password-protected (encrypted) PDF");

  std::vector<std::string> pages;
  std::unique_ptr<poppler::page> first;
  std::size_t text = 0;
  // Pages past the text a document keeps are not read: a small file can hold gigabytes of it.
  for (int i = 0; i < pdf->pages() && text <= max_text; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) {
      pages.emplace_back();
      continue;
    }
    pages.push_back(utf8(page->text(poppler::rectf(), poppler::page::raw_order_layout)));
    text += pages.back().size();
    if (i == 0) first = std::move(page);
  }
  StoredDocument doc;
  const PdfPages cleaned(pages);
  doc.body = cleaned.body();
  if (doc.body.find_first_not_of(" \n\f") == std::string::npos)
    throw BadInput("PDF has no text (scanned images only?)");

  const std::string info_title = utf8(pdf->get_title());
  if (real_title(info_title)) {
    doc.title = std::string(trim(info_title));
  } else if (first) {
    doc.title = first_block(*first, cleaned);
    if (doc.title.empty()) doc.title = largest_type(*first);
  }
  doc.title = sentence_case(doc.title);
  doc.date = find_danish_date(doc.body).value_or(iso_date(pdf->get_creation_date_t()));
  doc.source = most_mentioned_publisher(doc.body).value_or("");
  doc.type = "rapport";
  return doc;
}

}  // namespace

StoredDocument read_pdf(std::string_view bytes, std::size_t max_text) {
  poppler::set_debug_error_function(quiet, nullptr);
  if (!bytes.starts_with("%PDF-")) throw BadInput("not a PDF (no %PDF- header)");
  return read_opened(std::unique_ptr<poppler::document>(poppler::document::load_from_raw_data(
                         bytes.data(), static_cast<int>(bytes.size()))),
                     max_text);
}

StoredDocument read_pdf_file(const std::filesystem::path& file, std::string_view head,
                             std::size_t max_text) {
  poppler::set_debug_error_function(quiet, nullptr);
  if (!head.starts_with("%PDF-")) throw BadInput("not a PDF (no %PDF- header)");
  return read_opened(
      std::unique_ptr<poppler::document>(poppler::document::load_from_file(file.string())),
      max_text);
}

}  // namespace opslag
