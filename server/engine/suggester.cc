// Completions by prefix: word terms by document frequency (alone, or among the documents of the
// words typed before, those following the last of them first), then those within one typo,
// shown as written; then titles.
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

/// Of the most frequent words in the documents about the words typed before, this many are
/// looked up for standing right after the last of them: a look-up per document holding one.
constexpr std::size_t kAdjacencyLookedUp = 32;

/// A word beginning with the last word typed, in the documents most about the words before it.
struct InContext {
  Xapian::doccount documents = 0;  ///< how many of them hold it
  Xapian::doccount adjacent = 0;   ///< in how many it stands right after the word typed before
  std::vector<Xapian::docid> ids;  ///< which hold it
};

/// The words beginning with `typed.last` in the documents most about `typed.context`, with
/// how many hold each (InContext::adjacent not counted yet).
std::unordered_map<std::string, InContext> words_in_context(const Xapian::Database& db,
                                                            const TypedWords& typed) {
  std::vector<Xapian::Query> before;
  Xapian::doccount rarest = db.get_doccount();
  for (const std::string& w : typed.context) {
    before.emplace_back(word_term("", w));
    rarest = std::min(rarest, db.get_termfreq(word_term("", w)));
  }
  const Xapian::Enquire enquire = enquire_all_of(db, before, rarest);
  std::unordered_map<std::string, InContext> in_context;
  for (const Xapian::docid id : enquire.get_mset(0, kContextDocuments)) {
    auto t = db.termlist_begin(id);
    for (t.skip_to(typed.last); t != db.termlist_end(id) && (*t).starts_with(typed.last); ++t) {
      InContext& word = in_context[*t];
      ++word.documents;
      word.ids.push_back(id);
    }
  }
  return in_context;
}

/// Counts in how many of its documents each of the kAdjacencyLookedUp words of `in_context`
/// held by most stands right after `previous`, the word typed before the last: what is typed
/// is mostly a phrase of the texts ("kunstig in" -> "intelligens", which documents about
/// "kunstig" hold fewer times than "internettet").
void count_adjacent(const Xapian::Database& db, const std::string& previous,
                    std::unordered_map<std::string, InContext>& in_context) {
  std::vector<std::pair<const std::string*, InContext*>> most;
  for (auto& [word, found] : in_context) most.emplace_back(&word, &found);
  const auto by_documents = [](const auto& a, const auto& b) {
    if (a.second->documents != b.second->documents)
      return a.second->documents > b.second->documents;
    return *a.first < *b.first;
  };
  if (most.size() > kAdjacencyLookedUp) {
    std::partial_sort(most.begin(), most.begin() + kAdjacencyLookedUp, most.end(), by_documents);
    most.resize(kAdjacencyLookedUp);
  }
  // Per document, the positions right after `previous`, read once.
  std::unordered_map<Xapian::docid, std::vector<Xapian::termpos>> after_previous;
  for (auto& [word, found] : most) {
    for (const Xapian::docid id : found->ids) {
      auto [after, fresh] = after_previous.try_emplace(id);
      if (fresh) {
        for (auto p = db.positionlist_begin(id, previous); p != db.positionlist_end(id, previous);
             ++p)
          after->second.push_back(*p + 1);
      }
      if (after->second.empty()) continue;
      for (auto p = db.positionlist_begin(id, *word); p != db.positionlist_end(id, *word); ++p) {
        if (std::binary_search(after->second.begin(), after->second.end(), *p)) {
          ++found->adjacent;
          break;
        }
      }
    }
  }
}

/// The first words completing the last word typed, whose titles are suggested beside those of
/// the title words it begins that most titles hold.
constexpr std::size_t kLikelyWords = 3;

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
  std::vector<std::string> likely;  // what the last word most likely is: its titles too
  for (std::size_t i = 0; i < std::min(words.size(), kLikelyWords); ++i)
    likely.push_back(words[i].word);
  std::vector<std::string> seen_titles;
  std::vector<Suggestion> titles =
      titles_.suggest(db, typed, title_places(words.size(), size), seen_titles, likely);
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
  std::unordered_map<std::string, InContext> in_context = words_in_context(db, typed);
  if (!typed.complete.empty()) count_adjacent(db, typed.complete.back(), in_context);
  struct Ranked {
    const InContext* found;
    WordCount word;
  };
  std::vector<Ranked> ranked;
  for (const auto& [word, found] : in_context)
    if (worth_suggesting(analyzer_, word))
      ranked.push_back({&found, {word, db.get_termfreq(word)}});
  // Those standing right after the word before first, then those in most of the documents.
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.found->adjacent != b.found->adjacent) return a.found->adjacent > b.found->adjacent;
    if (a.found->documents != b.found->documents) return a.found->documents > b.found->documents;
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
