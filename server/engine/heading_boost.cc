// The bonus for the query's words in a title's heading, and the order it gives ten hits.
#include "server/engine/heading_boost.h"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace opslag {

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
  std::unordered_set<std::string> words;
  for (AnalyzedWord& w : analyzer_.analyze(title_heading(title), Stemming::kNone))
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
  const double m = static_cast<double>(std::min(matched.size(), words.size()));
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
