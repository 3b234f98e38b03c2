// Snippets: find matching words, pick the richest window, escape and mark.
#include "snippet_maker.h"

#include <algorithm>
#include <set>
#include <vector>

namespace opslag {
namespace {

/// A stretch of the text that matched, and which query term it matched.
struct Match {
  std::size_t begin;
  std::size_t end;
  std::string key;
};

std::vector<Match> find_matches(const std::vector<AnalyzedWord>& words, const ParsedQuery& query) {
  std::vector<Match> matches;
  for (const AnalyzedWord& w : words) {
    if (query.stems.contains(w.stem)) {
      matches.push_back({w.begin, w.end, w.stem});
    } else if (query.words.contains(w.word)) {
      matches.push_back({w.begin, w.end, w.word});
    }
  }
  // An alternative covers its whole word or hyphen chain: keep the widest of overlapping ones.
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Match> merged;
  for (Match& m : matches) {
    if (!merged.empty() && m.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, m.end);
      continue;
    }
    merged.push_back(std::move(m));
  }
  return merged;
}

/// The index of the match starting the window of `length` bytes with most distinct terms.
std::size_t best_window(const std::vector<Match>& matches, std::size_t length) {
  std::size_t best = 0, best_score = 0;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    std::set<std::string_view> distinct;
    std::size_t count = 0;
    for (std::size_t j = i; j < matches.size() && matches[j].end - matches[i].begin <= length; ++j) {
      distinct.insert(matches[j].key);
      ++count;
    }
    const std::size_t score = distinct.size() * 1000 + count;
    if (score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return best;
}

/// How far past the length a snippet may run to keep a word's closing punctuation.
constexpr std::size_t kTrailingPunctuation = 8;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

void append_escaped(std::string& out, std::string_view text) {
  bool space = false;
  for (char c : text) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != ' ') out += ' ';
    space = false;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  if (space && !out.empty() && out.back() != ' ') out += ' ';
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

std::string SnippetMaker::make(std::string_view text, const ParsedQuery& query,
                               std::size_t length) const {
  const std::vector<AnalyzedWord> words = analyzer_.analyze(text);
  if (words.empty()) return "";
  const std::vector<Match> matches = find_matches(words, query);

  // Start a little before the first match of the best window, on a word's first byte.
  std::size_t start = 0;
  if (!matches.empty()) {
    const std::size_t first = matches[best_window(matches, length)].begin;
    const std::size_t lead = length / 5;
    for (const AnalyzedWord& w : words) {
      if (!w.alternative && w.begin + lead >= first) {
        start = w.begin;
        break;
      }
    }
    start = std::min(start, first);
  } else {
    start = words.front().begin;
  }
  if (start <= words.front().begin) start = 0;
  // End after the last whole word that fits, with the punctuation that follows it.
  std::size_t end = start, next_word = text.size();
  for (const AnalyzedWord& w : words) {
    if (w.alternative || w.begin < start) continue;
    if (w.end <= start + length) {
      end = std::max(end, w.end);
    } else {
      next_word = w.begin;
      break;
    }
  }
  if (end == start) end = std::min(text.size(), words.back().end);
  while (end < next_word && end < text.size() && !is_space(text[end]) &&
         end - start < length + kTrailingPunctuation)
    ++end;
  const bool cut_end = next_word < text.size();

  std::string out = start > 0 ? "…" : "";
  std::size_t at = start;
  for (const Match& m : matches) {
    if (m.begin < start || m.end > end) continue;
    append_escaped(out, text.substr(at, m.begin - at));
    out += "<mark>";
    append_escaped(out, text.substr(m.begin, m.end - m.begin));
    out += "</mark>";
    at = m.end;
  }
  append_escaped(out, text.substr(at, end - at));
  if (cut_end) out += " …";
  return out;
}

}  // namespace opslag
