// Line helpers shared by the document readers.
#include "indexer/readers/text_lines.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace opslag {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

constexpr std::array<std::string_view, 9> kBoilerplate = {
    "cookie",   "klikker dig videre", "spring til indhold", "del på ", "udskriv", "forside >",
    "forside/", "accepter alle",      "gå til hovedindhold"};

constexpr std::array<std::string_view, 12> kTypes = {
    "pressemeddelelse", "klumme",   "nyhed",  "tale",        "notat",       "rapport",
    "artikel",          "strategi", "kronik", "debatindlæg", "høringssvar", "analyse"};

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  const auto is_space = [](std::string_view t, std::size_t i) {
    if (t[i] == ' ' || t[i] == '\t') return std::size_t{1};
    if (t.substr(i, 2) == "\u00a0") return std::size_t{2};
    return std::size_t{0};
  };
  while (!s.empty()) {
    const std::size_t n = is_space(s, 0);
    if (n == 0) break;
    s.remove_prefix(n);
  }
  while (!s.empty()) {
    if (s.back() == ' ' || s.back() == '\t') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\u00a0") {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::size_t count_words(std::string_view line) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool is_boilerplate_line(std::string_view line) {
  const std::string lower = lower_ascii(trim(line));
  if (lower == "forside" || lower == "menu" || lower == "søg") return true;
  return std::any_of(kBoilerplate.begin(), kBoilerplate.end(),
                     [&](std::string_view b) { return lower.find(b) != std::string::npos; });
}

std::optional<std::string> document_type(std::string_view word) {
  std::string lower = lower_ascii(trim(word));
  // Non-ASCII capitals of type words ("Høringssvar") only occur after the first letter.
  if (std::find(kTypes.begin(), kTypes.end(), lower) != kTypes.end()) return lower;
  return std::nullopt;
}

void BodyBuilder::add_line(std::string_view line) {
  line = trim(line);
  if (line.empty()) {
    pending_break_ = !body_.empty();
    return;
  }
  if (!body_.empty()) body_ += pending_break_ ? "\n\n" : "\n";
  pending_break_ = false;
  body_ += line;
}

std::string BodyBuilder::take() { return std::move(body_); }

}  // namespace opslag
