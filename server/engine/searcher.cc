// Searching a Xapian database: query parsing, BM25 ranking, snippets, document look-up.
#include "server/engine/searcher.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "schema/database_sources.h"
#include "schema/document_terms.h"
#include "schema/errors.h"
#include "server/engine/facet_spy.h"
#include "server/engine/heading_boost.h"
#include "server/engine/remote_shards.h"

namespace opslag {

Searcher::Searcher(const Schema& schema, const DanishAnalyzer& analyzer,
                   std::vector<std::string> sources, ShardPolicy policy, const Limits& limits)
    : schema_(schema),
      analyzer_(analyzer),
      parser_(schema, analyzer, limits.max_wildcard_terms),
      snippets_(analyzer),
      remote_(std::any_of(sources.begin(), sources.end(),
                          [](const std::string& s) { return s.starts_with("tcp:"); })),
      pool_(schema, std::move(sources), policy.timeouts, std::move(policy.lexicon)),
      allow_partial_(policy.allow_partial),
      limits_(limits) {}

Searcher::~Searcher() = default;

namespace {

/// Stored text of document `id` that the analysis refused (`e`): the index, not the request, is
/// at fault, so the search answers as for an index it cannot read.
IndexUnavailable damaged_text(const std::string& id, const BadInput& e) {
  return IndexUnavailable("the stored text of document \"" + id + "\" is damaged: " + e.what());
}

/// Facet values and the documents holding each, times `scale`: by count (most first), or by
/// value (highest first).
std::vector<FacetCount> facet_counts(
    const std::unordered_map<std::string, Xapian::doccount>& counts, bool by_value, double scale) {
  std::vector<FacetCount> out;
  for (const auto& [value, count] : counts)
    out.push_back(
        {value, static_cast<Xapian::doccount>(std::lround(static_cast<double>(count) * scale))});
  std::sort(out.begin(), out.end(), [by_value](const FacetCount& a, const FacetCount& b) {
    if (by_value) return a.value > b.value;
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return out;
}

/// Gives `parsed` how telling each of its stems and phrase words is, for choosing a snippet's
/// passage (ParsedQuery::stem_weights, word_weights): log(1 + N / df), where a stem's df is
/// the most documents any of its terms (as a word, in a field, as a compound's part) is in. A
/// stem that is none of the typed words' but was searched besides (a split word's part, a
/// synonym, another form) counts as the ranking counts a split word's parts against the word
/// typed. The match's statistics hold the frequencies of `query`'s terms, so none is looked up
/// again (a round trip each on remote shards).
void weigh_terms(const Xapian::MSet& mset, const Xapian::Query& query, Xapian::doccount documents,
                 const std::set<std::string>& typed, ParsedQuery& parsed) {
  const auto idf = [documents](Xapian::doccount df) {
    return std::log1p(static_cast<double>(documents) /
                      static_cast<double>(std::max<Xapian::doccount>(df, 1)));
  };
  std::map<std::string, Xapian::doccount> frequency;
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    const std::string name = *term;  // the iterator gives a copy: the stem is a view into it
    if (is_word_term(name)) {
      parsed.word_weights[name] = idf(mset.get_termfreq(name));
      continue;
    }
    const std::string_view stem = term_stem(name);
    if (stem.empty()) continue;
    Xapian::doccount& df = frequency[std::string(stem)];
    df = std::max(df, mset.get_termfreq(name));
  }
  for (const auto& [stem, df] : frequency)
    parsed.stem_weights[stem] =
        idf(df) * (typed.contains(stem) ? 1.0 : QueryParser::kSplitPartsWeight);
}

/// The counts of Xapian's own spy, as FacetSpy gives them.
std::unordered_map<std::string, Xapian::doccount> counts_of(const Xapian::ValueCountMatchSpy& spy) {
  std::unordered_map<std::string, Xapian::doccount> out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) out[*it] = it.get_termfreq();
  return out;
}

/// The facets' counts over the documents a search matches: FacetSpy on local databases (from
/// `columns` when there are), and Xapian's own spies, which remote shards can run, on remote ones.
class FacetCounting {
 public:
  FacetCounting(const std::vector<Xapian::valueno>& slots, bool remote,
                std::shared_ptr<const FacetColumns> columns)
      : columns_(std::move(columns)) {
    if (!remote) {
      local_.emplace(slots, columns_.get());
      return;
    }
    for (const Xapian::valueno slot : slots) remote_.emplace_back(slot);
  }
  void add_to(Xapian::Enquire& enquire) {
    if (local_) enquire.add_matchspy(&*local_);
    for (Xapian::ValueCountMatchSpy& spy : remote_) enquire.add_matchspy(&spy);
  }
  [[nodiscard]] Xapian::doccount total() const {
    if (local_) return local_->total();
    return remote_.empty() ? 0 : remote_.front().get_total();
  }
  [[nodiscard]] std::unordered_map<std::string, Xapian::doccount> counts(std::size_t i) const {
    return local_ ? local_->counts(i) : counts_of(remote_.at(i));
  }

