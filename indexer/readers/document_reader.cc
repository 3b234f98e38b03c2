// Checks a file's bytes and hands them to the reader for its format.
#include "indexer/readers/document_reader.h"

#include <algorithm>
#include <cctype>

#include "indexer/readers/html_reader.h"
#include "indexer/readers/markdown_reader.h"
#include "indexer/readers/office_reader.h"
#include "indexer/readers/pdf_reader.h"
#include "indexer/readers/text_encoding.h"
#include "indexer/readers/text_reader.h"
#include "schema/analysis/icu_text.h"
#include "schema/errors.h"

namespace opslag {
namespace {

enum class Format { kText, kMarkdown, kHtml, kPdf, kDocx, kOdt, kUnsupported };

Format format_of(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".txt" || ext == ".text") return Format::kText;
  if (ext == ".md" || ext == ".markdown") return Format::kMarkdown;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  if (ext == ".pdf") return Format::kPdf;
  if (ext == ".docx") return Format::kDocx;
  if (ext == ".odt") return Format::kOdt;
  return Format::kUnsupported;
}

/// A readable title from a file name: "2016-05-12-ny-strategi.txt" -> "2016 05 12 ny strategi".
std::string title_from_name(const std::filesystem::path& file) {
  std::string name = file.stem().string();
  std::replace(name.begin(), name.end(), '-', ' ');
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

}  // namespace

bool is_supported_file(const std::filesystem::path& file) {
  return format_of(file) != Format::kUnsupported;
}

std::size_t text_cut(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text.size();
  const std::size_t space = text.find_last_of(" \n", limit);
  if (space != std::string_view::npos && space + 1000 >= limit) return space;
  std::size_t at = limit;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

StoredDocument read_document(const std::filesystem::path& file, std::string_view content,
                             const DanishAnalyzer& analyzer, TextLimit* limit) {
  const Format format = format_of(file);
  if (format == Format::kUnsupported)
    throw BadInput("unsupported file type \"" + file.extension().string() +
                   "\" (readable: .txt, .md, .html, .pdf, .docx, .odt)");
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw BadInput("file is empty");
  TextLimit unlimited;
  TextLimit& text_limit = limit ? *limit : unlimited;
  // Cuts `text` to `at_most` bytes, noting from how many.
  const auto cut = [&text_limit](std::string_view text, std::size_t at_most) {
    if (text.size() <= at_most) return text;
    text_limit.cut_from = std::max(text_limit.cut_from, text.size());
    return text.substr(0, text_cut(text, at_most));
  };
  const std::size_t max = text_limit.max_bytes;
  StoredDocument doc;
  if (format == Format::kPdf) {
    doc = read_pdf(content);
  } else if (format == Format::kDocx) {
    doc = read_docx(content);
  } else if (format == Format::kOdt) {
    doc = read_odt(content);
  } else {
    // Cut before normalising, which costs many times the text's size; HTML's markup counts
    // four times over.
    const std::size_t raw = format == Format::kHtml && max < SIZE_MAX / 4 ? 4 * max : max;
    const std::string utf8 = to_utf8(cut(content, raw));
    const std::string text =
        analyzer.normalize(format == Format::kHtml ? std::string_view(utf8) : cut(utf8, max));
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw BadInput("file is empty");
    doc = format == Format::kHtml       ? read_html(text)
          : format == Format::kMarkdown ? read_markdown(text)
                                        : read_plain_text(text);
  }
  // Readers copy NFC input, but HTML entities can decode to decomposed text.
  doc.title = analyzer.normalize(doc.title);
  doc.body = analyzer.normalize(cut(doc.body, max));
  doc.source = analyzer.normalize(doc.source);
  if (doc.title.empty()) doc.title = title_from_name(file);
  if (doc.type.empty()) doc.type = "dokument";
  return doc;
}

}  // namespace opslag
