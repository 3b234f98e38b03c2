// Text output of opslag-search.
#include "server/cli/terminal_output.h"

#include <sstream>

namespace opslag {
namespace {

/// `text` with every control character (C0, DEL, C1) a space, so a document can never send the
/// terminal an escape sequence; byte offsets into it stay where they were. With `keep_lines`,
/// line feeds and form feeds stay.
std::string printable(std::string text, bool keep_lines = false) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (keep_lines && (c == '\n' || c == '\f')) continue;
    if (c < 0x20 || c == 0x7F) text[i] = ' ';
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F)
      text[i] = text[i + 1] = ' ';
  }
  return text;
}

}  // namespace

std::string format_hits(const SearchRequest& request, const SearchResult& result, bool colour) {
  std::ostringstream out;
  const std::string bold = colour ? "\033[1m" : "", mark = colour ? "\033[1;33m" : "",
                    dim = colour ? "\033[2m" : "", reset = colour ? "\033[0m" : "";
  out << (result.estimated ? "ca. " : "") << result.total
      << (result.total == 1 ? " dokument" : " dokumenter") << " for \"" << request.query << "\"";
  if (!result.ignored.empty()) {
    out << " (uden stopord:";
    for (const std::string& w : result.ignored) out << ' ' << w;
    out << ')';
  }
  out << "\n";
  if (!result.suggestion.empty())
    out << "Mente du: " << bold << result.suggestion << reset << "?\n";
  // The facets, so a journalist sees where to narrow (--source, --type, --from) at a glance.
  const auto facet = [&](const char* label, const std::vector<FacetCount>& counts) {
    if (counts.empty()) return;
    out << dim << label << ':' << reset;
    for (std::size_t i = 0; i < counts.size() && i < kFacetValuesShown; ++i)
      out << (i ? ", " : " ") << printable(counts[i].value) << " (" << counts[i].count << ')';
    if (counts.size() > kFacetValuesShown) out << ", …";
    out << '\n';
  };
  facet("Kilder", result.sources);
  facet("År", result.years);
  facet("Typer", result.types);
  out << "\n";
  int rank = (request.page - 1) * request.size;
  for (const Hit& hit : result.hits) {
    out << ++rank << ". " << bold << printable(hit.doc.title) << reset << '\n';
    // A part the document lacks is left out, not shown as an empty place between dots.
    out << "   " << dim << (hit.doc.date.empty() ? "uden dato" : printable(hit.doc.date))
        << (hit.doc.source.empty() ? "" : " · " + printable(hit.doc.source)) << " · "
        << printable(hit.doc.type)
        << (hit.page > 0 ? " · side " + std::to_string(hit.page) : std::string()) << reset << '\n';
    const Snippet snippet{printable(hit.snippet.text), hit.snippet.marks};
    out << "   " << snippet.with_marks(mark, colour ? reset : "") << '\n';
    out << "   " << dim << printable(hit.doc.id) << reset << "\n\n";
  }
  return out.str();
}

std::string format_document(const DocumentView& view, bool colour) {
  const std::string bold = colour ? "\033[1m" : "", mark = colour ? "\033[1;33m" : "",
                    dim = colour ? "\033[2m" : "", reset = colour ? "\033[0m" : "";
  const StoredDocument& doc = view.doc;
  std::ostringstream out;
  const Snippet title{printable(doc.title.empty() ? doc.id : doc.title),
                      doc.title.empty() ? decltype(view.title_marks){} : view.title_marks};
  out << bold << title.with_marks(mark, colour ? reset + bold : "") << reset << '\n';
  std::string meta = doc.date.empty() ? "uden dato" : printable(doc.date);
  if (!doc.source.empty()) meta += " · " + printable(doc.source);
  if (!doc.type.empty()) meta += " · " + printable(doc.type);
  out << dim << meta << reset << '\n';
  if (!doc.url.empty()) out << dim << printable(doc.url) << reset << '\n';
  if (!view.body_marks.empty())
    out << view.body_marks.size() << (view.body_marks.size() == 1 ? " fundsted" : " fundsteder")
        << '\n';
  out << '\n';
  const std::string body = printable(doc.body, true);
  int page = 1;
  auto next = view.body_marks.begin();
  bool marking = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (marking && i == next->second) {
      out << reset;
      marking = false;
      ++next;
    }
    if (!marking && next != view.body_marks.end() && i == next->first) {
      out << mark;
      marking = true;
    }
    if (body[i] == '\f') {
      out << (marking ? reset : "") << "\n\n"
          << dim << "── side " << ++page << " ──" << reset << "\n\n"
          << (marking ? mark : "");
    } else {
      out << body[i];
    }
  }
  if (marking) out << reset;
  if (!body.empty() && body.back() != '\n') out << '\n';
  return out.str();
}

std::string format_analysis(const DanishAnalyzer& analyzer, std::string_view text) {
  std::string out;
  for (const AnalyzedWord& w : analyzer.analyze(text)) {
    out += (w.alternative ? "+" : "") + w.word + '\t' + w.stem;
    std::string parts;
    if (!w.alternative)
      for (const std::string& part : analyzer.compound_stems(w.word))
        parts += (parts.empty() ? "" : "+") + part;
    if (!parts.empty()) out += '\t' + parts;
    out += '\n';
  }
  return out;
}

}  // namespace opslag
