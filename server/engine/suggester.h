// Completions for a search box: indexed words and document titles that begin with what was typed.
#pragma once

#include <xapian.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "schema/database_sources.h"
#include "schema/schema.h"
#include "server/engine/database_pool.h"

namespace opslag {

/// What a suggestion completes what was typed to.
enum class SuggestionKind { kWord, kTitle };

/// One completion.
struct Suggestion {
  std::string text;  ///< what the search box should hold once it is chosen
  SuggestionKind kind = SuggestionKind::kWord;
  std::string id;  ///< the document whose title it is; empty for a word
};

/// Suggests completions while a search box is typed in. Words: the indexed words beginning
/// with the last word typed, those in the most documents first; after other words, first those
/// the documents holding the others hold ("digital po" -> "post"). Each is shown as titles and
/// texts mostly write it ("nemi" -> "NemID"). Titles: documents whose title holds every word
/// typed, the last as a prefix, titles that begin with what was typed first, then by BM25.
/// Every request reads a bounded number of terms and documents (short prefixes come from a table
/// made once per revision of the index; words in very many documents are not ranked), so it
/// takes about as long on a large index as on a small one. Reads the database through its own
/// DatabasePool, reopened for each request, so a reindex is picked up. All methods are
/// const and thread-safe.
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
  static constexpr std::size_t kMaxScannedWords = 5000;
  /// Titles are suggested once the last word has this many characters, or follows another.
  static constexpr std::size_t kMinTitlePrefixChars = 3;
  /// A title prefix stands for at most this many title words, the most frequent.
  static constexpr std::size_t kTitleWords = 12;

 private:
  struct Typed;
  struct WordCount;
  struct WordTable;

  [[nodiscard]] Typed read_typed(std::string_view typed) const;
  /// Whether the word term `word` is worth suggesting: no stop word, no possessive.
  [[nodiscard]] bool completes(std::string_view word) const;
  [[nodiscard]] std::vector<Suggestion> suggest(const Xapian::Database& db, const Typed& typed,
                                                std::size_t size) const;
  [[nodiscard]] std::vector<WordCount> words(const Xapian::Database& db, const std::string& prefix,
                                             std::size_t size) const;
  [[nodiscard]] std::vector<WordCount> words_after(const Xapian::Database& db, const Typed& typed,
                                                   std::size_t size) const;
  [[nodiscard]] std::vector<Suggestion> titles(const Xapian::Database& db, const Typed& typed,
                                               std::size_t size,
                                               std::vector<std::string>& seen_titles) const;
  [[nodiscard]] std::shared_ptr<const WordTable> word_table(const Xapian::Database& db) const;
  [[nodiscard]] std::shared_ptr<const WordTable> make_word_table(const Xapian::Database& db) const;

  const DanishAnalyzer& analyzer_;
  const std::string title_prefix_;
  DatabasePool pool_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const WordTable> table_;  // guarded by mutex_
  mutable std::atomic<bool> rebuilding_ = false;
};

/// "word" or "title".
[[nodiscard]] const char* to_string(SuggestionKind kind);

}  // namespace opslag
