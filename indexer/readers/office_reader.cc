// Word and OpenDocument reading: the archive, its XML, the paragraphs and metadata in it.
#include "indexer/readers/office_reader.h"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>

#include "indexer/readers/danish_dates.h"
#include "indexer/readers/publishers.h"
#include "indexer/readers/text_lines.h"
#include "schema/errors.h"

namespace opslag {
namespace {

/// A zip archive read from memory or from its file. `head` is its first bytes (at least 8).
class ZipArchive {
 public:
  ZipArchive(std::string_view head, std::string_view bytes, const std::filesystem::path& file) {
    if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
      throw BadInput("password-protected (encrypted) or old binary Word/Office file: not readable");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = file.empty()
                               ? zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error)
                               : zip_source_file_create(file.c_str(), 0, -1, &error);
    if (source) archive_.reset(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!archive_) {
      if (source) zip_source_free(source);
      zip_error_fini(&error);
      throw BadInput("not a zip archive (truncated or corrupt)");
    }
    zip_error_fini(&error);
  }

  /// The entry `name`, or nullopt if the archive has none. Throws BadInput if it is over
  /// kMaxEntryBytes or cannot be read.
  std::optional<std::string> read(const char* name) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_.get(), name, 0, &stat) != 0) return std::nullopt;
    if (!(stat.valid & ZIP_STAT_SIZE) || stat.size > kMaxEntryBytes)
      throw BadInput(std::string(name) + " is too large to read (" +
                     std::to_string(stat.size >> 20) + " MB uncompressed; at most " +
                     std::to_string(kMaxEntryBytes >> 20) + " MB)");
    const std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
        zip_fopen(archive_.get(), name, 0), zip_fclose);
    if (!file) throw BadInput(std::string("cannot read ") + name + " in the archive");
    std::string out(stat.size, '\0');
    if (zip_fread(file.get(), out.data(), stat.size) != static_cast<zip_int64_t>(stat.size))
      throw BadInput(std::string("cannot read ") + name + " in the archive (damaged)");
    return out;
  }

  // Parsing XML takes several times its size in memory: 32 MB of it is a 10,000-page document.
  static constexpr zip_uint64_t kMaxEntryBytes = 32u << 20;

 private:
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive_{nullptr, zip_discard};
};

/// The most tags an entry may have: pugixml's memory grows with the nodes (about 110 bytes
/// each), not with the bytes, so 31 MB of empty paragraphs took 390 MB. 1,500,000 are a Word
/// document of well over a thousand pages.
constexpr std::size_t kMaxTags = 1'500'000;

/// Parses `xml` in place (it must outlive the document), unless it has more than kMaxTags.
pugi::xml_document parse(std::string& xml, const char* name) {
  if (const auto tags = static_cast<std::size_t>(std::count(xml.begin(), xml.end(), '<'));
      tags > kMaxTags)
    throw BadInput(std::string(name) + " has " + std::to_string(tags) + " tags, more than the " +
                   std::to_string(kMaxTags) + " that are read");
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_buffer_inplace(xml.data(), xml.size());
  if (!result) throw BadInput(std::string(name) + " is not valid XML: " + result.description());
  return doc;
}

/// The first element named `name` under `node`, depth first.
pugi::xml_node find(const pugi::xml_node& node, const char* name) {
  return node.find_node(
      [&](const pugi::xml_node& n) { return std::string_view(n.name()) == name; });
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// "2019-12-18T08:58:00Z" -> "2019-12-18", or "" if it is no date.
std::string iso_date(const std::string& text) { return parse_danish_date(trim(text)).value_or(""); }

/// A paragraph and the name of its style.
struct Paragraph {
  std::string text;
  std::string style;  ///< lower case, spaces removed ("heading1", "title", "date")
};

/// Visits the nodes under `root` in document order; `enter(node)` says whether to go into its
/// children. A loop, not recursion: a document may nest elements deeper than the call stack
/// allows.
template <typename Enter>
void walk(const pugi::xml_node& root, Enter enter) {
  pugi::xml_node node = root.first_child();
  while (node) {
    if (enter(node) && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != root && !node.next_sibling()) node = node.parent();
    if (node == root) break;
    node = node.next_sibling();
  }
}

/// The text of a Word paragraph: runs, tabs and breaks; the fallback copies of drawings skipped.
void word_text(const pugi::xml_node& paragraph, std::string& out) {
  walk(paragraph, [&](const pugi::xml_node& node) {
    const std::string_view name = node.name();
    if (name == "w:t") {
      out += node.text().get();
    } else if (name == "w:tab") {
      out += '\t';
    } else if (name == "w:br" || name == "w:cr") {
      out += '\n';
    } else {
      return name != "mc:Fallback" && name != "w:pPr" && name != "w:delText";
    }
    return false;
  });
}

void word_paragraphs(const pugi::xml_node& body, std::vector<Paragraph>& out) {
  walk(body, [&](const pugi::xml_node& node) {
    const std::string_view name = node.name();
    if (name != "w:p") return name != "mc:Fallback";
    Paragraph p;
    word_text(node, p.text);
    std::string style = node.child("w:pPr").child("w:pStyle").attribute("w:val").value();
    std::erase(style, ' ');
    p.style = lower(style);
    out.push_back(std::move(p));
    return false;
  });
}

/// A run of spaces (<text:s text:c="N"/>) counts at most this many: a count of two billion
/// must not take two gigabytes.
constexpr int kMaxSpaces = 100;

/// The text of an OpenDocument paragraph or heading.
void odf_text(const pugi::xml_node& paragraph, std::string& out) {
  walk(paragraph, [&](const pugi::xml_node& node) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      out += node.value();
      return false;
    }
    const std::string_view name = node.name();
    if (name == "text:s") {
      out += std::string(std::clamp(node.attribute("text:c").as_int(1), 1, kMaxSpaces), ' ');
    } else if (name == "text:tab") {
      out += '\t';
    } else if (name == "text:line-break") {
      out += '\n';
    } else {
      return name != "text:note" && name != "office:annotation";
    }
    return false;
  });
}

