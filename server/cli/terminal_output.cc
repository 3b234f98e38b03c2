// Text output of opslag-search.
#include "server/cli/terminal_output.h"

#include <map>
#include <sstream>
#include <vector>

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

/// What kind of word a search took in, in Danish, as the web page names it.
std::string expansion_kind(const std::string& kind) {
  static const std::map<std::string, std::string> kNames{
      {"synonym", "synonym"},       {"spelling", "stavemåde"},     {"variant", "variant"},
      {"wildcard", "begynder med"}, {"compound", "sammensat ord"}, {"parts", "ordets dele"},
      {"form", "bøjningsform"}};
  const auto it = kNames.find(kind);
  return it == kNames.end() ? kind : it->second;
}

}  // namespace

std::string danish_number(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string wrap_marked(std::string_view text,
                        const std::vector<std::pair<std::size_t, std::size_t>>& marks,
                        std::size_t width, std::string_view indent, std::string_view open,
                        std::string_view close) {
  // Where to break: at a space, once the next word would not fit. Characters, not bytes, count.
  const std::size_t room = width > indent.size() ? width - indent.size() : 0;
  std::vector<bool> breaks(text.size(), false);
  if (room > 0) {
    std::size_t column = 0, last_space = std::string_view::npos, since_space = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // not a character
      if (text[i] == ' ') {
        last_space = i;
        since_space = 0;
      } else {
        ++since_space;
      }
      if (++column > room && last_space != std::string_view::npos && text[i] != ' ') {
        breaks[last_space] = true;
        column = since_space;
        last_space = std::string_view::npos;
      }
    }
  }
  std::string out;
  auto mark = marks.begin();
  bool marking = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (marking && i == mark->second) {
      out += close;
      marking = false;
      ++mark;
    }
    if (!marking && mark != marks.end() && i == mark->first) {
      out += open;
      marking = true;
    }
    if (breaks[i]) {
      out += marking ? std::string(close) : "";
      out += '\n';
      out += indent;
      out += marking ? std::string(open) : "";
    } else {
      out += text[i];
    }
  }
  if (marking) out += close;
  return out;
}

std::string format_hits(const SearchRequest& request, const SearchResult& result, bool colour,
                        std::size_t width, bool queued) {
  std::ostringstream out;
  const std::string bold = colour ? "\033[1m" : "", mark = colour ? "\033[1;33m" : "",
                    dim = colour ? "\033[2m" : "", reset = colour ? "\033[0m" : "";
  const auto line = [&](std::string_view text, std::string_view indent) {
    return wrap_marked(text, {}, width, indent, "", "");
  };
  // Which hits these are, of how many, and how to see the next ones.
  const std::string total = (result.estimated ? "ca. " : "") + danish_number(result.total) +
                            (result.total == 1 && !result.estimated ? " dokument" : " dokumenter");
  std::string count;
  if (result.hits.empty()) {
    count = result.total == 0 ? "Ingen dokumenter" : "Ingen flere af " + total;
  } else {
    const auto first = static_cast<std::uint64_t>(request.page - 1) * request.size + 1;
    const std::uint64_t last = first + result.hits.size() - 1;
    count =
        (first == last ? std::to_string(first) : danish_number(first) + "–" + danish_number(last)) +
        " af " + total;
  }
  count += " for \"" + printable(request.query) + "\"";
  if (!result.ignored.empty()) {
    count += " (uden stopord:";
    for (const std::string& w : result.ignored) count += ' ' + printable(w);
    count += ')';
  }
  const bool more = !result.hits.empty() &&
                    static_cast<std::uint64_t>(request.page) * request.size < result.total;
  if (more && queued) count += " — resten: kør igen";
  if (more && !queued) count += " — næste: --page " + std::to_string(request.page + 1);
  out << line(count, "") << "\n";
  if (!result.suggestion.empty())
    out << "Mente du: " << bold << printable(result.suggestion) << reset << "?\n";
  // A word searched as the archive spells it, instead of as typed; then what the search took in
  // besides the words typed, so the matches of a synonym or another form are no surprise.
  std::vector<const Expansion*> besides;
  for (const Expansion& e : result.expansions) {
    if (e.kind == "respelled")
      out << line("Søgte efter " + printable(e.to) + " i stedet for " + printable(e.from), "  ")
          << '\n';
    else
      besides.push_back(&e);
  }
  if (!besides.empty()) {
    std::string text = "Søgningen omfattede også:";
    for (std::size_t i = 0; i < besides.size() && i < kExpansionsShown; ++i)
      text += (i ? ", " : " ") + printable(besides[i]->to) + " (" +
              expansion_kind(besides[i]->kind) + ')';
    if (besides.size() > kExpansionsShown) text += ", …";
    out << dim << line(text, "  ") << reset << '\n';
  }
  // The facets, so a journalist sees where to narrow (--source, --type, --from) at a glance.
  const auto facet = [&](const char* label, const std::vector<FacetCount>& counts) {
    if (counts.empty()) return;
    std::string text = std::string(label) + ':';
    for (std::size_t i = 0; i < counts.size() && i < kFacetValuesShown; ++i)
      text += (i ? ", " : " ") + printable(counts[i].value) + " (" +
              danish_number(counts[i].count) + ')';
    if (counts.size() > kFacetValuesShown) text += ", …";
    out << dim << line(text, "  ") << reset << '\n';
  };
  facet("Kilder", result.sources);
  facet("År", result.years);
  facet("Typer", result.types);
  out << "\n";
  std::uint64_t rank = static_cast<std::uint64_t>(request.page - 1) * request.size;
  for (const Hit& hit : result.hits) {
    const std::string number = std::to_string(++rank) + ". ";
    out << number << bold << line(printable(hit.doc.title), "   ") << reset << '\n';
    // A part the document lacks is left out, not shown as an empty place between dots.
    const std::string meta = (hit.doc.date.empty() ? "uden dato" : printable(hit.doc.date)) +
                             (hit.doc.source.empty() ? "" : " · " + printable(hit.doc.source)) +
                             (hit.doc.type.empty() ? "" : " · " + printable(hit.doc.type)) +
                             (hit.page > 0 ? " · side " + std::to_string(hit.page) : std::string());
    out << "   " << dim << line(meta, "   ") << reset << '\n';
    out << "   "
        << wrap_marked(printable(hit.snippet.text), hit.snippet.marks, width, "   ", mark,
                       colour ? reset : "")
        << '\n';
    // The id (for --show ID) and where the document is: its url, else the file it came from.
    const std::string& where = hit.doc.url.empty() ? hit.doc.file : hit.doc.url;
    out << "   " << dim
        << line(printable(hit.doc.id) + (where.empty() ? "" : "  " + printable(where)), "   ")
        << reset << "\n\n";
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
