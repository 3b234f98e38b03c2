// Compound splitting: the fewest dictionary parts that make up a word, by dynamic programming.
#include "schema/analysis/compound_splitter.h"

#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "schema/errors.h"

namespace opslag {
namespace {

std::size_t letters(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool starts_letter(std::string_view word, std::size_t at) {
  return at < word.size() && (static_cast<unsigned char>(word[at]) & 0xC0) != 0x80;
}

}  // namespace

CompoundRules CompoundRules::load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw SchemaError(path.string(), 0, "cannot read the file");
  CompoundRules rules;
  const std::map<std::string, std::unordered_set<std::string>*> kinds = {
      {"short", &rules.short_parts},
      {"begin", &rules.begin},
      {"not-head", &rules.not_head},
      {"whole", &rules.whole}};
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto colon = line.find(':');
    std::istringstream head(line.substr(0, colon == std::string::npos ? 0 : colon));
    std::string kind;
    head >> kind;
    const auto target = kinds.find(kind);
    if (colon == std::string::npos || target == kinds.end())
      throw SchemaError(path.string(), number,
                        "expected \"short:\", \"begin:\", \"not-head:\" or \"whole:\" and words");
    std::istringstream words(line.substr(colon + 1));
    for (std::string word; words >> word;) target->second->insert(word);
  }
  return rules;
}

std::shared_ptr<const CompoundSplitter> CompoundSplitter::load(
    const std::filesystem::path& hunspell, const std::filesystem::path& rules) {
  return std::make_shared<const CompoundSplitter>(HunspellDictionary::load(hunspell),
                                                  CompoundRules::load(rules));
}

bool CompoundSplitter::usable(std::string_view part) const {
  const std::size_t n = letters(part);
  return n >= kMinPartLetters || (n == 3 && rules_.short_parts.contains(std::string(part)));
}

/// One word's search: the best split of each of its tails, remembered.
struct CompoundSplitter::Search {
  const CompoundSplitter& splitter;
  std::string_view word;
  std::map<std::pair<std::size_t, bool>, std::optional<std::vector<CompoundPart>>> memo;

  using Place = HunspellDictionary::Place;

  /// The dictionary word `text` is as a modifier, linking letter and all, or nullopt.
  std::optional<std::string> modifier(std::string_view text, bool first) const {
    std::string part(text);
    if (splitter.rules_.begin.contains(part)) return part;
    if ((part.ends_with('s') || part.ends_with('e')) &&
        splitter.rules_.begin.contains(part.substr(0, part.size() - 1)))
      return part.substr(0, part.size() - 1);
    const auto base = splitter.dictionary_.base_of(text, first ? Place::kBegin : Place::kMiddle);
    // The word itself must be long enough: "bas" in "baseret" is not a part.
    if (!base || !splitter.usable(*base)) return std::nullopt;
    return base;
  }

  bool head(std::string_view text) const {
    const std::string part(text);
    return splitter.usable(part) && !splitter.rules_.not_head.contains(part) &&
           splitter.dictionary_.base_of(text, Place::kEnd).has_value();
  }

  /// The best parts for word[from...]: modifiers then a head; with `first`, at least two.
  const std::optional<std::vector<CompoundPart>>& best(std::size_t from, bool first) {
    const auto key = std::make_pair(from, first);
    if (const auto it = memo.find(key); it != memo.end()) return it->second;
    std::optional<std::vector<CompoundPart>> result;
    const std::string_view rest = word.substr(from);
    if (!first && head(rest))
      result = std::vector<CompoundPart>{{std::string(rest), std::string(rest)}};
    for (std::size_t cut = from + 3; cut + 3 <= word.size(); ++cut) {
      if (!starts_letter(word, cut)) continue;
      const std::string_view text = word.substr(from, cut - from);
      if (letters(text) < 3) continue;
      const auto base = modifier(text, first);
      if (!base) continue;
      const auto& tail = best(cut, false);
      if (!tail) continue;
      std::vector<CompoundPart> parts{{std::string(text), *base}};
      parts.insert(parts.end(), tail->begin(), tail->end());
      const bool better =
          !result || parts.size() < result->size() ||
          (parts.size() == result->size() && parts.back().text.size() < result->back().text.size());
      if (better) result = std::move(parts);
    }
    return memo[key] = std::move(result);
  }
};

std::vector<CompoundPart> CompoundSplitter::split(std::string_view word) const {
  const std::size_t n = letters(word);
  if (n < kMinLetters || rules_.whole.contains(std::string(word))) return {};
  Search search{*this, word, {}};
  const auto& parts = search.best(0, true);
  if (!parts || parts->size() > std::max<std::size_t>(2, n / kLettersPerPart)) return {};
  // "trinnet" is "trin" inflected, not "trin" + "net".
  const auto whole = dictionary_.base_of(word, HunspellDictionary::Place::kEnd);
  if (whole && *whole == parts->front().word) return {};
  return *parts;
}

}  // namespace opslag
