// Completions by prefix: word terms by document frequency, titles by BM25 over title terms.
#include "server/engine/suggester.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "schema/analysis/icu_text.h"
#include "schema/document_terms.h"
#include "schema/errors.h"
#include "schema/stored_document.h"

namespace opslag {

/// What was typed, read as words: the last one is being typed unless something follows it.
struct Suggester::Typed {
  std::string before;                 ///< the text before the last word, as typed (NFC)
  std::vector<std::string> complete;  ///< the words before the last, folded
  /// The words before the last that are no stop words: what the last is typed about.
  std::vector<std::string> context;
  std::string last;             ///< the last word, folded; empty when there is no word
  bool last_is_prefix = false;  ///< nothing follows the last word: it may go on
};

/// An indexed word and how many documents hold it.
struct Suggester::WordCount {
  std::string word;
  Xapian::doccount documents = 0;
};

/// The most frequent words for every prefix of up to kTablePrefixChars characters, for the
/// revision of the index `stamp` names.
struct Suggester::WordTable {
  std::string stamp;
  std::unordered_map<std::string, std::vector<WordCount>> best;  ///< best first, kMaxSize at most
};

namespace {

/// Documents read beyond those shown, so titles that repeat can be left out.
constexpr std::size_t kSpareTitles = 3;
/// Words typed before the last that a title must hold; more are not looked at.
constexpr std::size_t kMaxCompleteWords = 16;
/// Postings a BM25 ranking may read (see weigh()).
constexpr Xapian::doccount kMaxRankedPostings = 5000;
/// Documents whose words complete a prefix typed after other words.
constexpr Xapian::doccount kContextDocuments = 12;
/// Documents looked at to find how a word is written: the shortest of the first few.
constexpr int kFormCandidates = 8;
/// A document's text is searched for how a word is written only when it is this short (terms).
constexpr Xapian::termcount kMaxFormDocumentLength = 20000;
/// Occurrences of a word counted in one text to find how it is mostly written.
constexpr int kMaxFormsCounted = 20;

bool is_continuation(char c) { return U8_IS_TRAIL(static_cast<uint8_t>(c)); }

/// The number of characters (code points) of UTF-8 `text`.
std::size_t char_count(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

/// The byte offset just past the character that starts at `at`.
std::size_t next_char(std::string_view text, std::size_t at) {
  ++at;
  while (at < text.size() && is_continuation(text[at])) ++at;
  return at;
}

/// Word terms order: in more documents first, then alphabetically (so "nemid" before
/// "nemidkort" when both are equally frequent).
bool better(const auto& a, const auto& b) {
  return a.documents != b.documents ? a.documents > b.documents : a.word < b.word;
}

/// `words` sorted best first and cut to `size`.
template <typename WordCounts>
void keep_best(WordCounts& words, std::size_t size) {
  const std::size_t n = std::min(size, words.size());
  std::partial_sort(words.begin(), words.begin() + static_cast<long>(n), words.end(),
                    [](const auto& a, const auto& b) { return better(a, b); });
  words.resize(n);
}

/// A string that changes whenever the index does, to tell revisions apart (Database::
/// get_revision() does not work for several shards).
std::string stamp_of(const Xapian::Database& db) {
  return std::to_string(db.get_doccount()) + ':' + std::to_string(db.get_lastdocid()) + ':' +
         std::to_string(db.get_total_length());
}

/// `text` with ASCII capitals and the two-byte Latin-1 capitals (Æ, Ø, Å, É…) in lower case:
/// the same length, so its offsets are the text's.
std::string lower_latin(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto& c = reinterpret_cast<unsigned char&>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto& next = reinterpret_cast<unsigned char&>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        next = static_cast<unsigned char>(next + 32);
      ++i;
    }
  }
  return out;
}

/// True when `form` is the folded `word` with only its first letter a capital ("Strategien"):
/// how a word stands at the start of a title or a sentence, which says nothing of its case.
bool only_first_capital(std::string_view form, std::string_view word) {
  const std::size_t first = next_char(form, 0);
  return form != word && lower_latin(form) == word && form.substr(first) == word.substr(first);
}

bool is_word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

/// True when what comes before `at` in `text` ends a sentence or a heading's part ("… – Ny
/// strategi") or there is nothing: a capital there says nothing of a word's case. (After a
/// colon Danish writes small letters, so a capital there is meant: "Kilde:
/// Digitaliseringsstyrelsen".)
bool starts_sentence(std::string_view text, std::size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  const std::string_view before = text.substr(0, at);
  if (before.empty()) return true;
  for (std::string_view end : {".", "!", "?", "(", "\"", "\n", "\f", "-", "–", "—", "«"})
    if (before.ends_with(end)) return true;
  return false;
}

/// How many times each form of a word is written.
using FormCounts = std::map<std::string, int>;

/// Counts into `counts` how `text` writes the folded `word` as a whole word (its first
/// kMaxFormsCounted times), leaving out a capital that only begins a sentence ("Strategien
/// gælder"). Returns whether `text` holds the word at all.
bool count_written(std::string_view text, const std::string& word, FormCounts& counts) {
  const std::string lowered = lower_latin(text);
  int seen = 0;
  for (std::size_t at = lowered.find(word); at != std::string::npos && seen < kMaxFormsCounted;
       at = lowered.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at > 0 && is_word_byte(text[at - 1])) || (end < text.size() && is_word_byte(text[end])))
      continue;
    std::string form(text.substr(at, word.size()));
    if (text::fold(form) != word) continue;
    ++seen;
    if (!only_first_capital(form, word) || !starts_sentence(text, at)) ++counts[form];
  }
  return seen > 0;
}

