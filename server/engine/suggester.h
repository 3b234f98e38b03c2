// Completions for a search box: indexed words and document titles that begin with what was typed.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "schema/database_sources.h"
#include "schema/schema.h"
#include "server/engine/database_pool.h"
#include "server/engine/short_prefix_table.h"
#include "server/engine/suggestion.h"
#include "server/engine/suggestion_ranking.h"
#include "server/engine/title_suggester.h"
#include "server/engine/typed_words.h"

namespace opslag {

/// Suggests completions while a search box is typed in. Words: the indexed words beginning
/// with the last word typed, those in the most documents first; after other words, first those
/// the documents holding the others hold ("digital po" -> "post"), those that stand right after
/// the word before in them first ("kunstig in" -> "intelligens"). When they and the titles
/// are fewer than asked for and the last word has kMinTypoChars characters, the words it begins
/// with one typo follow them ("nemdi" -> "NemID"; TypoCompletions). Each is shown as
/// titles and texts mostly write it ("nemi" -> "NemID"). Titles: documents whose title holds
/// every word typed, the last as a prefix, titles that begin with what was typed first, then by
/// BM25; when nothing begins with the last word, the titles of the word it was most likely
/// meant as. A hyphenated last word is completed whole, as written ("e-b" -> "e-Boks"), never
/// by its last part alone.
/// Every request reads a bounded number of terms and documents (short prefixes and typos are
/// answered from a table made once per revision of the index; words in very many documents are
/// not ranked), so it takes about as long on a large index as on a small one. Reads the
/// database through its own DatabasePool, reopened for each request, so a reindex is picked
/// up. All methods are const and thread-safe.
class Suggester {
 public:
  /// Opens `sources` as Searcher does (see database_sources.h) and reads its words once.
  /// Throws IndexMismatch if one was built with another schema, Error if one cannot be opened.
  Suggester(const Schema& schema, const DanishAnalyzer& analyzer, std::vector<std::string> sources,
            RemoteTimeouts timeouts = {});
  ~Suggester();
  Suggester(const Suggester&) = delete;
  Suggester& operator=(const Suggester&) = delete;

  /// Up to `size` completions of `typed`, words first, then titles; empty when nothing in the
  /// index begins so. Throws BadInput if `typed` is not valid UTF-8 or holds no word.
  [[nodiscard]] std::vector<Suggestion> suggest(std::string_view typed, int size) const;

  /// Largest `size` suggest() serves.
  static constexpr int kMaxSize = 20;
  /// Prefixes of at most this many characters are answered from a table of their most frequent
  /// words, made once per revision of the index; longer ones by reading the index's terms.
  static constexpr std::size_t kTablePrefixChars = 2;
  /// A longer prefix reads at most this many of the words it begins.
  static constexpr std::size_t kMaxScannedWords = kMaxScannedTerms;
  /// A last word of this many characters is also completed as if typed with one typo.
  static constexpr std::size_t kMinTypoChars = TypoCompletions::kMinTypedChars;
  /// Titles are suggested once the last word has this many characters, or follows another.
  static constexpr std::size_t kMinTitlePrefixChars = TitleSuggester::kMinPrefixChars;
  /// A title prefix stands for at most this many title words, the most frequent.
  static constexpr std::size_t kTitleWords = TitleSuggester::kPrefixWords;

 private:
  [[nodiscard]] std::vector<Suggestion> suggest(const Xapian::Database& db, const TypedWords& typed,
                                                std::size_t size) const;
  /// Completions of a hyphenated word being typed: the joined words of the index that begin
  /// with it and were written hyphenated, shown as written ("e-b" -> "e-Boks"), then the titles
  /// holding the first of them; nothing when none begins so.
  [[nodiscard]] std::vector<Suggestion> suggest_hyphenated(const Xapian::Database& db,
                                                           const TypedHyphenated& hyphenated,
                                                           std::size_t size) const;
  /// At most `size` suggestions: `words` (each after `before`, as written) in the places
  /// `titles` leave, then `titles`.
  [[nodiscard]] static std::vector<Suggestion> shown(const Xapian::Database& db,
                                                     const std::string& before,
                                                     const std::vector<WordCount>& words,
                                                     std::vector<Suggestion> titles,
                                                     const std::vector<std::string>& seen_titles,
                                                     std::size_t size);
  /// The words of `db` beginning with `prefix`, best first (ranks_before()), at most `size`.
  [[nodiscard]] std::vector<WordCount> words(const Xapian::Database& db, const std::string& prefix,
                                             std::size_t size) const;
  /// Adds to `words` (the exact completions of `last`) the words `last` begins with one typo,
  /// best first, until there are `size` (see TypoCompletions::complete()).
  void add_typo_words(const Xapian::Database& db, const std::string& last, std::size_t size,
                      std::vector<WordCount>& words) const;
  /// The words beginning with the last word typed that the documents about the words before
  /// it hold: those standing right after the word before in the most of them first ("kunstig
  /// in" -> "intelligens"), then those in the most of them ("digital po" -> "post"), then
  /// words(); at most `size`.
  [[nodiscard]] std::vector<WordCount> words_after(const Xapian::Database& db,
                                                   const TypedWords& typed, std::size_t size) const;

  const DanishAnalyzer& analyzer_;
  const TitleSuggester titles_;
  const ShortPrefixTable short_prefixes_;
  DatabasePool pool_;
};

/// "word" or "title".
[[nodiscard]] const char* to_string(SuggestionKind kind);

}  // namespace opslag
