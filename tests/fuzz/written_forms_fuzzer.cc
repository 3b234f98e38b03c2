// Fuzzes how a suggested word is found written in a text (WrittenForms): for the words of any
// text, as the index holds them (hyphenated words joined among them), the form it chooses is the
// word itself or a form of it, valid UTF-8, that folds to the word once its hyphens are left out.
#include <algorithm>

#include "server/engine/word_casing.h"
#include "tests/fuzz/fuzz_support.h"

namespace opslag::fuzz {
namespace {

/// Words of a text looked for in it, at most: enough to reach the hyphenated ones.
constexpr std::size_t kWordsLookedFor = 12;

/// Checks the form `text` is found to write `word` in.
void check_form(const std::string& word, std::string_view text) {
  WrittenForms forms(word);
  forms.count_in(text);
  std::string form = forms.most_written();
  FUZZ_CHECK(text::is_valid_utf8(form));
  if (form == word) return;
  std::erase(form, '-');
  FUZZ_CHECK(text::fold(form) == word);
}

}  // namespace
}  // namespace opslag::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  const std::string_view text = fuzz::as_text(data, size);
  // Stored titles and texts are valid UTF-8 in NFC (fuzz::check_document).
  if (!text::is_valid_utf8(text)) return 0;
  const std::string nfc = fuzz::analyzer().normalize(text);
  const std::vector<AnalyzedWord> words = fuzz::analyzer().analyze(nfc, Stemming::kNone);
  for (std::size_t i = 0; i < std::min(words.size(), fuzz::kWordsLookedFor); ++i)
    fuzz::check_form(words[i].word, nfc);
  // And a word that need not stand in the text: its first line, folded.
  const std::string first_line = text::fold(nfc.substr(0, nfc.find('\n')));
  if (!first_line.empty()) fuzz::check_form(first_line, nfc);
  return 0;
}