void odf_paragraphs(const pugi::xml_node& body, std::vector<Paragraph>& out) {
  walk(body, [&](const pugi::xml_node& node) {
    const std::string_view name = node.name();
    if (name != "text:p" && name != "text:h") return true;
    Paragraph p;
    odf_text(node, p.text);
    p.style =
        name == "text:h" && node.attribute("text:outline-level").as_int(1) == 1 ? "heading1" : "";
    out.push_back(std::move(p));
    return false;
  });
}

/// Fills body (and title, date, source where still empty) from `paragraphs`.
void fill(const std::vector<Paragraph>& paragraphs, StoredDocument& doc) {
  BodyBuilder body;
  std::string first, heading, date, author;
  for (const Paragraph& p : paragraphs) {
    const std::string_view text = trim(p.text);
    if (text.empty()) continue;
    for (std::string_view line : split_lines(text)) body.add_line(trim(line));
    body.add_line("");
    if (first.empty()) first = text;
    if (heading.empty() && (p.style == "title" || p.style == "titel" || p.style == "heading1" ||
                            p.style == "overskrift1"))
      heading = text;
    if (date.empty() && (p.style == "date" || p.style == "dato")) date = text;
    if (author.empty() && (p.style == "author" || p.style == "forfatter")) author = text;
  }
  doc.body = body.take();
  if (doc.body.empty()) throw BadInput("the document has no text");
  if (doc.title.empty()) doc.title = !heading.empty() ? heading : first;
  if (const auto d = parse_danish_date(lower(date)); d) doc.date = *d;
  if (doc.source.empty()) doc.source = author;
  if (doc.source.empty()) doc.source = most_mentioned_publisher(doc.body).value_or("");
  if (doc.date.empty()) doc.date = find_danish_date(doc.body.substr(0, 2000)).value_or("");
}

/// Where a format keeps its parts: the body's entry and element, the metadata's entry and the
/// elements of its title and dates (first found wins), how to read paragraphs.
struct OfficeFormat {
  const char* body_entry;
  const char* missing;  ///< what to say when body_entry is not in the archive
  const char* body_element;
  const char* meta_entry;
  std::array<const char*, 2> created;
  void (*paragraphs)(const pugi::xml_node&, std::vector<Paragraph>&);
};

StoredDocument read_office(const ZipArchive& zip, const OfficeFormat& format) {
  auto body = zip.read(format.body_entry);
  if (!body) throw BadInput(format.missing);
  StoredDocument doc;
  std::string created;
  if (auto meta = zip.read(format.meta_entry)) {
    const pugi::xml_document xml = parse(*meta, format.meta_entry);
    doc.title = std::string(trim(find(xml, "dc:title").text().get()));
    for (const char* tag : format.created)
      if (created.empty()) created = iso_date(find(xml, tag).text().get());
  }
  if (auto app = zip.read("docProps/app.xml")) {  // Word only: the company
    const pugi::xml_document xml = parse(*app, "docProps/app.xml");
    doc.source = std::string(trim(find(xml, "Company").text().get()));
  }
  const pugi::xml_document xml = parse(*body, format.body_entry);
  std::vector<Paragraph> paragraphs;
  format.paragraphs(find(xml, format.body_element), paragraphs);
  fill(paragraphs, doc);
  if (doc.date.empty()) doc.date = created;
  doc.type = "dokument";
  return doc;
}

const OfficeFormat kWord{"word/document.xml",
                         "word/document.xml is missing: not a Word document",
                         "w:body",
                         "docProps/core.xml",
                         {"dcterms:created", "dcterms:modified"},
                         word_paragraphs};

const OfficeFormat kOpenDocument{"content.xml",
                                 "content.xml is missing: not an OpenDocument file",
                                 "office:text",
                                 "meta.xml",
                                 {"meta:creation-date", "dc:date"},
                                 odf_paragraphs};

}  // namespace

StoredDocument read_docx(std::string_view bytes) {
  return read_office(ZipArchive(bytes, bytes, {}), kWord);
}

StoredDocument read_odt(std::string_view bytes) {
  return read_office(ZipArchive(bytes, bytes, {}), kOpenDocument);
}

StoredDocument read_docx_file(const std::filesystem::path& file, std::string_view head) {
  return read_office(ZipArchive(head, {}, file), kWord);
}

StoredDocument read_odt_file(const std::filesystem::path& file, std::string_view head) {
  return read_office(ZipArchive(head, {}, file), kOpenDocument);
}

}  // namespace opslag
