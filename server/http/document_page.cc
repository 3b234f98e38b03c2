// The document view's HTML: head, metadata, links, text with marks and page markers, similar.
#include "server/http/document_page.h"

#include <algorithm>
#include <cstdlib>

#include "server/json/document_links.h"
#include "server/json/snippet_html.h"

namespace opslag {
namespace {

using Marks = std::vector<std::pair<std::size_t, std::size_t>>;

std::string head(std::string_view title) {
  return "<!doctype html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         html_escape(title) +
         " – Opslag</title>\n"
         "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n"
         "<link rel=\"stylesheet\" href=\"/static/view.css\">\n"
         "<script src=\"/static/view.js\" defer></script>\n</head>\n";
}

std::string top(std::string_view query) {
  std::string back = "/";
  if (!query.empty()) back += "?q=" + percent_encoded(query);
  return "<header class=\"top\"><a class=\"brand\" href=\"/\">Opslag</a>"
         "<a class=\"back\" href=\"" +
         html_escape(back) + "\">" +
         (query.empty() ? "Søg i dokumenterne" : "← Tilbage til søgningen") + "</a></header>\n";
}

/// `text`[begin, end) escaped, with the parts of `marks` inside it in <mark>: a match that
/// started before `begin` goes on as a <mark class="fortsat">. Counts matches opened in `n`.
void append_marked(std::string& out, std::string_view text, std::size_t begin, std::size_t end,
                   const Marks& marks, std::size_t& n, bool numbered) {
  auto it = std::lower_bound(marks.begin(), marks.end(), begin,
                             [](const auto& m, std::size_t at) { return m.second <= at; });
  std::size_t at = begin;
  for (; it != marks.end() && it->first < end; ++it) {
    const std::size_t from = std::max(it->first, begin);
    const std::size_t to = std::min(it->second, end);
    out += html_escape(text.substr(at, from - at));
    if (it->first < begin) {
      out += "<mark class=\"fortsat\">";
    } else if (numbered) {
      ++n;
      out += "<mark id=\"m" + std::to_string(n) + "\">";
    } else {
      out += "<mark>";
    }
    out += html_escape(text.substr(from, to - from));
    out += "</mark>";
    at = to;
  }
  out += html_escape(text.substr(at, end - at));
}

/// The body in <p>s: paragraphs end at a blank line, pages at a form feed (PDF).
std::string body_html(std::string_view body, const Marks& marks) {
  std::string out;
  const bool paged = body.find('\f') != std::string_view::npos;
  int page = 1;
  std::size_t n = 0;
  const auto page_marker = [&] {
    out += "<p class=\"side\" id=\"side-" + std::to_string(page) + "\">Side " +
           std::to_string(page) + "</p>\n";
  };
  if (paged) page_marker();
  std::size_t at = 0;
  while (at < body.size()) {
    // The next paragraph break: a blank line or a form feed.
    std::size_t end = at;
    bool new_page = false;
    for (; end < body.size(); ++end) {
      if (body[end] == '\f') {
        new_page = true;
        break;
      }
      if (body[end] == '\n') {
        std::size_t next = end + 1;
        while (next < body.size() &&
               (body[next] == ' ' || body[next] == '\t' || body[next] == '\r'))
          ++next;
        if (next < body.size() && body[next] == '\n') break;
      }
    }
    const std::size_t text_begin = body.find_first_not_of(" \t\r\n", at);
    if (text_begin != std::string_view::npos && text_begin < end) {
      out += "<p>";
      append_marked(out, body, text_begin, end, marks, n, true);
      out += "</p>\n";
    }
    at = end + 1;
    if (new_page) {
      ++page;
      page_marker();
    }
  }
  return out;
}

/// "2023-10-31" as a Danish reader writes it: "31. oktober 2023" ("oktober 2023", "2023").
std::string danish_date(std::string_view date) {
  static constexpr const char* kMonths[] = {"januar",    "februar", "marts",    "april",
                                            "maj",       "juni",    "juli",     "august",
                                            "september", "oktober", "november", "december"};
  const std::string_view year = date.substr(0, 4);
  if (date.size() < 7) return std::string(date);
  const int month = std::atoi(std::string(date.substr(5, 2)).c_str());
  if (month < 1 || month > 12) return std::string(date);
  std::string out = std::string(kMonths[month - 1]) + " " + std::string(year);
  if (date.size() >= 10)
    out = std::to_string(std::atoi(std::string(date.substr(8, 2)).c_str())) + ". " + out;
  return out;
}

std::string meta_line(const StoredDocument& doc) {
  std::vector<std::string> parts;
  if (!doc.date.empty())
    parts.push_back("<time datetime=\"" + html_escape(doc.date) + "\">" +
                    html_escape(danish_date(doc.date)) + "</time>");
  if (!doc.source.empty()) parts.push_back(html_escape(doc.source));
  if (!doc.type.empty()) parts.push_back(html_escape(doc.type));
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

/// "PDF", "Word-fil", … for the link to the original file.
std::string file_kind(std::string_view file) {
  const auto ends = [&](std::string_view ext) { return file.ends_with(ext); };
  if (ends(".pdf") || ends(".PDF")) return "PDF";
  if (ends(".docx")) return "Word-fil";
  if (ends(".odt")) return "ODF-fil";
  if (ends(".html") || ends(".htm")) return "HTML-fil";
  return "fil";
}

std::string links(const StoredDocument& doc) {
  std::string out;
  if (!doc.url.empty() && (doc.url.starts_with("https://") || doc.url.starts_with("http://")))
    out += "<a href=\"" + html_escape(doc.url) + "\" rel=\"noopener\">Den oprindelige side</a>";
  if (const std::string file = file_path(doc); !file.empty()) {
    if (!out.empty()) out += " ";
    out += "<a href=\"" + html_escape(file) + "\">Hent den oprindelige " + file_kind(doc.file) +
           "</a>";
  }
  return out.empty() ? "" : "<p class=\"links\">" + out + "</p>\n";
}

std::string matches_nav(std::string_view query, std::size_t count) {
  if (query.empty()) return "";
  if (count == 0) return "<p class=\"fund\" role=\"status\">Søgeordene står ikke i teksten.</p>\n";
  return "<nav class=\"fund\" aria-label=\"Fundsteder\" data-count=\"" + std::to_string(count) +
         "\"><button type=\"button\" id=\"forrige\" aria-label=\"Forrige fundsted\">↑ "
         "Forrige</button><span id=\"taeller\" role=\"status\">" +
         std::to_string(count) + (count == 1 ? " fundsted" : " fundsteder") +
         "</span><button type=\"button\" id=\"naeste\" aria-label=\"Næste fundsted\">↓ "
         "Næste</button></nav>\n";
}

std::string similar_list(const std::vector<Hit>& similar) {
  if (similar.empty()) return "";
  std::string out = "<aside class=\"lignende\">\n<h2>Lignende dokumenter</h2>\n<ul>\n";
  for (const Hit& hit : similar) {
    out += "<li><a href=\"" + html_escape(view_path(hit.doc.id, "")) + "\">" +
           html_escape(hit.doc.title.empty() ? hit.doc.id : hit.doc.title) + "</a>";
    if (const std::string meta = meta_line(hit.doc); !meta.empty())
      out += " <span class=\"meta\">" + meta + "</span>";
    out += "</li>\n";
  }
  return out + "</ul>\n</aside>\n";
}

}  // namespace

std::string document_page(const DocumentView& view, std::string_view query,
                          const std::vector<Hit>& similar) {
  const StoredDocument& doc = view.doc;
  const std::string title = doc.title.empty() ? doc.id : doc.title;
  std::string out = head(title) + "<body>\n" + top(query) + "<main>\n<article>\n<h1>";
  std::size_t unused = 0;
  append_marked(out, title, 0, title.size(), doc.title.empty() ? Marks{} : view.title_marks, unused,
                false);
  out += "</h1>\n";
  if (const std::string meta = meta_line(doc); !meta.empty())
    out += "<p class=\"meta\">" + meta + "</p>\n";
  out += links(doc);
  out += matches_nav(query, view.body_marks.size());
  out += "<div class=\"tekst\">\n" + body_html(doc.body, view.body_marks) + "</div>\n";
  out += "</article>\n" + similar_list(similar) + "</main>\n</body>\n</html>\n";
  return out;
}

std::string missing_document_page(std::string_view id) {
  return head("Dokumentet findes ikke") + "<body>\n" + top("") +
         "<main>\n<h1>Dokumentet findes ikke</h1>\n<p>Der er intet dokument med id " +
         html_escape(id) +
         ". Det kan være fjernet fra arkivet.</p>\n<p><a href=\"/\">Søg i dokumenterne</a></p>\n"
         "</main>\n</body>\n</html>\n";
}

}  // namespace opslag
