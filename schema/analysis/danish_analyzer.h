// The one Danish analysis chain: NFC, ICU word breaking, case folding that keeps æ, ø, å,
// Snowball Danish stemming, stop words. Documents and queries both go through it.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "schema/analysis/compound_splitter.h"
#include "schema/analysis/vocabulary_splitter.h"
#include "schema/schema.h"

namespace opslag {

/// One word of analysed text.
struct AnalyzedWord {
  std::string word;            ///< folded form: NFKC_Casefold ("NemID" -> "nemid", "Å" -> "å")
  std::string stem;            ///< Snowball Danish stem of `word`; `word` itself for numbers etc.
  std::size_t begin = 0;       ///< byte offset of the word in the NFC text
  std::size_t end = 0;         ///< byte offset just past it
  std::uint32_t position = 0;  ///< 0-based word position; alternatives share their word's
  /// True for a form indexed beside a word rather than instead of it: the parts of "KL's" or
  /// "sundhed.dk" ("kl", "sundhed", "dk"), and the joined form of "e-Boks" ("eboks").
  bool alternative = false;
};

/// Whether analyze() stems the words it returns.
enum class Stemming { kStem, kNone };

/// Turns Danish text into the words and stems we index and search. One chain for documents
/// and queries, so both sides always agree. All methods are const and thread-safe.
class DanishAnalyzer {
 public:
  /// `stopwords` are matched against folded words; `stem_overrides` maps a folded word to the
  /// stem it gets instead of Snowball's (each stem a prefix of its words).
  explicit DanishAnalyzer(const std::vector<std::string>& stopwords = {},
                          std::map<std::string, std::string> stem_overrides = {});

  /// The chain the schema describes: its stop words, stem overrides and compound splitter.
  explicit DanishAnalyzer(const Schema& schema);
  ~DanishAnalyzer();
  DanishAnalyzer(const DanishAnalyzer&) = delete;
  DanishAnalyzer& operator=(const DanishAnalyzer&) = delete;

  /// `text` in NFC. Throws BadInput if `text` is not valid UTF-8.
  [[nodiscard]] std::string normalize(std::string_view text) const;

  /// Words of `text` in reading order (alternatives right after the word they belong to).
  /// Offsets index normalize(text), which is `text` itself when it is already NFC. With
  /// Stemming::kNone the stems are left empty, for callers that stem only a few words.
  /// Throws BadInput if `text` is not valid UTF-8.
  [[nodiscard]] std::vector<AnalyzedWord> analyze(std::string_view text,
                                                  Stemming stemming = Stemming::kStem) const;

  /// The stem of a folded word: its stem override, else the stem of the word the dictionary
  /// says it is a form of, where Snowball stems that word otherwise ("arbejdede" -> "arbejd" as
  /// "arbejde", "vinklen" -> "vinkel", "forsvarsministeriets" -> "forsvarsministerium",
  /// "sårbart" -> "sårbar"), else Snowball Danish's. A form of two words of different stems
  /// ("indsats": "indsats" or the genitive of "indsat") keeps Snowball's. Every word of a stem
  /// begins with stem_start() of it, which callers may use to skip stemming.
  [[nodiscard]] std::string stem(std::string_view word) const;

  /// What every word with the stem `stem` begins with: the stem but its last two letters, at
  /// least three ("vink" of "vinkel", whose "vinklen" Snowball stems "vinkl"); Snowball's own
  /// stems begin their words whole.
  [[nodiscard]] static std::string_view stem_start(std::string_view stem);

  /// The stems of the parts of a folded compound ("sundhedsportalen" -> "sundhed", "portal"),
  /// without repeats; empty when `word` is no compound or the schema names no splitter.
  [[nodiscard]] std::vector<std::string> compound_stems(std::string_view word) const;

  /// The parts of a folded compound as words (a modifier's dictionary word, the head as it
  /// stands: "sundhed", "portalen"); for a word the dictionary neither knows nor can split,
  /// the words `vocabulary` holds that it is made of, stop words never among them
  /// ("affaldsdata" -> "affald", "data"; vocabulary_splitter.h). Empty when it is no compound.
  [[nodiscard]] std::vector<std::string> compound_words(std::string_view word,
                                                        const WordFrequency& vocabulary) const;

