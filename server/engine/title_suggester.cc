// Title suggestions: an AND of title terms (the last word widened to the title words it begins),
// titles beginning with what was typed first.
#include "server/engine/title_suggester.h"

#include <algorithm>
#include <unordered_set>

#include "schema/analysis/icu_text.h"
#include "schema/document_terms.h"
#include "schema/stored_document.h"
#include "server/engine/suggestion_ranking.h"

namespace opslag {

/// The parts a title must hold, and how many documents hold the rarest (at most).
struct TitleSuggester::Query {
  std::vector<Xapian::Query> all_of;
  Xapian::doccount rarest = 0;

  void require(Xapian::Query part, Xapian::doccount documents) {
    all_of.push_back(std::move(part));
    rarest = std::min(rarest, documents);
  }
};

namespace {

/// Documents read beyond those shown, so titles that repeat can be left out.
constexpr std::size_t kSpareTitles = 3;

/// The words of a title, folded, each followed by a space: one string for titles that differ
/// only in case and punctuation.
std::string folded_words(const std::vector<AnalyzedWord>& title) {
  std::string folded;
  for (const AnalyzedWord& w : title)
    if (!w.alternative) folded += w.word + ' ';
  return folded;
}

/// Whether the words of `title` begin with the `typed` words, the last of which may be only
/// begun if `last_is_prefix`.
bool begins_with(const std::vector<AnalyzedWord>& title, const std::vector<std::string>& typed,
                 bool last_is_prefix) {
  std::size_t matched = 0;
  for (const AnalyzedWord& w : title) {
    if (w.alternative) continue;
    if (matched == typed.size()) break;
    const bool last = matched + 1 == typed.size();
    if (w.word != typed[matched] && !(last && last_is_prefix && w.word.starts_with(typed[matched])))
      return false;
    ++matched;
  }
  return matched == typed.size();
}

}  // namespace

TitleSuggester::Query TitleSuggester::query_for(const Xapian::Database& db, const TypedWords& typed,
                                                const std::vector<std::string>& likely) const {
  Query query{{}, db.get_doccount()};
  const auto require = [&](const std::string& word) {
    const std::string term = word_term(title_prefix_, word);
    query.require(Xapian::Query(term), db.get_termfreq(term));
  };
  for (const std::string& w : typed.context) require(w);
  if (typed.last_is_prefix) {
    // The title words the prefix begins, most frequent first; stop words never end a prefix.
    std::vector<WordCount> words =
        terms_beginning(db, word_term(title_prefix_, typed.last), [&](std::string_view term) {
          return !analyzer_.is_stopword(term.substr(title_prefix_.size()));
        });
    keep_best(words, kPrefixWords);
    // And the words the prefix most likely completes to, though few titles hold them.
    for (const std::string& word : likely) {
      const std::string term = word_term(title_prefix_, word);
      const bool listed = std::any_of(words.begin(), words.end(),
                                      [&](const WordCount& w) { return w.word == term; });
      if (word.starts_with(typed.last) && !listed) {
        if (const Xapian::doccount documents = db.get_termfreq(term); documents > 0)
          words.push_back({term, documents});
      }
    }
    if (words.empty()) return {};
    std::vector<Xapian::Query> any;
    Xapian::doccount postings = 0;
    for (const WordCount& w : words) {
      any.emplace_back(w.word);
      postings += w.documents;
    }
    query.require(Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()), postings);
  } else if (query.all_of.empty() || !analyzer_.is_stopword(typed.last)) {
    require(typed.last);
  }
  return query;
}

std::vector<Suggestion> TitleSuggester::suggest(const Xapian::Database& db, const TypedWords& typed,
                                                std::size_t size,
                                                std::vector<std::string>& seen_titles,
                                                const std::vector<std::string>& likely) const {
  if (size == 0 || (typed.last_is_prefix && typed.context.empty() &&
                    text::char_count(typed.last) < kMinPrefixChars))
    return {};
  const Query query = query_for(db, typed, likely);
  if (query.all_of.empty()) return {};
  const Xapian::Enquire enquire = enquire_all_of(db, query.all_of, query.rarest);
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
    if (!shown.insert(folded_words(words)).second) continue;  // the same title again
    (begins_with(words, typed_words, typed.last_is_prefix) ? begins : others)
        .push_back({std::move(doc.title), SuggestionKind::kTitle, std::move(doc.id)});
  }
  begins.insert(begins.end(), std::make_move_iterator(others.begin()),
                std::make_move_iterator(others.end()));
  begins.resize(std::min(begins.size(), size));
  return begins;
}

}  // namespace opslag
