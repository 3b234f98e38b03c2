// Finds a document's publisher in its own text.
#include "indexer/readers/publishers.h"

#include <array>
#include <cctype>
#include <map>
#include <utility>

#include "indexer/readers/danish_dates.h"

namespace opslag {
namespace {

/// Names as they are written, and the name a publisher is filed under.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kPublishers = {{
    {"Digitaliseringsstyrelsen", "Digitaliseringsstyrelsen"},
    {"Finansministeriet", "Finansministeriet"},
    {"Kommunernes Landsforening", "KL"},
    {"KL", "KL"},
    {"Danske Regioner", "Danske Regioner"},
    {"Den Digitale Taskforce", "Den Digitale Taskforce"},
    {"IT- og Telestyrelsen", "IT- og Telestyrelsen"},
    {"Videnskabsministeriet", "Videnskabsministeriet"},
    {"Erhvervsstyrelsen", "Erhvervsstyrelsen"},
    {"Erhvervs- og Byggestyrelsen", "Erhvervs- og Byggestyrelsen"},
    {"Sundhedsdatastyrelsen", "Sundhedsdatastyrelsen"},
    {"Sundhedsministeriet", "Sundhedsministeriet"},
    {"Økonomistyrelsen", "Økonomistyrelsen"},
    {"Moderniseringsstyrelsen", "Moderniseringsstyrelsen"},
    {"Indenrigsministeriet", "Indenrigsministeriet"},
    {"Skatteministeriet", "Skatteministeriet"},
    {"Datatilsynet", "Datatilsynet"},
    {"Rigsrevisionen", "Rigsrevisionen"},
    {"Statens It", "Statens It"},
    {"Erhvervsministeriet", "Erhvervsministeriet"},
    {"Justitsministeriet", "Justitsministeriet"},
    {"Nets", "Nets"},
}};

constexpr std::array<std::string_view, 5> kLineMarkers = {
    "Kilde:", "Udgivet af:", "Udgiver:", "Afsender:", "Pressemeddelelse fra "};

bool is_word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return std::isalnum(b) || b >= 0x80;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r*_");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r*_.,;");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace

std::optional<std::string> publisher_from_line(std::string_view line) {
  const std::string text = trim(line);
  for (std::string_view marker : kLineMarkers) {
    if (!text.starts_with(marker)) continue;
    std::string_view rest = std::string_view(text).substr(marker.size());
    // "KL, 3. marts 2015": the name ends where a date begins.
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (std::isdigit(static_cast<unsigned char>(rest[i])) && parse_danish_date(rest.substr(i))) {
        rest = rest.substr(0, i);
        break;
      }
    }
    std::string name = trim(rest);
    if (!name.empty() && name.size() <= 120) return name;
  }
  return std::nullopt;
}

std::optional<std::string> most_mentioned_publisher(std::string_view text) {
  struct Mentions {
    std::size_t count = 0;
    std::size_t first = std::string_view::npos;
  };
  std::map<std::string_view, Mentions> by_publisher;
  for (const auto& [written, filed] : kPublishers) {
    for (std::size_t at = text.find(written); at != std::string_view::npos;
         at = text.find(written, at + written.size())) {
      std::size_t end = at + written.size();
      // A genitive ("KL's", "Digitaliseringsstyrelsens") still names the publisher.
      if (text.substr(end, 2) == "'s") {
        end += 2;
      } else if (end < text.size() && text[end] == 's') {
        ++end;
      }
      const bool whole = (at == 0 || !is_word_byte(text[at - 1])) &&
                         (end == text.size() || !is_word_byte(text[end]));
      if (!whole) continue;
      Mentions& m = by_publisher[filed];
      ++m.count;
      m.first = std::min(m.first, at);
    }
  }
  std::optional<std::string> best;
  Mentions top;
  for (const auto& [name, m] : by_publisher) {
    if (m.count > top.count || (m.count == top.count && m.first < top.first)) {
      best = std::string(name);
      top = m;
    }
  }
  return best;
}

}  // namespace opslag
