// Splits Danish compounds ("digitaliseringsstrategien") into the words they are made of, so a
// search for one part ("strategi") finds them.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "schema/analysis/hunspell_dictionary.h"

namespace opslag {

/// One part of a compound.
struct CompoundPart {
  std::string text;  ///< as it stands in the word, linking letter included ("sundheds")
  std::string word;  ///< the word it is: a modifier's dictionary word ("sundhed"), the head as
                     ///< it stands ("portalen")
};

/// The project's corrections to the dictionary's compounding, read from the file the schema
/// names (compound-parts-da.txt): one kind a line, "kind: word word ...".
struct CompoundRules {
  std::unordered_set<std::string> short_parts;  ///< "short": three-letter words that may be parts
  std::unordered_set<std::string> begin;        ///< "begin": may begin compounds, though unmarked
  std::unordered_set<std::string> not_head;     ///< "not-head": suffix-like words, never a head
  std::unordered_set<std::string> whole;        ///< "whole": words never split

  /// Reads `path`. Throws SchemaError naming the file and line of a line it cannot read.
  [[nodiscard]] static CompoundRules load(const std::filesystem::path& path);
};

/// Finds the parts of a folded word with the compound flags of a Hunspell dictionary
/// (hunspell-da marks which words may begin or end a compound, and with which linking -s- or
/// -e-) and the project's rules: parts of four letters or more (three for the "short" ones), at
/// most one part per six letters, the fewest parts, and of splits with as many parts the one
/// with the shortest head ("borgerservice|center", not "borger|servicecenter"). Immutable;
/// thread-safe.
class CompoundSplitter {
 public:
  CompoundSplitter(HunspellDictionary dictionary, CompoundRules rules)
      : dictionary_(std::move(dictionary)), rules_(std::move(rules)) {}

  /// The dictionary `hunspell` (path without .aff/.dic) and the rules file `rules`.
  [[nodiscard]] static std::shared_ptr<const CompoundSplitter> load(
      const std::filesystem::path& hunspell, const std::filesystem::path& rules);

  /// The parts of `word` (folded), modifiers first and the head last; empty when it is not a
  /// compound. Words of fewer than kMinLetters letters are never split.
  [[nodiscard]] std::vector<CompoundPart> split(std::string_view word) const;

  /// True when the dictionary knows the folded `word` as a word (listed or inflected).
  [[nodiscard]] bool knows(std::string_view word) const { return dictionary_.knows(word); }

  /// The dictionary the splitter reads.
  [[nodiscard]] const HunspellDictionary& dictionary() const { return dictionary_; }

  /// False for the suffix-like words the rules say are never a head ("hed", "lige").
  [[nodiscard]] bool may_be_head(const std::string& word) const {
    return !rules_.not_head.contains(word);
  }

  static constexpr std::size_t kMinLetters = 6;
  static constexpr std::size_t kMinPartLetters = 4;
  static constexpr std::size_t kLettersPerPart = 6;

 private:
  struct Search;
  [[nodiscard]] bool usable(std::string_view part) const;

  HunspellDictionary dictionary_;
  CompoundRules rules_;
};

}  // namespace opslag
