// Builds the Xapian query of each clause of a parsed query: a word, a phrase, a wildcard, a
// field, NEAR, and the synonyms of the plain words.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "schema/schema.h"
#include "server/engine/query_lexer.h"
#include "server/engine/query_parser.h"
#include "server/engine/synonym_expander.h"

namespace opslag {

/// Thrown while a query is built when its syntax is not understood; QueryParser::parse() then
/// reads the query again as plain words.
struct QuerySyntaxError {};

/// Another way of writing some of the plain words: words [first, first + length) of them.
/// One written in several words weighs as one word: each of its words 1/n of its weight
/// ("det centrale personregister" for "cpr" does not count three words twice over).
struct SynonymQuery {
  std::size_t first = 0;
  std::size_t length = 0;
  Xapian::Query query;  ///< a stem, or a phrase of the words as written
  Xapian::Query loose;  ///< the same without positions: its stems, all of them
  bool phrase = false;  ///< `query` is a phrase (scaled)
};

/// Makes the Xapian query of one clause at a time and records in a ParsedQuery what a snippet
/// must mark and how the query was widened. Term positions count on across the clauses of one
/// parse, so one instance serves one parse, its clauses asked for in reading order.
class ClauseQueries {
 public:
  /// Records into `out`. Stop words are left out unless `keep_stopwords`; a wildcard stands
  /// for at most `max_wildcard_terms` words; compounds the dictionary does not know are split
  /// by `vocabulary`, and a word neither it nor the dictionary holds is searched as `spelling`
  /// spells it (none when they are empty).
  ClauseQueries(const Schema& schema, const DanishAnalyzer& analyzer,
                const SynonymExpander& synonyms, const WordFrequency& vocabulary,
                const NearestSpelling& spelling, unsigned max_wildcard_terms, bool keep_stopwords,
                ParsedQuery& out)
      : schema_(schema),
        analyzer_(analyzer),
        synonyms_(synonyms),
        vocabulary_(vocabulary),
        spelling_(spelling),
        max_wildcard_terms_(max_wildcard_terms),
        keep_stopwords_(keep_stopwords),
        out_(out) {}

  /// One typed word under the term `prefix` ("" for the body), which the analyzer may split
  /// ("e-Boks", "2016-2020"): a single word matches by stem, widened to its aa/å spelling and
  /// compound parts; several match as a phrase, or by their joined form ("eboks"); `digitali*`
  /// by the words it begins. A single word is added to `plain_words` if given. An empty query
  /// for a stop word left out. Throws QuerySyntaxError for a wildcard of under two letters.
  [[nodiscard]] Xapian::Query free_word(const std::string& prefix, const std::string& text,
                                        std::vector<std::string>* plain_words);

  /// `"text"`: its words as written, side by side; an empty query when it has none.
  [[nodiscard]] Xapian::Query exact_phrase(const std::string& prefix, const std::string& text);

  /// `words` as written, side by side (a single word alone), with up to `others` other words
  /// among them.
  [[nodiscard]] Xapian::Query phrase(const std::string& prefix,
                                     const std::vector<std::string>& words,
                                     Xapian::termcount others = 0);

  /// The bonus for the plain words of a query standing together: `words` side by side, each
  /// in any form the archive holds that shares its stem (DanishAnalyzer::inflections; stop
  /// words as written), so "datadelingen mellem myndighederne" meets "datadeling mellem
  /// myndigheder". On the real judged set nDCG@10 0.810 -> 0.812 for about 1% of a search's
  /// time; allowing one other word among them as well gave 0.813 (own corpus 0.956 -> 0.960)
  /// but cost 5%, so the words stand side by side. None unless two of the words are not stop
  /// words: "til borgerne" would only weigh "borgerne" again, in the documents that happen to
  /// use the common phrase (`ai-assistent til borgerne` brought speeches saying "til
  /// borgerne" before the page on a digital assistant for citizens).
  [[nodiscard]] Xapian::Query phrase_bonus(const std::vector<std::string>& words);

  /// A `field:value` token: `titel:` searches the title; `kilde:` and `type:` filter by value;
  /// `dato:` and `år:` by a date, a year, or a range written FROM..TO. Throws
  /// QuerySyntaxError for an empty value or a date that is none.
  [[nodiscard]] Xapian::Query field(const Token& token);

  /// `a NEAR b NEAR/3 c`: `words` as written, each within `distance` words of the next.
  [[nodiscard]] Xapian::Query near(const std::vector<std::string>& words, int distance);

  /// The other entries of every synonym group `plain_words` hold, each a query of its own with
  /// the words it stands for.
  [[nodiscard]] std::vector<SynonymQuery> synonyms_of(const std::vector<std::string>& plain_words);
  /// Two neighbours of `words` written together, where the archive holds them so: "git lab"
  /// also finds "GitLab", "iso 27001" "ISO27001", "eidas forordningen" "eIDAS-forordningen"
  /// (as Meilisearch concatenates neighbouring query words). Each stands for both words at a
  /// typed word's weight; none with a stop word. With with_letters_and_digits_apart(), the
  /// other way round: on the real judged set nDCG@10 0.817 -> 0.818, on 40 needs judged later
  /// (2026-12-06) 0.729 -> 0.758 (names 0.300 -> 0.536).
  [[nodiscard]] std::vector<SynonymQuery> joined_neighbours(const std::vector<std::string>& words);

  /// The words of `text` as written (folded, not stemmed). Throws QuerySyntaxError if none.
  [[nodiscard]] std::vector<std::string> single_words(const std::string& text) const;

 private:
  /// The words of `text` as written (folded, not stemmed); none if it has none.
  [[nodiscard]] std::vector<std::string> written_words(const std::string& text) const;
  [[nodiscard]] Xapian::Query by_stem(const std::string& prefix, const std::string& word);
  [[nodiscard]] std::string as_the_archive_spells(const std::string& word);
  [[nodiscard]] Xapian::Query wildcard(const std::string& prefix, const std::string& text);
  [[nodiscard]] Xapian::Query with_compound_parts(const Xapian::Query& q, const std::string& word);
  [[nodiscard]] Xapian::Query with_split(const Xapian::Query& q, const std::string& word);
  [[nodiscard]] Xapian::Query with_letters_and_digits_apart(const Xapian::Query& q,
                                                            const std::string& prefix,
                                                            const std::string& word);
  [[nodiscard]] Xapian::Query with_other_forms(const Xapian::Query& q, const std::string& prefix,
                                               const std::string& word);
  [[nodiscard]] Xapian::Query hyphen_parts(const std::vector<std::string>& words);
  /// How many of `words` are no stop words (all of them when stop words are kept).
  [[nodiscard]] std::size_t content_words(const std::vector<std::string>& words) const;
  [[nodiscard]] Xapian::Query rarest_first(const std::vector<Xapian::Query>& parts,
                                           const std::vector<std::string>& words);
  [[nodiscard]] Xapian::Query date_range(const std::string& field_name, const std::string& text);
  Xapian::termpos next_position() { return ++position_; }

  const Schema& schema_;
  const DanishAnalyzer& analyzer_;
  const SynonymExpander& synonyms_;
  const WordFrequency& vocabulary_;
  const NearestSpelling& spelling_;
  const unsigned max_wildcard_terms_;
  const bool keep_stopwords_;
  ParsedQuery& out_;
  Xapian::termpos position_ = 0;
};

}  // namespace opslag