/// The most written of `counts`; on a tie the folded `word` itself, as a word written both ways
/// is mostly a common word that also stands in a name ("post", "Digital Post").
std::string most_written(const FormCounts& counts, const std::string& word) {
  std::string best;
  int best_count = 0;
  for (const auto& [form, count] : counts) {
    if (count > best_count || (count == best_count && form == word)) {
      best = form;
      best_count = count;
    }
  }
  return best;
}

/// Of the first documents holding `term`, the shortest (least to read), or 0 for none.
Xapian::docid shortest_holding(const Xapian::Database& db, const std::string& term) {
  Xapian::docid best = 0;
  Xapian::termcount best_length = 0;
  int seen = 0;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && seen < kFormCandidates;
       ++p, ++seen) {
    if (best == 0 || p.get_doclength() < best_length) {
      best = *p;
      best_length = p.get_doclength();
    }
  }
  return best;
}

/// How the folded `word` is mostly written in `titles` and in the text of a short document
/// that holds it ("nemid" -> "NemID"); the word itself when neither writes it otherwise.
std::string as_written(const Xapian::Database& db, const std::string& word,
                       const std::vector<std::string>& titles) {
  FormCounts counts;
  for (const std::string& title : titles) (void)count_written(title, word, counts);
  if (const Xapian::docid id = shortest_holding(db, word);
      id != 0 && db.get_doclength(id) <= kMaxFormDocumentLength) {
    const StoredDocument doc = StoredDocument::from_data(db.get_document(id).get_data());
    (void)count_written(doc.body, word, counts);
  }
  const std::string form = most_written(counts, word);
  return form.empty() ? word : form;
}

/// Ranks `enquire` by BM25 when the rarest part of its query (an AND) is in at most
/// kMaxRankedPostings documents; else takes the first documents in index order, which stops
/// once it has them: ranking would read every posting of words that frequent, longer than a
/// keystroke may take, and so common a prefix gives little to rank by.
void weigh(Xapian::Enquire& enquire, Xapian::doccount rarest) {
  if (rarest <= kMaxRankedPostings) {
    enquire.set_weighting_scheme(Xapian::BM25Weight());
  } else {
    enquire.set_weighting_scheme(Xapian::BoolWeight());
  }
}

}  // namespace

Suggester::Suggester(const Schema& schema, const DanishAnalyzer& analyzer,
                     std::vector<std::string> sources, RemoteTimeouts timeouts)
    : analyzer_(analyzer),
      title_prefix_(schema.field("title").prefix),
      pool_(schema, std::move(sources), timeouts) {
  pool_.with([this](DatabasePool::Handles& h) { (void)word_table(h.all); });
}

Suggester::~Suggester() = default;

const char* to_string(SuggestionKind kind) {
  return kind == SuggestionKind::kTitle ? "title" : "word";
}

bool Suggester::completes(std::string_view word) const {
  // A possessive ("nemid's", indexed whole beside "nemid") would only repeat its word.
  return !analyzer_.is_stopword(word) && word.find('\'') == std::string_view::npos &&
         word.find("\u2019") == std::string_view::npos;
}

