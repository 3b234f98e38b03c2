// Hunspell .aff/.dic reading: listed words, their flags, suffix rules and compound flags.
#include "schema/analysis/hunspell_dictionary.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

#include "schema/errors.h"

namespace opslag {
namespace {

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::int32_t i = 0, n = static_cast<std::int32_t>(text.size()); i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::vector<std::string> fields_of(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> fields;
  for (std::string f; in >> f;) fields.push_back(f);
  return fields;
}

/// `word` with its first letter, a capital (A-Z, or À-Þ but ×: UTF-8 C3 80-9E), made small,
/// where the rest holds no such capital: "Pelle" -> "pelle", "Østergaard" -> "østergaard"; ""
/// for "EU", "McDonald" or "pels". Only Latin-1 capitals, which a Danish dictionary's names
/// begin with, so no Unicode folding is needed for each of its words.
std::string with_small_first_letter(const std::string& word) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(word[i]); };
  const auto capital_at = [&](std::size_t i) -> std::size_t {  // its length in bytes, or 0
    if (byte(i) >= 'A' && byte(i) <= 'Z') return 1;
    if (byte(i) == 0xC3 && i + 1 < word.size() && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9E &&
        byte(i + 1) != 0x97)
      return 2;
    return 0;
  };
  const std::size_t first = capital_at(0);
  if (first == 0) return "";
  for (std::size_t i = first; i < word.size(); ++i)
    if (capital_at(i) != 0) return "";
  std::string small = word;
  small[first - 1] = static_cast<char>(byte(first - 1) + 0x20);
  return small;
}

}  // namespace

/// Reads a file's lines, knowing which file and line they came from for errors.
class HunspellDictionary::LineReader {
 public:
  explicit LineReader(const std::filesystem::path& path) : path_(path), in_(path) {
    if (!in_) throw SchemaError(path_.string(), 0, "cannot read the file (install hunspell-da)");
  }
  bool next(std::string& line) {
    if (!std::getline(in_, line)) return false;
    ++number_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }
  [[nodiscard]] SchemaError error(const std::string& problem) const {
    return SchemaError(path_.string(), number_, problem);
  }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
  int number_ = 0;
};

HunspellDictionary HunspellDictionary::load(const std::filesystem::path& stem) {
  HunspellDictionary dict;
  dict.read_affixes(stem.string() + ".aff");
  if (dict.begin_ == 0 || dict.end_ == 0)
    throw SchemaError(stem.string() + ".aff", 0, "the dictionary has no COMPOUNDBEGIN/END flags");
  dict.read_words(stem.string() + ".dic");
  return dict;
}

void HunspellDictionary::read_affixes(const std::filesystem::path& path) {
  LineReader aff(path);
  bool numeric_flags = false;
  for (std::string line; aff.next(line);) {
    const std::vector<std::string> f = fields_of(line);
    if (f.empty() || f[0].starts_with('#')) continue;
    if (f[0] == "FLAG") numeric_flags = f.size() > 1 && f[1] == "num";
    if (f[0] == "AF" || f[0] == "COMPLEXPREFIXES")
      throw aff.error(f[0] + " is not supported: use a dictionary without it");
    if ((f[0] == "FORBIDDENWORD" || f[0] == "NEEDAFFIX") && f.size() > 1) {
      if (!numeric_flags) throw aff.error("only \"FLAG num\" dictionaries are supported");
      (f[0] == "FORBIDDENWORD" ? forbidden_ : needs_affix_) = read_flag(f[1], aff);
      continue;
    }
    const bool compound_flag =
        f[0] == "COMPOUNDBEGIN" || f[0] == "COMPOUNDMIDDLE" || f[0] == "COMPOUNDEND";
    const bool rule = f[0] == "SFX" && f.size() >= 5;  // a rule, not a header ("SFX 3 Y 20")
    if (!(compound_flag && f.size() > 1) && !rule) continue;
    if (!numeric_flags) throw aff.error("only \"FLAG num\" dictionaries are supported");
    if (compound_flag) {
      read_compound_flag(f, aff);
      continue;
    }
    Rule r = read_rule(f, aff);
    note_number(r, f);
    longest_add_ = std::max(longest_add_, r.add.size());
    rules_by_add_[r.add].push_back(std::move(r));
  }
}

void HunspellDictionary::read_compound_flag(const std::vector<std::string>& f,
                                            const LineReader& aff) {
  Flag& target = f[0] == "COMPOUNDBEGIN" ? begin_ : f[0] == "COMPOUNDMIDDLE" ? middle_ : end_;
  target = read_flag(f[1], aff);
}

HunspellDictionary::Rule HunspellDictionary::read_rule(const std::vector<std::string>& f,
                                                       const LineReader& aff) {
  Rule rule;
  rule.flag = read_flag(f[1], aff);
  rule.strip = f[2] == "0" ? "" : f[2];
  const auto slash = f[3].find('/');
  rule.add = f[3].substr(0, slash);
  if (rule.add == "0") rule.add.clear();
  if (slash != std::string::npos) rule.next = read_flags(f[3].substr(slash + 1), aff);
  if (f[4] != ".") rule.condition = read_condition(f[4], aff);
  return rule;
}

