// The most frequent words of every short prefix, and every word for mistyped prefixes, made once
// per revision of the index.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "server/engine/suggestion_ranking.h"
#include "server/engine/typo_completions.h"

namespace opslag {

/// Answers a prefix of one or two characters, which begins too many words to read on every
/// keystroke, from a table of the best words of every such prefix; and a longer prefix typed
/// with a typo from a copy of every word (TypoCompletions). Both are made again when the index
/// changes, in one pass over its words, by one request while the others go on with the ones
/// before, so none waits for them. Thread-safe.
class ShortPrefixTable {
 public:
  /// A table of prefixes of at most `prefix_chars` characters, each with its best `size` words
  /// that `analyzer` finds worth suggesting (see worth_suggesting()).
  ShortPrefixTable(const DanishAnalyzer& analyzer, std::size_t prefix_chars, std::size_t size);
  ~ShortPrefixTable();
  ShortPrefixTable(const ShortPrefixTable&) = delete;
  ShortPrefixTable& operator=(const ShortPrefixTable&) = delete;

  /// The best words of `db` beginning with `prefix` (of at most prefix_chars characters), best
  /// first, at most `size`; empty when none does. Makes the table for `db`'s revision first
  /// unless another request is making it; nullopt when there is no table yet (the caller reads
  /// the terms itself).
  [[nodiscard]] std::optional<std::vector<WordCount>> best(const Xapian::Database& db,
                                                           const std::string& prefix,
                                                           std::size_t size) const;

  /// Up to `size` words of `db` that begin within one typo of the folded `typed` but not with
  /// `typed` itself, best first (see TypoCompletions::complete()), read as best() reads its
  /// table; nullopt when there is no table yet.
  [[nodiscard]] std::optional<std::vector<WordCount>> with_one_typo(const Xapian::Database& db,
                                                                    std::string_view typed,
                                                                    std::size_t size) const;

  /// Makes the table for `db`'s revision now, unless it is made or being made.
  void update(const Xapian::Database& db) const { (void)table_for(db); }

 private:
  struct Table;

  [[nodiscard]] std::shared_ptr<const Table> table_for(const Xapian::Database& db) const;
  [[nodiscard]] std::shared_ptr<const Table> make(const Xapian::Database& db) const;

  const DanishAnalyzer& analyzer_;
  const std::size_t prefix_chars_;
  const std::size_t size_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Table> table_;  // guarded by mutex_
  mutable std::atomic<bool> rebuilding_ = false;
};

}  // namespace opslag
