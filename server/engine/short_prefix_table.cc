// Makes the table of short prefixes' best words, and the copy of every word for typos, by one pass
// over the word terms of the index.
#include "server/engine/short_prefix_table.h"

#include <algorithm>
#include <unordered_map>

#include "schema/analysis/icu_text.h"
#include "schema/document_terms.h"

namespace opslag {

/// The best words for every short prefix, and every word, for the revision of the index `stamp`
/// names.
struct ShortPrefixTable::Table {
  std::string stamp;
  std::unordered_map<std::string, std::vector<WordCount>> best;  ///< best first, size_ at most
  TypoCompletions typos;                                         ///< every word worth suggesting
};

namespace {

/// A string that changes whenever the index does, to tell revisions apart (Database::
/// get_revision() does not work for several shards).
std::string stamp_of(const Xapian::Database& db) {
  return std::to_string(db.get_doccount()) + ':' + std::to_string(db.get_lastdocid()) + ':' +
         std::to_string(db.get_total_length());
}

}  // namespace

ShortPrefixTable::ShortPrefixTable(const DanishAnalyzer& analyzer, std::size_t prefix_chars,
                                   std::size_t size)
    : analyzer_(analyzer), prefix_chars_(prefix_chars), size_(size) {}

ShortPrefixTable::~ShortPrefixTable() = default;

std::optional<std::vector<WordCount>> ShortPrefixTable::best(const Xapian::Database& db,
                                                             const std::string& prefix,
                                                             std::size_t size) const {
  const auto table = table_for(db);
  if (!table) return std::nullopt;
  const auto found = table->best.find(prefix);
  if (found == table->best.end()) return std::vector<WordCount>{};
  const std::vector<WordCount>& words = found->second;
  return std::vector<WordCount>(words.begin(),
                                words.begin() + static_cast<long>(std::min(size, words.size())));
}

std::optional<std::vector<WordCount>> ShortPrefixTable::with_one_typo(const Xapian::Database& db,
                                                                      std::string_view typed,
                                                                      std::size_t size) const {
  const auto table = table_for(db);
  if (!table) return std::nullopt;
  return table->typos.complete(typed, size);
}

std::shared_ptr<const ShortPrefixTable::Table> ShortPrefixTable::table_for(
    const Xapian::Database& db) const {
  std::shared_ptr<const Table> table;
  {
    std::lock_guard lock(mutex_);
    table = table_;
  }
  if (table && table->stamp == stamp_of(db)) return table;
  // One request makes the table for a new revision; the others meanwhile use the one before
  // (or, at the very start, read the terms themselves), so none waits for it.
  if (rebuilding_.exchange(true)) return table;
  struct Done {
    std::atomic<bool>& flag;
    ~Done() { flag = false; }
  } done{rebuilding_};
  try {
    table = make(db);
  } catch (const Xapian::DatabaseModifiedError&) {
    // The index changed twice while its terms were read (a reindex committing batch after
    // batch): this request goes on with the table before, and a later one makes the new one.
    return table;
  }
  std::lock_guard lock(mutex_);
  table_ = table;
  return table;
}

std::shared_ptr<const ShortPrefixTable::Table> ShortPrefixTable::make(
    const Xapian::Database& db) const {
  auto table = std::make_shared<Table>();
  table->stamp = stamp_of(db);
  Xapian::TermIterator t = db.allterms_begin();
  while (t != db.allterms_end()) {
    const std::string term = *t;
    if (!is_word_term(term)) {
      t.skip_to(std::string(kPastPrefixedTerms));
      continue;
    }
    if (worth_suggesting(analyzer_, term)) {
      const Xapian::doccount documents = t.get_termfreq();
      table->typos.add(term, documents);
      std::size_t end = 0;
      for (std::size_t chars = 1; chars <= prefix_chars_ && end < term.size(); ++chars) {
        end = text::next_char(term, end);
        std::vector<WordCount>& best = table->best[term.substr(0, end)];
        best.push_back({term, documents});
        // Cut now and then, so a prefix's list stays short while the terms are read.
        if (best.size() >= 4 * size_) keep_best(best, size_);
      }
    }
    ++t;
  }
  for (auto& [prefix, best] : table->best) keep_best(best, size_);
  table->typos.shrink_to_fit();
  return table;
}

}  // namespace opslag
