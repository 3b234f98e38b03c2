// Synonym groups, analysed once, matched against query words.
#include "server/engine/synonym_expander.h"

namespace opslag {

SynonymExpander::SynonymExpander(const std::vector<std::vector<std::string>>& groups,
                                 const DanishAnalyzer& analyzer) {
  for (const auto& group : groups) {
    std::vector<std::vector<std::string>> entries;
    for (const std::string& entry : group) {
      std::vector<std::string> words;
      for (const AnalyzedWord& w : analyzer.analyze(entry, Stemming::kNone))
        if (!w.alternative) words.push_back(w.word);
      if (!words.empty()) entries.push_back(std::move(words));
    }
    if (entries.size() >= 2) groups_.push_back(std::move(entries));
  }
}

std::optional<SynonymExpander::Match> SynonymExpander::match(const std::vector<std::string>& words,
                                                             std::size_t at) const {
  std::optional<Match> best;
  for (const auto& group : groups_) {
    for (std::size_t e = 0; e < group.size(); ++e) {
      const auto& entry = group[e];
      if (at + entry.size() > words.size() || (best && entry.size() <= best->length)) continue;
      if (!std::equal(entry.begin(), entry.end(), words.begin() + static_cast<long>(at))) continue;
      Match m;
      m.length = entry.size();
      for (std::size_t o = 0; o < group.size(); ++o)
        if (o != e) m.others.push_back(group[o]);
      best = std::move(m);
    }
  }
  return best;
}

}  // namespace opslag
