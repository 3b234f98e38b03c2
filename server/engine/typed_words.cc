// Reads a search box's text into the words before the last and the last, through the analyzer.
#include "server/engine/typed_words.h"

#include <vector>

namespace opslag {
namespace {

/// `text` read with `last` as the word being typed and the `words` that end before it as the
/// words before.
TypedWords read_up_to(const DanishAnalyzer& analyzer, const std::string& text,
                      const std::vector<AnalyzedWord>& words, const AnalyzedWord& last) {
  TypedWords out;
  out.before = text.substr(0, last.begin);
  out.last = last.word;
  out.last_is_prefix = last.end == text.size();
  std::vector<const AnalyzedWord*> before;
  for (const AnalyzedWord& w : words)
    if (!w.alternative && w.end <= last.begin) before.push_back(&w);
  const std::size_t max = TypedWords::kMaxCompleteWords;
  const std::size_t first = before.size() > max ? before.size() - max : 0;
  for (std::size_t i = first; i < before.size(); ++i) {
    out.complete.push_back(before[i]->word);
    if (!analyzer.is_stopword(before[i]->word)) out.context.push_back(before[i]->word);
  }
  return out;
}

/// The last word of `words` that is no alternative, or null.
const AnalyzedWord* last_word(const std::vector<AnalyzedWord>& words) {
  for (auto w = words.rbegin(); w != words.rend(); ++w)
    if (!w->alternative) return &*w;
  return nullptr;
}

}  // namespace

TypedWords read_typed_words(const DanishAnalyzer& analyzer, std::string_view typed) {
  const std::string text = analyzer.normalize(typed);
  const std::vector<AnalyzedWord> words = analyzer.analyze(text, Stemming::kNone);
  const AnalyzedWord* last = last_word(words);
  return last ? read_up_to(analyzer, text, words, *last) : TypedWords{};
}

std::optional<TypedHyphenated> read_typed_hyphenated(const DanishAnalyzer& analyzer,
                                                     std::string_view typed) {
  const std::string text = analyzer.normalize(typed);
  const std::vector<AnalyzedWord> words = analyzer.analyze(text, Stemming::kNone);
  const AnalyzedWord* last = last_word(words);
  if (!last) return std::nullopt;
  // The joined form of a hyphenated word spans its parts: it ends where the last part ends
  // and begins, at the first part's position, before the last part ("eb" over "e-b").
  for (const AnalyzedWord& joined : words) {
    if (!joined.alternative || joined.end != last->end || joined.begin >= last->begin) continue;
    for (const AnalyzedWord& first : words) {
      if (!first.alternative && first.begin == joined.begin)
        return TypedHyphenated{read_up_to(analyzer, text, words, joined), first.word};
    }
  }
  return std::nullopt;
}

}  // namespace opslag