Suggester::Typed Suggester::read_typed(std::string_view typed) const {
  const std::string text = analyzer_.normalize(typed);
  std::vector<AnalyzedWord> words = analyzer_.analyze(text, Stemming::kNone);
  std::erase_if(words, [](const AnalyzedWord& w) { return w.alternative; });
  Typed out;
  if (words.empty()) return out;
  const AnalyzedWord& last = words.back();
  out.before = text.substr(0, last.begin);
  out.last = last.word;
  out.last_is_prefix = last.end == text.size();
  const std::size_t first =
      words.size() - 1 > kMaxCompleteWords ? words.size() - 1 - kMaxCompleteWords : 0;
  for (std::size_t i = first; i + 1 < words.size(); ++i) {
    out.complete.push_back(words[i].word);
    if (!analyzer_.is_stopword(words[i].word)) out.context.push_back(words[i].word);
  }
  return out;
}

std::vector<Suggestion> Suggester::suggest(std::string_view typed, int size) const {
  const Typed words = read_typed(typed);
  if (words.last.empty() || size <= 0) return {};
  const auto n = static_cast<std::size_t>(std::min(size, kMaxSize));
  return pool_.with([&](DatabasePool::Handles& h) { return suggest(h.all, words, n); });
}

std::vector<Suggestion> Suggester::suggest(const Xapian::Database& db, const Typed& typed,
                                           std::size_t size) const {
  std::vector<WordCount> words;
  if (typed.last_is_prefix)
    words =
        typed.context.empty() ? this->words(db, typed.last, size) : words_after(db, typed, size);
  // Half the places for words when there are titles to fill the rest; titles fill what words
  // leave, and only as many documents as that are read.
  const std::size_t title_places = size - std::min(words.size(), size - size / 2);
  std::vector<std::string> seen_titles;
  const std::vector<Suggestion> titles = this->titles(db, typed, title_places, seen_titles);
  const std::size_t shown_words = std::min(words.size(), size - titles.size());

  std::vector<Suggestion> out;
  for (std::size_t i = 0; i < shown_words; ++i) {
    out.push_back(
        {typed.before + as_written(db, words[i].word, seen_titles), SuggestionKind::kWord, ""});
  }
  out.insert(out.end(), titles.begin(), titles.end());
  return out;
}

std::vector<Suggester::WordCount> Suggester::words(const Xapian::Database& db,
                                                   const std::string& prefix,
                                                   std::size_t size) const {
  if (char_count(prefix) <= kTablePrefixChars) {
    if (const auto table = word_table(db)) {
      const auto found = table->best.find(prefix);
      if (found == table->best.end()) return {};
      return {found->second.begin(),
              found->second.begin() + static_cast<long>(std::min(size, found->second.size()))};
    }
  }
  // Longer prefixes begin few words ("digi": 55 of 99,000 in danish-bench); the bound keeps a
  // prefix that begins very many (while the table is being made) from reading them all.
  std::vector<WordCount> out;
  std::size_t scanned = 0;
  for (auto t = db.allterms_begin(prefix);
       t != db.allterms_end(prefix) && scanned < kMaxScannedWords; ++t, ++scanned) {
    std::string word = *t;
    if (completes(word)) out.push_back({std::move(word), t.get_termfreq()});
  }
  keep_best(out, size);
  return out;
}

std::vector<Suggester::WordCount> Suggester::words_after(const Xapian::Database& db,
                                                         const Typed& typed,
                                                         std::size_t size) const {
  // The words beginning with the prefix that the documents most about the words typed before
  // it hold, in the most of them first ("digital po" -> "post"), then the most frequent.
  std::vector<Xapian::Query> before;
  Xapian::doccount rarest = db.get_doccount();
  for (const std::string& w : typed.context) {
    before.emplace_back(word_term("", w));
    rarest = std::min(rarest, db.get_termfreq(word_term("", w)));
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, before.begin(), before.end()));
  weigh(enquire, rarest);
  std::unordered_map<std::string, Xapian::doccount> in_context;
  for (const Xapian::docid id : enquire.get_mset(0, kContextDocuments)) {
    auto t = db.termlist_begin(id);
    for (t.skip_to(typed.last); t != db.termlist_end(id) && (*t).starts_with(typed.last); ++t)
      ++in_context[*t];
  }
  struct Ranked {
    Xapian::doccount in_context, documents;
    std::string word;
  };
  std::vector<Ranked> ranked;
  for (auto& [word, count] : in_context)
    if (completes(word)) ranked.push_back({count, db.get_termfreq(word), word});
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.in_context != b.in_context) return a.in_context > b.in_context;
    return a.documents != b.documents ? a.documents > b.documents : a.word < b.word;
  });
  std::vector<WordCount> out;
  for (Ranked& r : ranked) {
    if (out.size() == size) break;
    out.push_back({std::move(r.word), r.documents});
  }
  for (WordCount& w : words(db, typed.last, size)) {
    if (out.size() == size) break;
    if (!in_context.contains(w.word)) out.push_back(std::move(w));
  }
  return out;
}

