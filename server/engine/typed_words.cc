// Reads a search box's text into the words before the last and the last, through the analyzer.
#include "server/engine/typed_words.h"

namespace opslag {

TypedWords read_typed_words(const DanishAnalyzer& analyzer, std::string_view typed) {
  const std::string text = analyzer.normalize(typed);
  std::vector<AnalyzedWord> words = analyzer.analyze(text, Stemming::kNone);
  std::erase_if(words, [](const AnalyzedWord& w) { return w.alternative; });
  TypedWords out;
  if (words.empty()) return out;
  const AnalyzedWord& last = words.back();
  out.before = text.substr(0, last.begin);
  out.last = last.word;
  out.last_is_prefix = last.end == text.size();
  const std::size_t max = TypedWords::kMaxCompleteWords;
  const std::size_t first = words.size() - 1 > max ? words.size() - 1 - max : 0;
  for (std::size_t i = first; i + 1 < words.size(); ++i) {
    out.complete.push_back(words[i].word);
    if (!analyzer.is_stopword(words[i].word)) out.context.push_back(words[i].word);
  }
  return out;
}

}  // namespace opslag
