// Completions by prefix: word terms by document frequency (alone or among the documents of the
// words typed before), then those within one typo, shown as written; then titles.
#include "server/engine/suggester.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "schema/analysis/icu_text.h"
#include "schema/document_terms.h"
#include "server/engine/word_casing.h"

namespace opslag {
namespace {

/// Documents whose words complete a prefix typed after other words.
constexpr Xapian::doccount kContextDocuments = 12;

/// How many of `size` places titles may take beside `words` words: half when there are words
/// to fill the rest, so titles fill what words leave, and only as many documents as that are
/// read.
std::size_t title_places(std::size_t words, std::size_t size) {
  return size - std::min(words, size - size / 2);
}

/// How many of the documents most about `typed.context` hold each word beginning with
/// `typed.last`.
std::unordered_map<std::string, Xapian::doccount> counts_in_context(const Xapian::Database& db,
                                                                    const TypedWords& typed) {
  std::vector<Xapian::Query> before;
  Xapian::doccount rarest = db.get_doccount();
  for (const std::string& w : typed.context) {
    before.emplace_back(word_term("", w));
    rarest = std::min(rarest, db.get_termfreq(word_term("", w)));
  }
  const Xapian::Enquire enquire = enquire_all_of(db, before, rarest);
  std::unordered_map<std::string, Xapian::doccount> in_context;
  for (const Xapian::docid id : enquire.get_mset(0, kContextDocuments)) {
    auto t = db.termlist_begin(id);
    for (t.skip_to(typed.last); t != db.termlist_end(id) && (*t).starts_with(typed.last); ++t)
      ++in_context[*t];
  }
  return in_context;
}

/// Documents holding a joined word in which it is looked for as a hyphenated word.
constexpr int kHyphenatedCandidates = 3;
/// Words beginning with a hyphenated word being typed that are looked at, the most frequent.
constexpr std::size_t kHyphenatedWordsRead = 64;

/// True when `word` stands in a document at the position of `first_part`, as the joined form
/// of a hyphenated word does ("eboks" where "e" of "e-Boks" stands), looked for in the first
/// few documents holding it; false for a word written whole ("ebbe").
bool written_hyphenated(const Xapian::Database& db, const std::string& word,
                        const std::string& first_part) {
  int seen = 0;
  for (auto p = db.postlist_begin(word); p != db.postlist_end(word) && seen < kHyphenatedCandidates;
       ++p, ++seen) {
    auto part = db.positionlist_begin(*p, first_part);
    const auto part_end = db.positionlist_end(*p, first_part);
    for (auto at = p.positionlist_begin(); at != p.positionlist_end() && part != part_end; ++at) {
      part.skip_to(*at);
      if (part != part_end && *part == *at) return true;
    }
  }
  return false;
}

}  // namespace

Suggester::Suggester(const Schema& schema, const DanishAnalyzer& analyzer,
                     std::vector<std::string> sources, RemoteTimeouts timeouts)
    : analyzer_(analyzer),
      titles_(analyzer, schema.field("title").prefix),
      short_prefixes_(analyzer, kTablePrefixChars, kMaxSize),
      pool_(schema, std::move(sources), timeouts) {
  pool_.with([this](DatabasePool::Handles& h) { short_prefixes_.update(h.all); });
}

Suggester::~Suggester() = default;

const char* to_string(SuggestionKind kind) {
  return kind == SuggestionKind::kTitle ? "title" : "word";
}

std::vector<Suggestion> Suggester::suggest(std::string_view typed, int size) const {
  const TypedWords words = read_typed_words(analyzer_, typed);
  if (words.last.empty() || size <= 0) return {};
  const auto n = static_cast<std::size_t>(std::min(size, kMaxSize));
  const std::optional<TypedHyphenated> hyphenated =
      words.last_is_prefix ? read_typed_hyphenated(analyzer_, typed) : std::nullopt;
  return pool_.with([&](DatabasePool::Handles& h) {
    return hyphenated ? suggest_hyphenated(h.all, *hyphenated, n) : suggest(h.all, words, n);
  });
}

std::vector<Suggestion> Suggester::suggest(const Xapian::Database& db, const TypedWords& typed,
                                           std::size_t size) const {
  std::vector<WordCount> words;
  if (typed.last_is_prefix)
    words =
        typed.context.empty() ? this->words(db, typed.last, size) : words_after(db, typed, size);
  std::vector<std::string> seen_titles;
  std::vector<Suggestion> titles =
      titles_.suggest(db, typed, title_places(words.size(), size), seen_titles);
  if (typed.last_is_prefix && words.size() + titles.size() < size) {
    // Words within a typo take only the places exact completions leave, words and titles: they
    // always rank after them, and are not looked for when those fill the list (as Typesense's
    // typo_tokens_threshold).
    const bool nothing_begins = words.empty() && titles.empty();
    add_typo_words(db, typed.last, size - titles.size(), words);
    if (nothing_begins && !words.empty()) {
      // The last word was mistyped, most likely for the best word within a typo.
      TypedWords meant = typed;
      meant.last = words.front().word;
      titles = titles_.suggest(db, meant, title_places(words.size(), size), seen_titles);
    }
  }
  return shown(db, typed.before, words, std::move(titles), seen_titles, size);
}

std::vector<Suggestion> Suggester::suggest_hyphenated(const Xapian::Database& db,
                                                      const TypedHyphenated& hyphenated,
                                                      std::size_t size) const {
  // Of the words beginning with the joined word ("eb"), the most frequent, then those the index
  // holds from a hyphenated word: most words beginning so were written whole ("ebbe"). Not
  // from the table of short prefixes, whose few words a prefix are mostly such.
  const TypedWords& typed = hyphenated.typed;
  std::vector<WordCount> read;
  if (typed.context.empty()) {
    read = terms_beginning(db, typed.last, [this](std::string_view word) {
      return worth_suggesting(analyzer_, word);
    });
    keep_best(read, kHyphenatedWordsRead);
  } else {
    read = words_after(db, typed, kHyphenatedWordsRead);
  }
  std::vector<WordCount> words;
  for (WordCount& w : read) {
    if (words.size() == size) break;
    if (written_hyphenated(db, w.word, hyphenated.first_part)) words.push_back(std::move(w));
  }
  // When none is, nothing is suggested: the last part completed alone would make words nobody
  // writes ("AI-fælles"), and the titles holding the parts apart any title with a one-letter
  // part ("e") and a word beginning like the last. Else the titles holding the best word.
  if (words.empty()) return {};
  TypedWords best = typed;
  best.last = words.front().word;
  best.last_is_prefix = false;
  std::vector<std::string> seen_titles;
  std::vector<Suggestion> titles =
      titles_.suggest(db, best, title_places(words.size(), size), seen_titles);
  return shown(db, typed.before, words, std::move(titles), seen_titles, size);
}

std::vector<Suggestion> Suggester::shown(const Xapian::Database& db, const std::string& before,
                                         const std::vector<WordCount>& words,
                                         std::vector<Suggestion> titles,
                                         const std::vector<std::string>& seen_titles,
                                         std::size_t size) {
  const std::size_t shown_words = std::min(words.size(), size - titles.size());
  std::vector<Suggestion> out;
  for (std::size_t i = 0; i < shown_words; ++i)
    out.push_back({before + as_written(db, words[i].word, seen_titles), SuggestionKind::kWord, ""});
  out.insert(out.end(), std::make_move_iterator(titles.begin()),
             std::make_move_iterator(titles.end()));
  return out;
}

std::vector<WordCount> Suggester::words(const Xapian::Database& db, const std::string& prefix,
                                        std::size_t size) const {
  if (text::char_count(prefix) <= kTablePrefixChars) {
    if (auto best = short_prefixes_.best(db, prefix, size)) return std::move(*best);
  }
  // Longer prefixes begin few words ("digi": 55 of 99,000 in danish-bench); the bound keeps a
  // prefix that begins very many (while the table is being made) from reading them all.
  std::vector<WordCount> out = terms_beginning(
      db, prefix, [this](std::string_view word) { return worth_suggesting(analyzer_, word); });
  keep_best(out, size);
  return out;
}

void Suggester::add_typo_words(const Xapian::Database& db, const std::string& last,
                               std::size_t size, std::vector<WordCount>& words) const {
  if (words.size() >= size) return;
  // None is a word `last` begins, so none repeats an exact completion.
  std::optional<std::vector<WordCount>> typos =
      short_prefixes_.with_one_typo(db, last, size - words.size());
  if (typos)
    words.insert(words.end(), std::make_move_iterator(typos->begin()),
                 std::make_move_iterator(typos->end()));
}

std::vector<WordCount> Suggester::words_after(const Xapian::Database& db, const TypedWords& typed,
                                              std::size_t size) const {
  const std::unordered_map<std::string, Xapian::doccount> in_context = counts_in_context(db, typed);
  struct Ranked {
    Xapian::doccount in_context;
    WordCount word;
  };
  std::vector<Ranked> ranked;
  for (const auto& [word, count] : in_context)
    if (worth_suggesting(analyzer_, word)) ranked.push_back({count, {word, db.get_termfreq(word)}});
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.in_context != b.in_context) return a.in_context > b.in_context;
    return ranks_before(a.word, b.word);
  });
  std::vector<WordCount> out;
  for (Ranked& r : ranked) {
    if (out.size() == size) break;
    out.push_back(std::move(r.word));
  }
  for (WordCount& w : words(db, typed.last, size)) {
    if (out.size() == size) break;
    if (!in_context.contains(w.word)) out.push_back(std::move(w));
  }
  return out;
}

}  // namespace opslag