 private:
  std::shared_ptr<const FacetColumns> columns_;  // kept while the spy reads them
  std::optional<FacetSpy> local_;
  std::deque<Xapian::ValueCountMatchSpy> remote_;  // the Enquire holds their addresses
};

/// Documents with any of `values` in the filter field `field`, or an empty query for none.
Xapian::Query any_of(const Field& field, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const std::string& v : values) terms.emplace_back(filter_term(field.prefix, v));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

Xapian::Query Searcher::with_field_boosts(const Xapian::Query& query, const ParsedQuery& parsed,
                                          const Xapian::Database& db) const {
  std::vector<Xapian::Query> matches;
  std::vector<std::vector<std::string>> seen;
  // Each match is the filter terms a document must all hold (the words of a publisher).
  const auto consider = [&](const std::vector<std::string>& terms) {
    if (terms.empty() || std::find(seen.begin(), seen.end(), terms) != seen.end()) return;
    // Remote shards are not asked term by term (a round trip each): a term none holds only
    // boosts nothing.
    if (!remote_)
      for (const std::string& t : terms)
        if (!db.term_exists(t)) return;
    seen.push_back(terms);
    matches.push_back(terms.size() == 1
                          ? Xapian::Query(terms[0])
                          : Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()));
  };
  const Field& source = schema_.field("source");
  const Field& year = schema_.field("year");
  // A name matches the words of a publisher ("digst": "Digitaliseringsstyrelsen / Statens IT";
  // "KL": "Digitaliseringsministeriet, KL og Danske Regioner"), as kilde: does.
  const auto source_terms = [&](const std::string& value) {
    if (source.word_prefix.empty())
      return std::vector<std::string>{filter_term(source.prefix, value)};
    return filter_word_terms(source, analyzer_, value);
  };
  std::string all;
  for (const std::string& word : parsed.free_words) {
    consider(source_terms(word));
    if (word.size() == 4 &&
        std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
      consider({filter_term(year.prefix, word)});
    all += (all.empty() ? "" : " ") + word;
  }
  if (parsed.free_words.size() > 1)
    consider({filter_term(source.prefix, all)});  // "Danske Regioner"
  for (const Expansion& e : parsed.expansions)
    if (e.kind == "synonym") consider(source_terms(e.to));  // "Kommunernes Landsforening": KL
  if (matches.empty()) return query;
  std::vector<Xapian::Query> boosts;
  for (const Xapian::Query& match : matches) {
    // Xapian's idiom: the query owns the source once it is released.
    auto* weight = new Xapian::FixedWeightPostingSource(kFieldMatchBoost);
    boosts.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(weight->release()), match);
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
}

Xapian::Query Searcher::filtered(const Xapian::Query& query, const SearchRequest& request) const {
  std::vector<Xapian::Query> filters;
  if (!request.sources.empty()) filters.push_back(any_of(schema_.field("source"), request.sources));
  if (!request.types.empty()) filters.push_back(any_of(schema_.field("type"), request.types));
  if (!request.since.empty())
    filters.emplace_back(Xapian::Query::OP_VALUE_GE, *schema_.field("indexed").value_slot,
                         request.since);
  if (!request.from.empty() || !request.to.empty()) {
    const unsigned slot = *schema_.field("date").value_slot;
    if (request.to.empty()) {
      filters.emplace_back(Xapian::Query::OP_VALUE_GE, slot, request.from);
    } else if (request.from.empty()) {
      filters.emplace_back(Xapian::Query::OP_VALUE_LE, slot, request.to);
    } else {
      filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, slot, request.from, request.to);
    }
  }
  if (filters.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

std::vector<Expansion> Searcher::expansions(const Xapian::Database& db,
                                            const Xapian::Database& lexicon,
                                            const ParsedQuery& parsed) const {
  std::vector<Expansion> out;
  for (const Expansion& e : parsed.expansions) {
    // "dataansvarlig" has no "datånsvarlig": list only spellings that occur.
    if (e.kind == "spelling" && !occurs(db, lexicon, e.to)) continue;
    out.push_back(e);
  }
  for (const auto& [stem, typed] : parsed.part_stems) {
    // The compounds indexed with this part (kept as synonyms of its part term), the most
    // frequent first; words no longer in any document are left out.
    std::vector<std::pair<Xapian::doccount, std::string>> words;
    const std::string key = part_term(stem);
    for (auto t = lexicon.synonyms_begin(key); t != lexicon.synonyms_end(key); ++t)
      if (const Xapian::doccount n = word_frequency(db, lexicon, *t); n > 0)
        words.emplace_back(n, *t);
    std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (words.size() > kMaxCompoundsShown) words.resize(kMaxCompoundsShown);
    for (const auto& [freq, word] : words) out.push_back({"compound", typed, word});
  }
  for (const std::string& prefix : parsed.prefixes) {
    // The same words Xapian's WILDCARD_LIMIT_MOST_FREQUENT keeps.
    std::vector<std::pair<Xapian::doccount, std::string>> words;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
      words.emplace_back(t.get_termfreq(), *t);
    std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (words.size() > limits_.max_wildcard_terms) words.resize(limits_.max_wildcard_terms);
    for (const auto& [freq, word] : words) out.push_back({"wildcard", prefix + "*", word});
  }
  return out;
}

std::string Searcher::suggest(const Xapian::Database& db, const Xapian::Database& lexicon,
                              std::string_view query, const ParsedQuery& parsed) const {
  std::map<std::string, std::string, std::less<>> fixes;
  const auto has_synonym = [&](const std::string& word) {
    return std::any_of(parsed.expansions.begin(), parsed.expansions.end(),
                       [&](const Expansion& e) { return e.kind == "synonym" && e.from == word; });
  };
  for (const std::string& word : parsed.free_words) {
    // A word the archive lacks but Danish has is no misspelling ("skolesikkerhedsplanerne"):
    // its nearest word in the archive would be another word, and finding it is the dearest part
    // of a search for a long compound (1.8 of 3 ms). Nor is one the synonyms know ("digst").
    // A slip searched as the archive spells it stands here so spelled: it occurs.
    if (occurs(db, lexicon, word) || analyzer_.is_dictionary_word(word) || has_synonym(word))
      continue;
    std::string fix = lexicon.get_spelling_suggestion(word, kMaxSpellingEdits);
    if (!fix.empty() && fix != word) fixes.emplace(word, std::move(fix));
  }
  if (fixes.empty()) return "";
  // Mend the query as typed, word by word, so its operators and quotes stay as they were.
  const std::string text = analyzer_.normalize(query);
  std::string out;
  std::size_t at = 0;
  for (const AnalyzedWord& w : analyzer_.analyze(text, Stemming::kNone)) {
    const auto fix = fixes.find(w.word);
    if (w.alternative || fix == fixes.end()) continue;
    out.append(text, at, w.begin - at);
    out += fix->second;
    at = w.end;
  }
  out.append(text, at);
  return out;
}

SearchResult Searcher::search(const SearchRequest& request) const {
  check_query(request.query, limits_);  // before counting words, which needs valid UTF-8
  check_search_request(request, limits_, count_words(request.query));
  const Deadline deadline(limits_.request_timeout_ms);
  try {
    return pool_.with([&](DatabasePool::Handles& h) {
      return search(h.all, h.each, h.lexicon, request, deadline);
    });
  } catch (const Xapian::NetworkError&) {  // a shard stopped answering
    if (!allow_partial_ || pool_.sources().size() < 2) throw;
  } catch (const IndexUnavailable&) {  // and cannot be reached again
    if (!allow_partial_ || pool_.sources().size() < 2) throw;
  }
  // A shard is down or too slow: answer from the ones that answer, and say so.
  std::vector<Xapian::Database> each;
  for (const std::string& source : pool_.sources()) {
    try {
      Xapian::Database one = open_source(source, pool_.timeouts());
      (void)one.get_doccount();
      each.push_back(std::move(one));
    } catch (const IndexUnavailable&) {
    } catch (const Xapian::NetworkError&) {
    }
  }
  if (each.empty()) throw Xapian::NetworkError("no shard of the index can be reached");
  Xapian::Database reachable = combine(each);
  const Xapian::Database lexicon =
      pool_.lexicon().empty() ? reachable : open_source(pool_.lexicon());
  SearchResult result = search(reachable, each, lexicon, request, deadline);
  result.partial = true;
  return result;
}

std::unique_ptr<MatchStream> Searcher::stream_matches(const SearchRequest& request,
                                                      std::size_t max) const {
  SearchRequest first_page = request;
  first_page.page = 1;
  first_page.size = 1;
  check_query(request.query, limits_);
  check_search_request(first_page, limits_, count_words(request.query));
  const Deadline deadline(limits_.request_timeout_ms * kExportTimeFactor);
  // Handles of the stream's own, on the revision the pool's are at now.
  DatabasePool::Handles handles = pool_.open_handles();
  ParsedQuery parsed = parse(handles.all, handles.lexicon, request.query);
  deadline.check("while reading the query");
  const Xapian::Query query =
      filtered(with_field_boosts(parsed.query, parsed, handles.all), request);
  std::unique_ptr<MatchStream> stream(new MatchStream(*this, handles.all, std::move(parsed)));
  Xapian::Enquire enquire = ranking(handles.all, query, request.sort);
  DeadlineSpy on_time(deadline);
  if (!remote_) enquire.add_matchspy(&on_time);
  const auto count = static_cast<Xapian::doccount>(std::min<std::size_t>(max, 1u << 30));
  stream->mset_ = enquire.get_mset(0, count, count);
  weigh_terms(stream->mset_, query, handles.all.get_doccount(), typed_stems(stream->parsed_),
              stream->parsed_);
  stream->by_relevance_ = request.sort == SortOrder::kRelevance;
  enquire.clear_matchspies();  // the MSet keeps the Enquire, which must not keep the spy
  stream->total_ = stream->mset_.get_matches_estimated();
  stream->estimated_ =
      stream->mset_.get_matches_lower_bound() != stream->mset_.get_matches_upper_bound();
  return stream;
}

std::vector<Hit> MatchStream::next(std::size_t count) {
  // Ten at a time, as a page orders them (HeadingBoost); remote shards: the documents of the
  // windows needed in one round of requests.
  const auto window = static_cast<Xapian::doccount>(HeadingBoost::kWindow);
  if (ready_.size() < count && next_ < mset_.size()) {
    const auto wanted = static_cast<Xapian::doccount>(count - ready_.size());
    const Xapian::doccount end =
        std::min<Xapian::doccount>(mset_.size(), next_ + (wanted + window - 1) / window * window);
    mset_.fetch(mset_[next_], end == mset_.size() ? mset_.end() : mset_[end]);
  }
  while (ready_.size() < count && next_ < mset_.size()) {
    const Xapian::doccount end = std::min<Xapian::doccount>(mset_.size(), next_ + window);
    std::vector<Hit> hits;
    for (; next_ < end; ++next_)
      hits.push_back(searcher_.stored_hit(mset_[next_].get_document(), mset_[next_].get_weight()));
    if (by_relevance_) searcher_.order_by_headings(hits, parsed_, mset_.get_max_attained());
    for (Hit& hit : hits) {
      searcher_.add_snippet(hit, parsed_);
      ready_.push_back(std::move(hit));
    }
  }
  std::vector<Hit> hits;
  while (hits.size() < count && !ready_.empty()) {
    hits.push_back(std::move(ready_.front()));
    ready_.pop_front();
  }
  return hits;
}

Xapian::Enquire Searcher::ranking(const Xapian::Database& db, const Xapian::Query& query,
                                  SortOrder sort) const {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, kBm25MinNormLength));
  if (sort != SortOrder::kRelevance) {
    // By date, undated documents last both ways: their empty value sorts as a date after
    // every date when oldest come first. (The Enquire owns the key maker once released.)
    const bool by_date = sort == SortOrder::kDateAscending || sort == SortOrder::kDateDescending;
    const bool newest_first =
        sort == SortOrder::kDateDescending || sort == SortOrder::kIndexedDescending;
    auto* by_time = new Xapian::MultiValueKeyMaker;
    by_time->add_value(*schema_.field(by_date ? "date" : "indexed").value_slot, newest_first,
                       newest_first ? "" : "\xff");
    enquire.set_sort_by_key_then_relevance(by_time->release(), false);
  }
  return enquire;
}

Hit Searcher::stored_hit(const Xapian::Document& doc, double weight) const {
  Hit hit;
  hit.doc = read_stored_document(schema_, doc);
  hit.score = weight;
  return hit;
}

void Searcher::order_by_headings(std::vector<Hit>& hits, const ParsedQuery& parsed,
                                 double best_weight) const {
  const HeadingBoost boost(analyzer_, parsed, best_weight);
  std::vector<double> weights;
  std::vector<std::string_view> titles;
  for (const Hit& hit : hits) {
    weights.push_back(hit.score);
    titles.push_back(hit.doc.title);
  }
  // Each title is valid UTF-8 (read_stored_document's JSON parser refuses any other), so the
  // analysis of the headings cannot fail as a damaged body's can.
  const std::vector<std::size_t> order = boost.order(weights, titles);
  std::vector<Hit> ordered;
  ordered.reserve(hits.size());
  for (const std::size_t i : order) {
    ordered.push_back(std::move(hits[i]));
    ordered.back().score = weights[i];
  }
  hits = std::move(ordered);
}

std::set<std::string> Searcher::typed_stems(const ParsedQuery& parsed) const {
  std::set<std::string> out;
  for (const std::string& word : parsed.free_words) out.insert(analyzer_.stem(word));
  return out;
}

void Searcher::add_snippet(Hit& hit, const ParsedQuery& parsed) const {
  std::size_t at = 0;
  try {
    hit.snippet = snippets_.make(hit.doc.body, parsed, SnippetMaker::kLength, &at);
  } catch (const BadInput& e) {
    throw damaged_text(hit.doc.id, e);
  }
  // Pages of a PDF are separated by form feeds.
  if (hit.doc.body.find('\f') != std::string::npos)
    hit.page = 1 + static_cast<int>(std::count(hit.doc.body.begin(),
                                               hit.doc.body.begin() + static_cast<long>(at), '\f'));
  hit.doc.body.clear();
}

Xapian::doccount Searcher::word_frequency(const Xapian::Database& db,
                                          const Xapian::Database& lexicon,
                                          const std::string& word) const {
  if (!remote_ || pool_.lexicon().empty()) return db.get_termfreq(word_term("", word));
  Xapian::TermIterator spelling = lexicon.spellings_begin();
  spelling.skip_to(word);
  return spelling != lexicon.spellings_end() && *spelling == word ? spelling.get_termfreq() : 0;
}

bool Searcher::occurs(const Xapian::Database& db, const Xapian::Database& lexicon,
                      const std::string& word) const {
  return word_frequency(db, lexicon, word) > 0 ||
         db.get_termfreq(stem_term("", analyzer_.stem(word))) > 0;
}

ParsedQuery Searcher::parse(const Xapian::Database& db, const Xapian::Database& lexicon,
                            std::string_view query) const {
  // A word is asked for more than once.
  std::unordered_map<std::string, std::uint64_t> counted;
  std::unordered_map<std::string, std::string> spelled;
  return parser_.parse(
      query,
      [&](const std::string& word) -> std::uint64_t {
        const auto [it, fresh] = counted.try_emplace(word, 0);
        if (fresh) it->second = word_frequency(db, lexicon, word);
        return it->second;
      },
      [&](const std::string& word) {
        const auto [it, fresh] = spelled.try_emplace(word);
        if (fresh) it->second = lexicon.get_spelling_suggestion(word, 1);
        return it->second;
      });
}

SearchResult Searcher::search(Xapian::Database& db, const std::vector<Xapian::Database>& each,
                              const Xapian::Database& lexicon, const SearchRequest& request,
                              const Deadline& deadline) const {
  ParsedQuery parsed = parse(db, lexicon, request.query);
  deadline.check("while reading the query");
  const Xapian::Query query = filtered(with_field_boosts(parsed.query, parsed, db), request);
  const auto first = static_cast<Xapian::doccount>((request.page - 1) * request.size);
  const auto size = static_cast<Xapian::doccount>(request.size);
  // By relevance each ten ranks are ordered by their headings (HeadingBoost): the windows the
  // page lies in are ranked, so that pages of any size agree.
  const bool by_relevance = request.sort == SortOrder::kRelevance;
  const auto window =
      by_relevance ? static_cast<Xapian::doccount>(HeadingBoost::kWindow) : Xapian::doccount{1};
  const Xapian::doccount from = first / window * window;
  const Xapian::doccount to = (first + size + window - 1) / window * window;
  {
    Xapian::Enquire enquire = ranking(db, query, request.sort);
    FacetCounting facets(facet_slots(), remote_, facet_columns(db));
    facets.add_to(enquire);
    // Counting every match (below) stops at half the time limit: total and facets are then
    // estimates, not a request that runs on. Xapian warns that its timer and remote shards
    // may not agree, so shards are counted whole.
    if (!remote_) enquire.set_time_limit(limits_.request_timeout_ms / 2000.0);
    // And a match that would run past the limit stops: the search is answered 503. (Remote
    // shards match on their own servers, which cannot run our spy; --shard-timeout bounds them.)
    DeadlineSpy on_time(deadline);
    if (!remote_) enquire.add_matchspy(&on_time);
    // Counting the matches for the total and the facets costs in proportion to how many there
    // are (a query matching 21,000 of 32,000 documents took 14 ms instead of 1 ms for the top
    // ten), so up to Limits::exact_matches are counted exactly; beyond, the total is Xapian's
    // estimate and the facets are scaled from the matches counted.
    const Xapian::doccount check =
        std::max<Xapian::doccount>(static_cast<Xapian::doccount>(limits_.exact_matches), to);
    const Xapian::MSet mset = enquire.get_mset(from, to - from, check);
    weigh_terms(mset, query, db.get_doccount(), typed_stems(parsed), parsed);
    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.estimated = mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
    const double scale =
        result.estimated && facets.total() > 0
            ? static_cast<double>(result.total) / static_cast<double>(facets.total())
            : 1.0;
    result.ignored = parsed.ignored;
    result.as_plain_words = parsed.as_plain_words;
    result.suggestion = suggest(db, lexicon, request.query, parsed);
    result.expansions = expansions(db, lexicon, parsed);
    result.sources = facet_counts(facets.counts(0), false, scale);
    result.years = facet_counts(facets.counts(1), true, scale);
    result.types = facet_counts(facets.counts(2), false, scale);
    deadline.check("while counting the matches");
    // Remote shards: every shard's documents at once, each shard's one after another. One
    // database: the MSet's own (reading them through the database instead cost 0.1 ms more a
    // page, measured side by side at 10,000 documents).
    std::vector<Xapian::Document> docs;
    if (remote_) {
      std::vector<Xapian::docid> ids;
      for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
      docs = read_documents(db, each, ids);
    }
    std::vector<Hit> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      deadline.check("while reading the documents");
      hits.push_back(
          stored_hit(remote_ ? docs[it.get_rank() - from] : it.get_document(), it.get_weight()));
    }
    if (by_relevance) order_by_headings(hits, parsed, mset.get_max_attained());
    for (std::size_t i = first - from; i < hits.size() && i < first - from + size; ++i) {
      deadline.check("while making the snippets");
      add_snippet(hits[i], parsed);
      result.hits.push_back(std::move(hits[i]));
    }
    return result;
  }
}