  /// True when the folded `word` is Danish as the compound splitter's dictionary knows it:
  /// listed, inflected by its rules, or a compound of such words ("skolesikkerhedsplanerne").
  /// False without a splitter.
  [[nodiscard]] bool is_dictionary_word(std::string_view word) const;

  /// True when the dictionary lists the folded `word` only as a name, or its genitive ("pelle",
  /// "jensens"; not "hans", which is a word too): HunspellDictionary::name_of.
  [[nodiscard]] bool is_name(std::string_view word) const;

  /// A form of the same word that Snowball gives another stem: its stem and the word.
  struct OtherForm {
    std::string stem;
    std::string word;
  };

  /// The forms of the word whose stem is `stem` that Snowball stems otherwise: the singular of
  /// an irregular plural and back ("tegnebøg", from "tegnebøger" <-> "tegnebog"; the pairs
  /// are the dictionary's, HunspellDictionary::umlaut_plurals; none without a compound
  /// splitter, whose dictionary it is), and the other of a verb's two nouns that mean the same
  /// (kSameNounEndings: "aldersverificering" <-> "aldersverifikation"). Empty for most stems.
  [[nodiscard]] std::vector<OtherForm> other_forms(const std::string& stem) const;

  /// The other forms of the folded `word` that share its stem and that `vocabulary` holds,
  /// found by the inflectional endings Danish adds to a stem (kInflectionEndings, also after a
  /// doubled last consonant: "myndighederne" -> "myndigheder", "myndighed"; "kat" ->
  /// "katten"). Empty for a word that is not all letters, or without a vocabulary.
  [[nodiscard]] std::vector<std::string> inflections(std::string_view word,
                                                     const WordFrequency& vocabulary) const;

  /// The endings inflections() tries: those of nouns (definite, plural, genitive), adjectives
  /// and verbs (present, past, participles), which Snowball Danish takes off again.
  static constexpr std::string_view kInflectionEndings[] = {
      "e",    "en",  "ens", "er",  "erne", "ernes", "ers",  "es", "et", "ets", "ede",
      "ende", "ene", "ne",  "nes", "r",    "rne",   "rnes", "s",  "t",  "te",  "n"};

  /// Endings of a verb's two nouns that Danish uses alike and Snowball stems apart
  /// ("verificere": "verificering", "verifikation"; also identificering, klassificering,
  /// kvalificering, ratificering, specificering), each with the other ending.
  static constexpr std::pair<std::string_view, std::string_view> kSameNounEndings[] = {
      {"ificering", "ifikation"}, {"ifikation", "ificering"}};

  /// True if the folded `word` is on the stop list.
  [[nodiscard]] bool is_stopword(std::string_view word) const;

  /// Words longer than this (in bytes) are not indexed: Xapian terms are limited in length.
  static constexpr std::size_t kMaxWordBytes = 64;

 private:
  struct Worker;
  class WorkerLease;

  [[nodiscard]] std::string stem_with(Worker& worker, const std::string& word) const;
  /// The stem of the word the dictionary says `word` is a form of, if it is one word's form,
  /// that stem begins as `snowball` (Snowball's stem of `word`) does up to its last two letters
  /// (stem_start()), and neither is a stop word's; else `snowball`.
  [[nodiscard]] std::string family_stem(Worker& worker, const std::string& word,
                                        std::string snowball) const;

  std::unordered_set<std::string> stopwords_;
  std::unordered_set<std::string> stop_stems_;  ///< Snowball's stems of the stop words
  std::map<std::string, std::string> stem_overrides_;
  std::shared_ptr<const CompoundSplitter> compounds_;
  std::unordered_map<std::string, std::vector<OtherForm>> other_forms_;  ///< by stem
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Worker>> idle_;  // ICU and Snowball state is per thread
};

}  // namespace opslag