std::shared_ptr<const Suggester::WordTable> Suggester::word_table(
    const Xapian::Database& db) const {
  std::shared_ptr<const WordTable> table;
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
  table = make_word_table(db);
  std::lock_guard lock(mutex_);
  table_ = table;
  return table;
}

std::shared_ptr<const Suggester::WordTable> Suggester::make_word_table(
    const Xapian::Database& db) const {
  auto table = std::make_shared<WordTable>();
  table->stamp = stamp_of(db);
  Xapian::TermIterator t = db.allterms_begin();
  while (t != db.allterms_end()) {
    const std::string term = *t;
    if (!is_word_term(term)) {
      t.skip_to(std::string(kPastPrefixedTerms));
      continue;
    }
    if (completes(term)) {
      const Xapian::doccount documents = t.get_termfreq();
      std::size_t end = 0;
      for (std::size_t chars = 1; chars <= kTablePrefixChars && end < term.size(); ++chars) {
        end = next_char(term, end);
        std::vector<WordCount>& best = table->best[term.substr(0, end)];
        best.push_back({term, documents});
        if (best.size() >= 4 * static_cast<std::size_t>(kMaxSize)) keep_best(best, kMaxSize);
      }
    }
    ++t;
  }
  for (auto& [prefix, best] : table->best) keep_best(best, kMaxSize);
  return table;
}

std::vector<Suggestion> Suggester::titles(const Xapian::Database& db, const Typed& typed,
                                          std::size_t size,
                                          std::vector<std::string>& seen_titles) const {
  if (size == 0 || (typed.last_is_prefix && typed.context.empty() &&
                    char_count(typed.last) < kMinTitlePrefixChars))
    return {};
  std::vector<Xapian::Query> parts;
  Xapian::doccount rarest = db.get_doccount();
  const auto require = [&](const std::string& word) {
    parts.emplace_back(word_term(title_prefix_, word));
    rarest = std::min(rarest, db.get_termfreq(word_term(title_prefix_, word)));
  };
  for (const std::string& w : typed.context) require(w);
  if (typed.last_is_prefix) {
    // The title words the prefix begins, most frequent first; stop words never end a prefix.
    const std::string prefix = word_term(title_prefix_, typed.last);
    std::vector<WordCount> expansions;
    std::size_t scanned = 0;
    for (auto t = db.allterms_begin(prefix);
         t != db.allterms_end(prefix) && scanned < kMaxScannedWords; ++t, ++scanned) {
      std::string term = *t;
      if (!analyzer_.is_stopword(std::string_view(term).substr(title_prefix_.size())))
        expansions.push_back({std::move(term), t.get_termfreq()});
    }
    if (expansions.empty()) return {};
    keep_best(expansions, kTitleWords);
    std::vector<Xapian::Query> any;
    Xapian::doccount postings = 0;
    for (const WordCount& e : expansions) {
      any.emplace_back(e.word);
      postings += e.documents;
    }
    parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    rarest = std::min(rarest, postings);
  } else if (parts.empty() || !analyzer_.is_stopword(typed.last)) {
    require(typed.last);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
  weigh(enquire, rarest);
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(size + kSpareTitles));

  std::vector<std::string> typed_words = typed.complete;
  typed_words.push_back(typed.last);
  std::vector<Suggestion> begins, others;
  std::unordered_set<std::string> shown;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    StoredDocument doc = StoredDocument::from_data(it.get_document().get_data());
    if (doc.title.empty()) continue;
    seen_titles.push_back(doc.title);
    const std::vector<AnalyzedWord> words = analyzer_.analyze(doc.title, Stemming::kNone);
    std::string folded;
    std::size_t index = 0, matched = 0;  // matched: how many typed words the title begins with
    for (const AnalyzedWord& w : words) {
      if (w.alternative) continue;
      folded += w.word + ' ';
      if (matched == index && matched < typed_words.size()) {
        const bool last = matched + 1 == typed_words.size();
        if (w.word == typed_words[matched] ||
            (last && typed.last_is_prefix && w.word.starts_with(typed_words[matched])))
          ++matched;
      }
      ++index;
    }
    if (!shown.insert(folded).second) continue;  // the same title again
    (matched == typed_words.size() ? begins : others)
        .push_back({std::move(doc.title), SuggestionKind::kTitle, std::move(doc.id)});
  }
  begins.insert(begins.end(), std::make_move_iterator(others.begin()),
                std::make_move_iterator(others.end()));
  begins.resize(std::min(begins.size(), size));
  return begins;
}

}  // namespace opslag
