// Reads a Hunspell dictionary (.aff and .dic) far enough to say which listed word a form comes
// from and whether that form may begin, continue or end a compound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace opslag {

/// The listed words of a Hunspell dictionary with their flags, and its suffix rules (up to two
/// stacked, as Hunspell allows). It does not spell-check; it answers "which listed word is this
/// form, reached by suffixes that allow it a place in a compound?". Danish dictionaries mark
/// those places with COMPOUNDBEGIN, COMPOUNDMIDDLE and COMPOUNDEND flags, and the linking forms
/// ("sundheds", "skatte") as suffixes carrying them. Immutable after load; thread-safe.
class HunspellDictionary {
 public:
  /// Where in a compound a form may stand.
  enum class Place { kBegin, kMiddle, kEnd };

  /// Reads `stem`.aff and `stem`.dic (for example /usr/share/hunspell/da_DK). Throws
  /// SchemaError naming the file and line of anything it cannot read.
  [[nodiscard]] static HunspellDictionary load(const std::filesystem::path& stem);

  /// The listed word `form` is, or is made from, by at most two suffixes, such that it may
  /// stand at `place` in a compound ("sundheds" at kBegin -> "sundhed"; "programmet" at kEnd ->
  /// "program"); nullopt if there is none. Listed words without letters before a final hyphen
  /// ("af-", prefixes) are never returned.
  [[nodiscard]] std::optional<std::string> base_of(std::string_view form, Place place) const;

  /// True when `form` is a listed word or made from one by at most two of its suffix rules
  /// ("ordningen" from "ordning"), whatever place in a compound it may have.
  [[nodiscard]] bool knows(std::string_view form) const;

  /// The listed words `form` is, or is made from by at most two of their suffix rules, without
  /// repeats: "koblede" <- "koble"; "løst" <- "løs" (the neuter) and "løse" (the participle);
  /// "indsats" <- "indsats" and "indsat" (its genitive). None for a form the dictionary
  /// forbids (FORBIDDENWORD); a listed word that needs a suffix (NEEDAFFIX) is no base of itself.
  [[nodiscard]] std::vector<std::string> bases_of(std::string_view form) const;

  /// The listed plurals whose singular is another listed word with a changed vowel, as
  /// {plural, singular}: "bøger" -> "bog", "tegnebøger" -> "tegnebog", "mænd" -> "mand",
  /// "kræfter" -> "kraft". hunspell-da lists such plurals as words of their own; its suffix
  /// rules say which are plurals (they take the rules it marks +PLUR_BEK, never those marked
  /// +BESTEMT_ENTAL or +KONSONANT_FORDOBLING) and which listed words are singular nouns. The
  /// singular is the plural with ø to o or a, æ to a or å, an ending (-er, -r, -der, -ter, -e) off
  /// and a doubled last consonant single, that the dictionary lists as a singular noun.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> umlaut_plurals() const;

  /// The name the folded `form` is, or is the genitive of ("jensens" -> "jensen"), where the
  /// dictionary lists it only capitalised ("Pelle", "Jensen", "Gitte") and it is no form of a
  /// word listed in lower case ("folketinget" is one of "folketing", "hans" is listed); nullopt
  /// otherwise.
  [[nodiscard]] std::optional<std::string> name_of(std::string_view form) const;

  /// Number of listed words.
  [[nodiscard]] std::size_t size() const { return words_.size(); }

 private:
  using Flag = std::uint16_t;
  /// One character class of a rule's condition: `chars` in it (or not in it, if negated).
  struct CharClass {
    std::u32string chars;
    bool negated = false;
    bool any = false;
  };
  struct Rule {
    Flag flag = 0;
    std::string strip;
    std::string add;
    std::vector<Flag> next;            ///< flags the form made by this rule carries
    std::vector<CharClass> condition;  ///< must match the end of the word the rule applies to
  };

  class LineReader;

  /// Reads the .aff file at `path`: the compound flags and the suffix rules.
  void read_affixes(const std::filesystem::path& path);
  /// Notes `rule`'s flag as a plural or singular one from the morphology `f[5]` of its line.
  void note_number(const Rule& rule, const std::vector<std::string>& f);
  [[nodiscard]] bool has_any_flag(const std::vector<Flag>& flags,
                                  const std::vector<Flag>& wanted) const;
  /// Sets begin_, middle_ or end_ from a COMPOUNDBEGIN/MIDDLE/END line's fields `f`.
  void read_compound_flag(const std::vector<std::string>& f, const LineReader& aff);
  /// Reads the .dic file at `path`: the listed words and their flags.
  void read_words(const std::filesystem::path& path);
  /// The suffix rule of an "SFX flag strip add[/flags] condition" line's fields `f`.
  [[nodiscard]] static Rule read_rule(const std::vector<std::string>& f, const LineReader& aff);
  /// The character classes of a rule's condition ("[^e]", "e", ".").
  [[nodiscard]] static std::vector<CharClass> read_condition(const std::string& text,
                                                             const LineReader& aff);
  [[nodiscard]] static Flag read_flag(const std::string& text, const LineReader& reader);
  /// Flags written "12,34".
  [[nodiscard]] static std::vector<Flag> read_flags(const std::string& text,
                                                    const LineReader& reader);

  [[nodiscard]] bool has_flag(std::string_view word, Flag flag) const;
  [[nodiscard]] static bool matches(const std::vector<CharClass>& condition, std::string_view word);
  /// Whether `found(base)` holds for a listed word `base` that `form` is made from by one or two
  /// suffix rules, the outer one accepted by `outer_ok(rule)`; stops at the first that does.
  template <class OuterOk, class Found>
  [[nodiscard]] bool any_base(std::string_view form, OuterOk outer_ok, Found found) const;
  [[nodiscard]] std::optional<std::string> listed_with(std::string_view form, Flag flag) const;

  std::unordered_map<std::string, std::vector<Flag>> words_;
  /// Folded names: listed words capitalised and nowhere listed in lower case.
  std::unordered_set<std::string> names_;
  std::unordered_map<std::string, std::vector<Rule>>
      rules_by_add_;  // suffix rules by what they add
  std::size_t longest_add_ = 0;
  std::vector<Flag> plural_flags_;    ///< flags of rules marked +PLUR_BEK (on plural forms)
  std::vector<Flag> singular_flags_;  ///< +BESTEMT_ENTAL, +KONSONANT_FORDOBLING
  Flag begin_ = 0, middle_ = 0, end_ = 0;
  Flag forbidden_ = 0;    ///< FORBIDDENWORD: a listed form that is no word
  Flag needs_affix_ = 0;  ///< NEEDAFFIX: a listed stem that is no word without a suffix
};

}  // namespace opslag
