// Atom 1.0 from search results.
#include "server/http/atom_feed.h"

#include <cstdio>
#include <ctime>

#include "schema/program_info.h"
#include "server/json/document_links.h"
#include "server/json/snippet_html.h"

namespace opslag {
namespace {

/// `text` escaped for XML, with the control characters XML 1.0 cannot hold (a PDF's form
/// feeds) as spaces.
std::string xml(std::string_view text) {
  std::string out = html_escape(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') c = ' ';
  return out;
}

/// A document's date ("2016-05-12", "2016-05", "2016") as an RFC 3339 time at its start, or
/// "" for none.
std::string published(std::string_view date) {
  if (date.size() == 10) return std::string(date) + "T00:00:00Z";
  if (date.size() == 7) return std::string(date) + "-01T00:00:00Z";
  if (date.size() == 4) return std::string(date) + "-01-01T00:00:00Z";
  return "";
}

/// The snippet as HTML with its matches in <b>: feed readers' sanitizers keep <b> where many
/// drop HTML5's <mark> (feedparser does). The text is escaped, so every "<mark>" is a match's.
std::string feed_snippet(const Snippet& snippet) {
  std::string html = snippet_html(snippet);
  for (const auto& [from, to] : {std::pair{"<mark>", "<b>"}, std::pair{"</mark>", "</b>"}}) {
    const std::string_view f(from);
    for (std::size_t at = html.find(f); at != std::string::npos; at = html.find(f, at))
      html.replace(at, f.size(), to);
  }
  return html;
}

constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string atom_feed(const SearchRequest& request, const SearchResult& result,
                      const FeedAddress& address, std::string_view fallback_updated) {
  const std::string self = address.base + "/search.atom?" + address.query_string;
  std::string updated(fallback_updated);
  for (const Hit& hit : result.hits) updated = std::max(updated, hit.doc.indexed);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"da\">\n";
  out += "  <title>Opslag: " + xml(request.query) + "</title>\n";
  out += "  <subtitle>Nye dokumenter, der matcher søgningen</subtitle>\n";
  out += "  <id>" + xml(self) + "</id>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml(self) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
         xml(address.base + "/?" + address.query_string) + "\"/>\n";
  out += "  <updated>" + xml(updated) + "</updated>\n";
  out += "  <author><name>Opslag</name></author>\n";
  out += "  <generator version=\"" + xml(version()) + "\">Opslag</generator>\n";
  for (const Hit& hit : result.hits) {
    const StoredDocument& doc = hit.doc;
    out += "  <entry>\n";
    out += "    <title>" + xml(doc.title.empty() ? doc.id : doc.title) + "</title>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
           xml(address.base + view_path(doc.id, request.query)) + "\"/>\n";
    out += "    <id>" + xml(address.base + view_path(doc.id, "")) + "</id>\n";
    out += "    <updated>" + xml(doc.indexed.empty() ? updated : doc.indexed) + "</updated>\n";
    if (const std::string at = published(doc.date); !at.empty())
      out += "    <published>" + at + "</published>\n";
    if (!doc.source.empty()) out += "    <author><name>" + xml(doc.source) + "</name></author>\n";
    if (!doc.type.empty()) out += "    <category term=\"" + xml(doc.type) + "\"/>\n";
    out += "    <summary type=\"html\">" + xml(feed_snippet(hit.snippet)) + "</summary>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string http_date(std::int64_t seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday % 7],
                utc.tm_mday, kMonths[utc.tm_mon % 12], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return text;
}

std::int64_t parse_http_date(std::string_view text) {
  // "Sun, 06 Nov 1994 08:49:37 GMT": 29 characters.
  if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT") return -1;
  std::tm utc{};
  char month[4] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  const std::string copy(text);
  if (std::sscanf(copy.c_str() + 5, "%2d %3s %4d %2d:%2d:%2d", &day, month, &year, &hour, &minute,
                  &second) != 6)
    return -1;
  int index = -1;
  for (int i = 0; i < 12; ++i)
    if (std::string_view(month) == kMonths[i]) index = i;
  if (index < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return -1;
  utc.tm_year = year - 1900;
  utc.tm_mon = index;
  utc.tm_mday = day;
  utc.tm_hour = hour;
  utc.tm_min = minute;
  utc.tm_sec = second;
  return static_cast<std::int64_t>(timegm(&utc));
}

}  // namespace opslag
