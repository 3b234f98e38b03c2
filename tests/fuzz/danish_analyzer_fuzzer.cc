// Fuzzes the analysis chain: NFC, ICU words, folding, hyphen chains, inner punctuation,
// stemming and compound splitting, checking the promises the index and the snippets rely on.
#include <algorithm>

#include "schema/analysis/compound_splitter.h"
#include "tests/fuzz/fuzz_support.h"

namespace opslag::fuzz {
namespace {

/// What analyze() promises of each word of `nfc`.
void check_words(std::string_view nfc, const std::vector<AnalyzedWord>& words) {
  // Words proper are numbered 0, 1, 2...; an alternative takes the position of its word (a
  // hyphen chain's, of its first word) and follows it.
  std::uint32_t next = 0;
  for (const AnalyzedWord& w : words) {
    FUZZ_CHECK(!w.word.empty() && w.word.size() <= DanishAnalyzer::kMaxWordBytes);
    FUZZ_CHECK(text::is_valid_utf8(w.word));
    FUZZ_CHECK(w.begin < w.end && w.end <= nfc.size());
    if (w.alternative) {
      FUZZ_CHECK(w.position < next);
    } else {
      FUZZ_CHECK(w.position == next);
      FUZZ_CHECK(text::fold(nfc.substr(w.begin, w.end - w.begin)) == w.word);
      ++next;
    }
  }
}

/// Words begin with stem_start() of their stems (the snippets rely on it) and compounds are
/// split into parts that make up the word.
void check_stems(const std::vector<AnalyzedWord>& words) {
  const auto& splitter = schema().compounds();
  for (const AnalyzedWord& w : words) {
    FUZZ_CHECK(!w.stem.empty());
    FUZZ_CHECK(w.word.starts_with(DanishAnalyzer::stem_start(w.stem)));
    FUZZ_CHECK(analyzer().stem(w.word) == w.stem);
    for (const std::string& stem : analyzer().compound_stems(w.word))
      FUZZ_CHECK(!stem.empty() && text::is_valid_utf8(stem));
    if (!splitter) continue;
    const std::vector<CompoundPart> parts = splitter->split(w.word);
    FUZZ_CHECK(parts.size() != 1);
    std::string joined;
    for (const CompoundPart& part : parts) joined += part.text;
    FUZZ_CHECK(parts.empty() || joined == w.word);
  }
}

}  // namespace
}  // namespace opslag::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  const std::string_view text = fuzz::as_text(data, size);
  const DanishAnalyzer& analyzer = fuzz::analyzer();
  std::string nfc;
  try {
    nfc = analyzer.normalize(text);
  } catch (const BadInput&) {
    FUZZ_CHECK(!text::is_valid_utf8(text));
    return 0;  // documented: not valid UTF-8
  }
  FUZZ_CHECK(text::is_valid_utf8(nfc));
  const std::vector<AnalyzedWord> stemmed = analyzer.analyze(text);
  const std::vector<AnalyzedWord> plain = analyzer.analyze(text, Stemming::kNone);
  FUZZ_CHECK(stemmed.size() == plain.size());
  for (std::size_t i = 0; i < plain.size(); ++i) {
    FUZZ_CHECK(plain[i].word == stemmed[i].word && plain[i].stem.empty());
    FUZZ_CHECK(plain[i].begin == stemmed[i].begin && plain[i].end == stemmed[i].end);
  }
  fuzz::check_words(nfc, stemmed);
  fuzz::check_stems(stemmed);
  for (const AnalyzedWord& w : stemmed) (void)analyzer.is_stopword(w.word);
  return 0;
}