void HunspellDictionary::note_number(const Rule& rule, const std::vector<std::string>& f) {
  if (f.size() < 6) return;
  // "+KONSONANT_FORDOBLING" marks the definite singular with a doubled consonant ("natten").
  std::vector<Flag>* kind = f[5] == "+PLUR_BEK" ? &plural_flags_
                            : f[5] == "+BESTEMT_ENTAL" || f[5] == "+KONSONANT_FORDOBLING"
                                ? &singular_flags_
                                : nullptr;
  if (kind && std::find(kind->begin(), kind->end(), rule.flag) == kind->end())
    kind->push_back(rule.flag);
}

std::vector<HunspellDictionary::CharClass> HunspellDictionary::read_condition(
    const std::string& text, const LineReader& aff) {
  std::vector<CharClass> condition;
  const std::u32string cond = code_points(text);
  for (std::size_t i = 0; i < cond.size(); ++i) {
    CharClass c;
    if (cond[i] == U'[') {
      const std::size_t close = cond.find(U']', i);
      if (close == std::u32string::npos) throw aff.error("unclosed [ in condition " + text);
      c.chars = cond.substr(i + 1, close - i - 1);
      if (!c.chars.empty() && c.chars[0] == U'^') {
        c.negated = true;
        c.chars.erase(0, 1);
      }
      i = close;
    } else if (cond[i] == U'.') {
      c.any = true;
    } else {
      c.chars = cond.substr(i, 1);
    }
    condition.push_back(std::move(c));
  }
  return condition;
}

HunspellDictionary::Flag HunspellDictionary::read_flag(const std::string& text,
                                                       const LineReader& reader) {
  Flag value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw reader.error("flag \"" + text + "\" is not a number");
  return value;
}

std::vector<HunspellDictionary::Flag> HunspellDictionary::read_flags(const std::string& text,
                                                                     const LineReader& reader) {
  std::vector<Flag> flags;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    flags.push_back(read_flag(text.substr(start, comma - start), reader));
    start = comma + 1;
  }
  return flags;
}

void HunspellDictionary::read_words(const std::filesystem::path& path) {
  LineReader dic(path);
  std::string line;
  dic.next(line);  // the word count
  while (dic.next(line)) {
    const std::size_t end = line.find_first_of(" \t");
    const std::string entry = line.substr(0, end);
    if (entry.empty()) continue;
    // "word/12,34"; a slash followed by anything but flags is part of the word ("A/S").
    auto slash = entry.rfind('/');
    if (slash != std::string::npos &&
        entry.find_first_not_of("0123456789,", slash + 1) != std::string::npos)
      slash = std::string::npos;
    std::vector<Flag>& flags = words_[entry.substr(0, slash)];
    if (slash == std::string::npos) continue;
    for (Flag flag : read_flags(entry.substr(slash + 1), dic))
      if (std::find(flags.begin(), flags.end(), flag) == flags.end()) flags.push_back(flag);
  }
  for (const auto& [word, flags] : words_) {
    const std::string small = with_small_first_letter(word);
    if (!small.empty() && !words_.contains(small)) names_.insert(small);
  }
}

std::optional<std::string> HunspellDictionary::name_of(std::string_view form) const {
  std::string name(form);
  if (!names_.contains(name)) {
    if (!name.ends_with('s')) return std::nullopt;
    name.pop_back();  // the genitive: "jensens"
    if (!names_.contains(name)) return std::nullopt;
  }
  if (knows(form)) return std::nullopt;  // a form of a word listed in lower case
  return name;
}

bool HunspellDictionary::has_any_flag(const std::vector<Flag>& flags,
                                      const std::vector<Flag>& wanted) const {
  return std::any_of(flags.begin(), flags.end(), [&](Flag f) {
    return std::find(wanted.begin(), wanted.end(), f) != wanted.end();
  });
}

