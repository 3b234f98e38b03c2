// Text output of opslag-search.
#include "server/cli/terminal_output.h"

#include <array>
#include <sstream>
#include <utility>

namespace opslag {

std::string snippet_to_text(const std::string& snippet, const std::string& open,
                            const std::string& close) {
  static const std::array<std::pair<std::string_view, std::string_view>, 5> kEntities = {
      {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}}};
  std::string out;
  for (std::size_t i = 0; i < snippet.size();) {
    const std::string_view rest = std::string_view(snippet).substr(i);
    if (rest.starts_with("<mark>")) {
      out += open;
      i += 6;
      continue;
    }
    if (rest.starts_with("</mark>")) {
      out += close;
      i += 7;
      continue;
    }
    bool entity = false;
    for (const auto& [code, text] : kEntities) {
      if (rest.starts_with(code)) {
        out += text;
        i += code.size();
        entity = true;
        break;
      }
    }
    if (!entity) out += snippet[i++];
  }
  return out;
}

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
      out << (i ? ", " : " ") << counts[i].value << " (" << counts[i].count << ')';
    if (counts.size() > kFacetValuesShown) out << ", …";
    out << '\n';
  };
  facet("Kilder", result.sources);
  facet("År", result.years);
  facet("Typer", result.types);
  out << "\n";
  int rank = (request.page - 1) * request.size;
  for (const Hit& hit : result.hits) {
    out << ++rank << ". " << bold << hit.doc.title << reset << '\n';
    out << "   " << dim << (hit.doc.date.empty() ? "uden dato" : hit.doc.date) << " · "
        << hit.doc.source << " · " << hit.doc.type
        << (hit.page > 0 ? " · side " + std::to_string(hit.page) : std::string()) << reset << '\n';
    out << "   " << snippet_to_text(hit.snippet, mark, colour ? reset : "") << '\n';
    out << "   " << dim << hit.doc.id << reset << "\n\n";
  }
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
