// Checks a file's bytes and hands them to the reader for its format.
#include "document_reader.h"

#include <algorithm>
#include <cctype>

#include "errors.h"
#include "html_reader.h"
#include "icu_text.h"
#include "markdown_reader.h"
#include "text_reader.h"

namespace opslag {
namespace {

enum class Format { kText, kMarkdown, kHtml, kUnsupported };

Format format_of(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".txt" || ext == ".text") return Format::kText;
  if (ext == ".md" || ext == ".markdown") return Format::kMarkdown;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
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

StoredDocument read_document(const std::filesystem::path& file, std::string_view content,
                             const DanishAnalyzer& analyzer) {
  const Format format = format_of(file);
  if (format == Format::kUnsupported)
    throw BadInput("unsupported file type \"" + file.extension().string() +
                   "\" (readable: .txt, .md, .html)");
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw BadInput("file is empty");
  if (content.substr(0, 8192).find('\0') != std::string_view::npos)
    throw BadInput("binary file, not text");
  if (const auto bad = text::invalid_utf8_offset(content))
    throw BadInput("not valid UTF-8 text (bad byte at offset " + std::to_string(*bad) + ")");

  const std::string nfc = analyzer.normalize(content);
  StoredDocument doc = format == Format::kHtml       ? read_html(nfc)
                       : format == Format::kMarkdown ? read_markdown(nfc)
                                                     : read_plain_text(nfc);
  // Readers copy NFC input, but HTML entities can decode to decomposed text.
  doc.title = analyzer.normalize(doc.title);
  doc.body = analyzer.normalize(doc.body);
  doc.source = analyzer.normalize(doc.source);
  if (doc.title.empty()) doc.title = title_from_name(file);
  if (doc.type.empty()) doc.type = "dokument";
  return doc;
}

}  // namespace opslag