std::vector<std::pair<std::string, std::string>> HunspellDictionary::umlaut_plurals() const {
  static constexpr std::array<std::string_view, 6> kEndings = {"er", "r", "der", "ter", "e", ""};
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kVowels = {
      {{"ø", "o"}, {"æ", "a"}, {"æ", "å"}, {"ø", "a"}}};
  const auto is_singular = [&](const std::string& w) {
    const auto it = words_.find(w);
    return it != words_.end() && has_any_flag(it->second, singular_flags_);
  };
  // The first listed singular the plural's stem gives, its vowel put back and a doubled last
  // consonant single ("rødder" -> "rodd" -> "rod").
  const auto singular_of = [&](const std::string& plural) -> std::optional<std::string> {
    for (std::string_view ending : kEndings) {
      if (!plural.ends_with(ending)) continue;
      const std::string rest = plural.substr(0, plural.size() - ending.size());
      for (const auto& [from, to] : kVowels) {
        const std::size_t at = rest.rfind(from);
        if (at == std::string::npos) continue;
        std::string candidate = rest;
        candidate.replace(at, from.size(), to);
        if (is_singular(candidate)) return candidate;
        if (candidate.size() > 2 && candidate.back() == candidate[candidate.size() - 2] &&
            is_singular(candidate.substr(0, candidate.size() - 1)))
          return candidate.substr(0, candidate.size() - 1);
      }
    }
    return std::nullopt;
  };
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [word, flags] : words_) {
    if (!has_any_flag(flags, plural_flags_) || has_any_flag(flags, singular_flags_)) continue;
    if (word.find("ø") == std::string::npos && word.find("æ") == std::string::npos) continue;
    if (std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      continue;  // names
    if (auto singular = singular_of(word); singular && *singular != word)
      out.emplace_back(word, std::move(*singular));
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool HunspellDictionary::has_flag(std::string_view word, Flag flag) const {
  const auto it = words_.find(std::string(word));
  return it != words_.end() &&
         std::find(it->second.begin(), it->second.end(), flag) != it->second.end();
}

bool HunspellDictionary::matches(const std::vector<CharClass>& condition, std::string_view word) {
  if (condition.empty()) return true;
  const std::u32string chars = code_points(word);
  if (chars.size() < condition.size()) return false;
  const std::size_t offset = chars.size() - condition.size();
  for (std::size_t i = 0; i < condition.size(); ++i) {
    const CharClass& c = condition[i];
    if (c.any) continue;
    const bool in = c.chars.find(chars[offset + i]) != std::u32string::npos;
    if (in == c.negated) return false;
  }
  return true;
}

template <class OuterOk, class Found>
bool HunspellDictionary::any_base(std::string_view form, OuterOk outer_ok, Found found) const {
  const std::size_t most = std::min(longest_add_, form.size());
  for (std::size_t k = 0; k <= most; ++k) {
    const auto outer = rules_by_add_.find(std::string(form.substr(form.size() - k)));
    if (outer == rules_by_add_.end()) continue;
    for (const Rule& r : outer->second) {
      if (!outer_ok(r)) continue;
      const std::string inner = std::string(form.substr(0, form.size() - k)) + r.strip;
      if (inner.empty() || !matches(r.condition, inner)) continue;
      if (has_flag(inner, r.flag) && found(inner)) return true;
      // A second suffix under this one ("program" + "m" + "et" = "programmet").
      const std::size_t most_inner = std::min(longest_add_, inner.size());
      for (std::size_t k2 = 0; k2 <= most_inner; ++k2) {
        const auto in = rules_by_add_.find(inner.substr(inner.size() - k2));
        if (in == rules_by_add_.end()) continue;
        for (const Rule& r2 : in->second) {
          if (std::find(r2.next.begin(), r2.next.end(), r.flag) == r2.next.end()) continue;
          const std::string base = inner.substr(0, inner.size() - k2) + r2.strip;
          if (!base.empty() && matches(r2.condition, base) && has_flag(base, r2.flag) &&
              found(base))
            return true;
        }
      }
    }
  }
  return false;
}

std::optional<std::string> HunspellDictionary::listed_with(std::string_view form, Flag flag) const {
  if (has_flag(form, flag)) return std::string(form);
  std::optional<std::string> listed;
  std::optional<std::string> hyphenated;
  const auto accept = [&](const std::string& base) {
    if (!base.ends_with('-')) {
      listed = base;
      return true;
    }
    // "sundheds-" is a listed linking form; "af-" and "in-" are prefixes, not words.
    if (base.size() >= 5 && (base.ends_with("s-") || base.ends_with("e-")) && !hyphenated)
      hyphenated = base.substr(0, base.size() - 1);
    return false;
  };
  const auto carries_flag = [&](const Rule& r) {
    return std::find(r.next.begin(), r.next.end(), flag) != r.next.end();
  };
  if (any_base(form, carries_flag, accept)) return listed;
  return hyphenated;
}

bool HunspellDictionary::knows(std::string_view form) const {
  if (words_.contains(std::string(form))) return true;
  return any_base(
      form, [](const Rule&) { return true; }, [](const std::string&) { return true; });
}

std::vector<std::string> HunspellDictionary::bases_of(std::string_view form) const {
  std::vector<std::string> bases;
  const auto forbidden = [&](const std::string& word) {
    return forbidden_ && has_flag(word, forbidden_);
  };
  const std::string whole(form);
  if (forbidden(whole)) return bases;  // listed to say it is no word, however it is made
  if (words_.contains(whole) && !(needs_affix_ && has_flag(whole, needs_affix_)))
    bases.push_back(whole);
  // any_base() stops at the first base its callback accepts: this one takes none, to see all.
  (void)any_base(
      form, [](const Rule&) { return true; },
      [&](const std::string& base) {
        if (!forbidden(base) && std::find(bases.begin(), bases.end(), base) == bases.end())
          bases.push_back(base);
        return false;
      });
  return bases;
}

std::optional<std::string> HunspellDictionary::base_of(std::string_view form, Place place) const {
  switch (place) {
    case Place::kBegin:
      return listed_with(form, begin_);
    case Place::kMiddle:
      return listed_with(form, middle_ ? middle_ : begin_);
    case Place::kEnd:
      return listed_with(form, end_);
  }
  return std::nullopt;
}

}  // namespace opslag
