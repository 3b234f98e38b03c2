// The bonus for the query's words in a title's heading, and the order it gives ten hits.
#include "server/engine/heading_boost.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <unordered_set>

namespace opslag {
namespace {

/// `text` with the capitals of ASCII and of Æ, Ø, Å made small, byte by byte, as folding makes
/// them; nullopt when it holds another character beyond ASCII (an accent, which folding takes
/// off, or a ligature), whose folded form only ICU can tell.
std::optional<std::string> small_danish(std::string_view text) {
  std::string small(text);
  for (std::size_t i = 0; i < small.size(); ++i) {
    const auto byte = static_cast<unsigned char>(small[i]);
    if (byte < 0x80) {
      if (byte >= 'A' && byte <= 'Z') small[i] = static_cast<char>(byte + 0x20);
      continue;
    }
    if (byte != 0xC3 || i + 1 == small.size()) return std::nullopt;
    const auto next = static_cast<unsigned char>(small[++i]);
    if (next == 0x86 || next == 0x98 || next == 0x85)
      small[i] = static_cast<char>(next + 0x20);  // Æ Ø Å
    else if (next != 0xA6 && next != 0xB8 && next != 0xA5)
      return std::nullopt;
  }
  return small;
}

}  // namespace

std::string_view title_heading(std::string_view title) {
  if (const auto dash = title.find(" – "); dash != std::string_view::npos)
    return title.substr(0, dash);
  if (const auto colon = title.rfind(": "); colon != std::string_view::npos)
    return title.substr(colon + 2);
  return title;
}

HeadingBoost::HeadingBoost(const DanishAnalyzer& analyzer, const ParsedQuery& parsed,
                           double best_weight)
    : analyzer_(analyzer), best_weight_(best_weight) {
  const auto add = [&](const std::string& word) {
    if (analyzer_.is_stopword(word)) return;
    std::string stem = analyzer_.stem(word);
    if (std::find(stems_.begin(), stems_.end(), stem) == stems_.end())
      stems_.push_back(std::move(stem));
  };
  for (const std::string& word : parsed.free_words) add(word);
  for (const std::vector<std::string>& phrase : parsed.phrases)
    for (const std::string& word : phrase) add(word);
}

double HeadingBoost::bonus(std::string_view title) const {
  if (stems_.empty() || best_weight_ <= 0) return 0;
  const std::string_view heading = title_heading(title);
  // Most headings hold none of the query's words: tell so without ICU where bytes can.
  if (const std::optional<std::string> small = small_danish(heading)) {
    const bool may_hold = std::any_of(stems_.begin(), stems_.end(), [&](const std::string& s) {
      return small->find(DanishAnalyzer::stem_start(s)) != std::string::npos;
    });
    if (!may_hold) return 0;
  }
  std::unordered_set<std::string> words;
  for (AnalyzedWord& w : analyzer_.analyze(heading, Stemming::kNone))
    if (!w.alternative && !analyzer_.is_stopword(w.word)) words.insert(std::move(w.word));
  // A word begins with stem_start() of its stem: stem only the words that could match.
  std::unordered_set<std::string> matched;
  for (const std::string& word : words)
    for (const std::string& stem : stems_)
      if (word.starts_with(DanishAnalyzer::stem_start(stem))) {
        if (std::string s = analyzer_.stem(word);
            std::find(stems_.begin(), stems_.end(), s) != stems_.end())
          matched.insert(std::move(s));
        break;
      }
  if (matched.empty()) return 0;
  const auto m = static_cast<double>(matched.size());  // each a stem of one of `words`
  return kWeight * best_weight_ * (m / static_cast<double>(words.size())) *
         (m / static_cast<double>(stems_.size()));
}

std::vector<std::size_t> HeadingBoost::order(std::vector<double>& weights,
                                             const std::vector<std::string_view>& titles) const {
  std::vector<std::size_t> ranks(weights.size());
  std::iota(ranks.begin(), ranks.end(), 0);
  for (std::size_t i = 0; i < weights.size() && i < titles.size(); ++i)
    weights[i] += bonus(titles[i]);
  for (std::size_t begin = 0; begin < ranks.size(); begin += kWindow) {
    const auto end = ranks.begin() + static_cast<long>(std::min(begin + kWindow, ranks.size()));
    std::stable_sort(ranks.begin() + static_cast<long>(begin), end,
                     [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
  }
  return ranks;
}

}  // namespace opslag