std::vector<Xapian::valueno> Searcher::facet_slots() const {
  return {*schema_.field("source").value_slot, *schema_.field("year").value_slot,
          *schema_.field("type").value_slot};
}

std::shared_ptr<const FacetColumns> Searcher::facet_columns(const Xapian::Database& db) const {
  if (remote_ || db.size() != 1) return nullptr;
  const Xapian::rev revision = db.get_revision();
  const std::string uuid = db.get_uuid();
  {
    const std::lock_guard lock(columns_mutex_);
    if (columns_ && columns_->uuid() == uuid) {
      if (columns_->revision() == revision) return columns_;
      // A search that began before a commit: the newer columns stay.
      if (columns_->revision() > revision) return nullptr;
    }
    if (columns_loading_) return nullptr;
    columns_loading_ = true;
  }
  // Loaded outside the lock: the searches meanwhile count without them rather than wait.
  std::shared_ptr<const FacetColumns> loaded;
  try {
    loaded = std::make_shared<const FacetColumns>(db, facet_slots());
  } catch (...) {
    const std::lock_guard lock(columns_mutex_);
    columns_loading_ = false;
    throw;
  }
  const std::lock_guard lock(columns_mutex_);
  columns_loading_ = false;
  if (!columns_ || columns_->uuid() != uuid || columns_->revision() < revision) columns_ = loaded;
  return loaded;
}

