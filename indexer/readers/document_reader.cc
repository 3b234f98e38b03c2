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

namespace {

/// How many bytes of a text format's file make at most `max` bytes of text: HTML's markup
/// counts three times over.
std::size_t raw_bytes(Format format, std::size_t max) {
  return format == Format::kHtml && max < SIZE_MAX / 3 ? 3 * max : max;
}

/// The most tags of an HTML page read: gumbo's memory grows with a page's elements (about 500
/// bytes each), not with its bytes, so 12 MB of "<p>a" took 1.4 GB. 200,000 tags are a page of
/// about 8 MB of ordinary markup.
constexpr std::size_t kMaxHtmlTags = 200'000;

/// Where `markup` reaches its `max_tags`-th '<' (its size when it has fewer).
std::size_t tags_end(std::string_view markup, std::size_t max_tags) {
  std::size_t at = 0;
  for (std::size_t tags = 0; tags < max_tags; ++tags) {
    at = markup.find('<', at);
    if (at == std::string_view::npos) return markup.size();
    ++at;
  }
  return at - 1;
}

/// Where a document's bytes are: in memory, or (PDF and office files) in `file`, of which
/// `bytes` is then the first few.
struct Bytes {
  std::string_view bytes;
  const std::filesystem::path* file = nullptr;
  const BinaryReader* extract = nullptr;  ///< reads PDF and office files instead, if set
};

bool is_read_from_file(Format format) {
  return format == Format::kPdf || format == Format::kDocx || format == Format::kOdt;
}

StoredDocument read_document(const std::filesystem::path& file, Bytes content,
                             const DanishAnalyzer& analyzer, TextLimit* limit) {
  const Format format = format_of(file);
  if (format == Format::kUnsupported)
    throw BadInput("unsupported file type \"" + file.extension().string() +
                   "\" (readable: .txt, .md, .html, .pdf, .docx, .odt)");
  if (content.bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
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
  const std::string_view bytes = content.bytes;
  StoredDocument doc;
  if (content.file && is_read_from_file(format)) {
    doc = content.extract ? (*content.extract)(*content.file, bytes, max)
                          : read_binary_file(*content.file, bytes, max);
  } else if (format == Format::kPdf) {
    doc = read_pdf(bytes, max);
  } else if (format == Format::kDocx) {
    doc = read_docx(bytes);
  } else if (format == Format::kOdt) {
    doc = read_odt(bytes);
  } else {
    // Cut before normalising, which costs many times the text's size; HTML's markup counts
    // three times over.
    std::string_view raw = cut(bytes, raw_bytes(format, max));
    if (format == Format::kHtml) {
      if (const std::size_t end = tags_end(raw, kMaxHtmlTags); end < raw.size()) {
        text_limit.cut_from = std::max(text_limit.cut_from, raw.size());
        raw = raw.substr(0, end);
      }
    }
    const std::string utf8 = to_utf8(raw);
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

}  // namespace

StoredDocument read_document(const std::filesystem::path& file, std::string_view content,
                             const DanishAnalyzer& analyzer, TextLimit* limit) {
  return read_document(file, Bytes{content}, analyzer, limit);
}

std::size_t head_bytes(const std::filesystem::path& file, std::size_t max_text_bytes) {
  const Format format = format_of(file);
  if (is_read_from_file(format)) return 64;
  const std::size_t raw = raw_bytes(format, max_text_bytes);
  // A little more than the cut needs, so that it finds where the cut falls as it would in all.
  return raw < SIZE_MAX - 4096 ? raw + 4096 : SIZE_MAX;
}

std::string short_title(std::string title) {
  if (title.size() <= kMaxTitleBytes) return title;
  title.resize(text_cut(title, kMaxTitleBytes - 4));
  while (!title.empty() && (title.back() == ' ' || title.back() == ',')) title.pop_back();
  return title + " …";
}

bool is_binary_format(const std::filesystem::path& file) {
  return is_read_from_file(format_of(file));
}

StoredDocument read_binary_file(const std::filesystem::path& file, std::string_view head,
                                std::size_t max_text_bytes) {
  switch (format_of(file)) {
    case Format::kPdf:
      return read_pdf_file(file, head, max_text_bytes);
    case Format::kDocx:
      return read_docx_file(file, head);
    case Format::kOdt:
      return read_odt_file(file, head);
    default:
      throw BadInput("not a PDF, .docx or .odt file");
  }
}

StoredDocument read_document_file(const std::filesystem::path& file, std::string_view head,
                                  std::uint64_t size, const DanishAnalyzer& analyzer,
                                  TextLimit* limit, const BinaryReader* extract) {
  StoredDocument doc = read_document(file, Bytes{head, &file, extract}, analyzer, limit);
  if (limit && !is_binary_format(file) && size > head.size())
    limit->cut_from = std::max<std::uint64_t>(limit->cut_from, size);
  return doc;
}

}  // namespace opslag
