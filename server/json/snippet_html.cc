// Escapes a snippet's text for HTML and marks its matches.
#include "server/json/snippet_html.h"

namespace opslag {
namespace {

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

std::string snippet_html(const Snippet& snippet) {
  const std::string_view text = snippet.text;
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : snippet.marks) {
    append_escaped(out, text.substr(at, begin - at));
    out += "<mark>";
    append_escaped(out, text.substr(begin, end - begin));
    out += "</mark>";
    at = end;
  }
  append_escaped(out, text.substr(at));
  return out;
}

}  // namespace opslag