std::optional<StoredDocument> Searcher::document(std::string_view id) const {
  const std::string term = id_term(schema_, id);
  return pool_.with([&](DatabasePool::Handles& h) -> std::optional<StoredDocument> {
    Xapian::Database& db = h.all;
    const Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    return read_stored_document(schema_, db.get_document(*it));
  });
}

std::optional<DocumentView> Searcher::view(std::string_view id, std::string_view query) const {
  const bool marked = !query.empty();
  if (marked) check_query(query, limits_);
  const std::string term = id_term(schema_, id);
  return pool_.with([&](DatabasePool::Handles& h) -> std::optional<DocumentView> {
    Xapian::Database& db = h.all;
    const Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    DocumentView view{read_stored_document(schema_, db.get_document(*it)), {}, {}};
    if (!marked) return view;
    const ParsedQuery parsed = parse(db, h.lexicon, query);
    try {
      view.title_marks = snippets_.marks(view.doc.title, parsed);
      view.body_marks = snippets_.marks(view.doc.body, parsed);
    } catch (const BadInput& e) {
      throw damaged_text(view.doc.id, e);
    }
    return view;
  });
}

namespace {

/// Expansion terms for "similar": plain stems ("Z" + stem), not prefixed fields or words as
/// written, so inflections of one word count once.
class StemsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override { return is_plain_stem_term(term); }
};

}  // namespace

