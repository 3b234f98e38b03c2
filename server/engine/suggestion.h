// One completion of what was typed in a search box: a word or a document's title.
#pragma once

#include <string>

namespace opslag {

/// What a suggestion completes what was typed to.
enum class SuggestionKind { kWord, kTitle };

/// One completion.
struct Suggestion {
  std::string text;  ///< what the search box should hold once it is chosen
  SuggestionKind kind = SuggestionKind::kWord;
  std::string id;  ///< the document whose title it is; empty for a word
};

}  // namespace opslag