std::optional<std::vector<Hit>> Searcher::similar(std::string_view id, int size) const {
  const std::string term = id_term(schema_, id);
  return pool_.with([&](DatabasePool::Handles& h) -> std::optional<std::vector<Hit>> {
    Xapian::Database& db = h.all;
    const Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    Xapian::RSet rset;
    rset.add_document(*it);
    Xapian::Enquire enquire(db);
    const StemsOnly stems_only;
    const Xapian::ESet eset = enquire.get_eset(kSimilarTerms, rset, &stems_only);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                    Xapian::Query(Xapian::Query::OP_OR, eset.begin(), eset.end()),
                                    Xapian::Query(term)));
    std::vector<Hit> hits;
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(size));
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      Hit hit;
      hit.doc = read_stored_document(schema_, m.get_document());
      hit.doc.body.clear();
      hit.score = m.get_weight();
      hits.push_back(std::move(hit));
    }
    return hits;
  });
}

std::size_t Searcher::count_words(std::string_view query) const {
  const auto words = analyzer_.analyze(analyzer_.normalize(query), Stemming::kNone);
  return static_cast<std::size_t>(std::count_if(
      words.begin(), words.end(), [](const AnalyzedWord& w) { return !w.alternative; }));
}

IndexStatus Searcher::status() const {
  return pool_.with([this](DatabasePool::Handles& h) {
    Xapian::Database& db = h.all;
    // Xapian gives a revision for one database only; shards each have their own.
    const std::size_t shards = db.size();
    IndexStatus status{db.get_doccount(),
                       shards == 1 ? db.get_revision() : 0,
                       shards,
                       Schema::indexed_at(db),
                       pool_.reopens(),
                       {}};
    status.state = db.get_uuid() + ':' + std::to_string(status.revision) + ':' +
                   std::to_string(status.documents) + ':' + std::to_string(db.get_lastdocid()) +
                   ':' + std::to_string(db.get_total_length()) + ':' +
                   std::to_string(status.indexed_at);
    return status;
  });
}

}  // namespace opslag
