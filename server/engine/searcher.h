// Answers searches and document look-ups from a Xapian database, following its new revisions.
#pragma once

#include <xapian.h>

#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "schema/database_sources.h"
#include "schema/schema.h"
#include "schema/stored_document.h"
#include "server/engine/database_pool.h"
#include "server/engine/deadline.h"
#include "server/engine/facet_columns.h"
#include "server/engine/query_parser.h"
#include "server/engine/request_limits.h"
#include "server/engine/search_request.h"
#include "server/engine/snippet_maker.h"

namespace opslag {

/// One value of a facet and how many matching documents have it.
struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

/// One ranked document.
struct Hit {
  StoredDocument doc;  ///< metadata; the body is left empty
  double score = 0;    ///< BM25 weight, with the bonus of its heading (HeadingBoost)
  Snippet snippet;     ///< the passage that shows why it matched, with its matches
  /// The page the snippet is on (from 1), for documents with pages (PDF); 0 for the rest.
  int page = 0;
};

/// A whole document with every match of a query marked, for reading it.
struct DocumentView {
  StoredDocument doc;  ///< body included
  /// [begin, end) byte offsets of each match into doc.title and doc.body, in order, never
  /// overlapping; empty without a query.
  std::vector<std::pair<std::size_t, std::size_t>> title_marks, body_marks;
};

/// One page of results.
struct SearchResult {
  /// Matching documents: exact up to Limits::exact_matches, else Xapian's estimate.
  Xapian::doccount total = 0;
  /// More documents matched than were counted: `total` and the facet counts are estimates.
  bool estimated = false;
  std::vector<Hit> hits;
  std::vector<std::string> ignored;  ///< stop words left out of the query
  bool as_plain_words = false;       ///< the query's syntax was not understood
  /// Some shards could not be reached: these are the matches of the others only.
  bool partial = false;
  /// "Mente du …?": the query with each word the archive does not know replaced by the nearest
  /// word it does (Xapian's spelling data, at most two edits); empty when there is nothing to fix.
  std::string suggestion;
  /// How the query was widened: synonyms, aa/å spellings the archive has, joined forms, and the
  /// words each wildcard stood for.
  std::vector<Expansion> expansions;
  /// Counts per source, year and type over every matching document (not just this page):
  /// sources and types most frequent first, years newest first.
  std::vector<FacetCount> sources, years, types;
};

/// The database's state, for /health.
struct IndexStatus {
  Xapian::doccount documents = 0;
  Xapian::rev revision = 0;     ///< of the one database; 0 when there are several shards
  std::size_t shards = 1;       ///< databases searched as one
  std::int64_t indexed_at = 0;  ///< when opslag-index last finished a run (Unix seconds), or 0
  unsigned long reopens = 0;    ///< times a database handle moved to a newer revision
  /// Changes whenever the documents may have: the databases' ids, revision (of one database),
  /// document count, last document id and total length. What a feed's ETag is made of.
  std::string state = {};
};

class Searcher;

/// Every match of one search, ranked at once (ids and weights only) and read out in pieces with
/// their snippets: what an export streams, so 10,000 matches never sit in memory as text. It
/// reads through database handles of its own, at the revision it ranked on; should a reindex
/// commit twice while it is being read out, next() throws Xapian::DatabaseModifiedError.
class MatchStream {
 public:
  /// Matching documents: exact up to the export's maximum, else Xapian's estimate.
  [[nodiscard]] Xapian::doccount total() const { return total_; }
  [[nodiscard]] bool estimated() const { return estimated_; }
  /// How many hits the stream gives in all: the total, up to the maximum asked for.
  [[nodiscard]] std::size_t size() const { return mset_.size(); }
  /// The next `count` hits (fewer at the end, none past it), metadata and snippet, no body.
  /// Throws IndexUnavailable for a document whose stored text is damaged.
  [[nodiscard]] std::vector<Hit> next(std::size_t count);

 private:
  friend class Searcher;
  MatchStream(const Searcher& searcher, Xapian::Database db, ParsedQuery parsed)
      : searcher_(searcher), db_(std::move(db)), parsed_(std::move(parsed)) {}
  const Searcher& searcher_;
  Xapian::Database db_;
  ParsedQuery parsed_;
  Xapian::MSet mset_;
  Xapian::doccount total_ = 0;
  bool estimated_ = false;
  Xapian::doccount next_ = 0;
  bool by_relevance_ = true;  ///< each ten reordered by their headings (HeadingBoost)
  std::deque<Hit> ready_;     ///< hits of a window read but not yet given
};

/// What to do about remote shards: how long to wait for one, and whether to answer from the
/// others (SearchResult::partial) when one cannot be reached rather than fail.
struct ShardPolicy {
  RemoteTimeouts timeouts;
  bool allow_partial = false;
  /// A local database with the spelling and compound data of all shards ("lexicon" beside
  /// the shards opslag-index writes), for "Mente du" and compound expansions when the shards
  /// are remote: Xapian's remote protocol does not carry them. Empty: the shards' own.
  std::string lexicon;
};

/// Searches one Xapian database, or shards as one, through a DatabasePool, so a reindex is
/// picked up without a restart and requests in flight finish on the revision they started
/// with. All methods are const and thread-safe.
class Searcher {
 public:
  /// Opens `sources` (local folders, stub files, "tcp:HOST:PORT" shards; see
  /// database_sources.h) and searches them as one database. Throws IndexMismatch if one was
  /// built with another schema, opslag::Error if one cannot be opened.
  /// `limits` bound the wildcard expansion, the depth of the ranking and the time a match may
  /// spend counting every matching document for the total and the facets.
  Searcher(const Schema& schema, const DanishAnalyzer& analyzer, std::vector<std::string> sources,
           ShardPolicy policy = {}, const Limits& limits = {});

  /// One database.
  Searcher(const Schema& schema, const DanishAnalyzer& analyzer, std::string db_path)
      : Searcher(schema, analyzer, std::vector<std::string>{std::move(db_path)}) {}
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  /// The ranked page for `request`. Throws BadInput for a request check_search_request refuses
  /// (beyond the limits, invalid UTF-8) and for a query with no words.
  [[nodiscard]] SearchResult search(const SearchRequest& request) const;

  /// The document with `id` (body included), or nullopt if there is none.
  [[nodiscard]] std::optional<StoredDocument> document(std::string_view id) const;

  /// Every match of `request` (its page and size aside), up to `max`, in its order, to be read
  /// out with snippets: for exporting them. The ranking is made now, held to ten times the time
  /// limit of a search; throws as search() does. The stream reads through this Searcher, which
  /// must outlive it.
  [[nodiscard]] std::unique_ptr<MatchStream> stream_matches(const SearchRequest& request,
                                                            std::size_t max) const;

  /// How much longer than a search an export of all matches may take.
  static constexpr double kExportTimeFactor = 10;

  /// The document with `id` and the matches of `query` in it, marked as search() marks its
  /// snippets (stems, compounds, synonyms); nullopt if there is no such document. An empty
  /// query marks nothing. Throws BadInput for a query search() would refuse.
  [[nodiscard]] std::optional<DocumentView> view(std::string_view id, std::string_view query) const;

  /// Up to `size` documents most like the one with `id` (Xapian's relevance-set expansion
  /// of its stems), the document itself left out; nullopt if there is no such document.
  [[nodiscard]] std::optional<std::vector<Hit>> similar(std::string_view id, int size) const;

  [[nodiscard]] IndexStatus status() const;

  [[nodiscard]] const Limits& limits() const { return limits_; }
  /// The sources searched, as given.
  [[nodiscard]] const std::vector<std::string>& sources() const { return pool_.sources(); }
  /// How many words `query` holds (as the analyzer reads them, alternatives not counted), to
  /// hold it to Limits::max_query_words. Throws BadInput if it is not valid UTF-8.
  [[nodiscard]] std::size_t count_words(std::string_view query) const;

  /// The weight a matching document gains when the query names its publisher ("KL") or its
  /// year ("strategi 2016"): enough to put it before documents that only mention the name,
  /// chosen on the judged queries (2: nDCG@10 0.931, MRR 0.989; 5: 0.937, 1.000; 8: 0.938,
  /// 1.000).
  static constexpr double kFieldMatchBoost = 5.0;
  /// BM25's parameters (Xapian's defaults are 1, 0.5 and 0.5), chosen on the real judged set:
  /// a document shorter than the average gets no bonus for its shortness (min_normlen 1), so a
  /// 26-word chair's speech under a bill's title no longer beats the speeches about the bill,
  /// and length counts less above it (b 0.3). Real set nDCG@10 0.758 -> 0.777 (known-item
  /// MRR 0.869 -> 0.909); Xapian's defaults but min_normlen 1: 0.765; b 0.5: 0.761; b 0.75:
  /// 0.747; k1 0.5: 0.764.
  static constexpr double kBm25K1 = 1.2;
  static constexpr double kBm25B = 0.3;
  static constexpr double kBm25MinNormLength = 1.0;
  /// How many of a document's most telling stems "similar" searches for.
  static constexpr Xapian::termcount kSimilarTerms = 40;
  /// A suggested word is at most this many edits from the word typed.
  static constexpr unsigned kMaxSpellingEdits = 2;
  /// At most this many compounds are listed for each word searched as a compound's part.
  static constexpr std::size_t kMaxCompoundsShown = 10;

 private:
  friend class MatchStream;
  /// An Enquire ranking `query` on `db` by BM25, in `sort`'s order.
  [[nodiscard]] Xapian::Enquire ranking(const Xapian::Database& db, const Xapian::Query& query,
                                        SortOrder sort) const;
  /// The hit for `doc` ranked with `weight`: its metadata and body, no snippet yet.
  [[nodiscard]] Hit stored_hit(const Xapian::Document& doc, double weight) const;
  /// `hits`, of consecutive ranks from a multiple of HeadingBoost::kWindow in a search whose
  /// best weight is `best_weight`, each ten in the order their headings give (HeadingBoost),
  /// each score with its bonus.
  void order_by_headings(std::vector<Hit>& hits, const ParsedQuery& parsed,
                         double best_weight) const;
  /// Gives `hit` its snippet for `parsed` and its page, and clears its body.
  void add_snippet(Hit& hit, const ParsedQuery& parsed) const;
  /// The stems of the words the query typed (as searched), whose matches a snippet favours
  /// over those of what was searched besides them.
  [[nodiscard]] std::set<std::string> typed_stems(const ParsedQuery& parsed) const;
  [[nodiscard]] std::vector<Expansion> expansions(const Xapian::Database& db,
                                                  const Xapian::Database& lexicon,
                                                  const ParsedQuery& parsed) const;
  [[nodiscard]] std::string suggest(const Xapian::Database& db, const Xapian::Database& lexicon,
                                    std::string_view query, const ParsedQuery& parsed) const;
  [[nodiscard]] Xapian::Query filtered(const Xapian::Query& query,
                                       const SearchRequest& request) const;
  /// `query`, with the documents of a year or a publisher it names ranked higher: a word of the
  /// publisher's name is enough ("digst" for "Digitaliseringsstyrelsen / Statens IT").
  [[nodiscard]] Xapian::Query with_field_boosts(const Xapian::Query& query,
                                                const ParsedQuery& parsed,
                                                const Xapian::Database& db) const;

  const Schema& schema_;
  const DanishAnalyzer& analyzer_;
  QueryParser parser_;
  SnippetMaker snippets_;
  /// How many documents hold `word`: by the lexicon's spelling data when the shards are remote
  /// and a lexicon is beside them (no round trip to every shard a word), else by `db`'s word
  /// terms (over the network for remote shards without a lexicon).
  [[nodiscard]] Xapian::doccount word_frequency(const Xapian::Database& db,
                                                const Xapian::Database& lexicon,
                                                const std::string& word) const;
  /// Whether the documents hold `word` or a word of its stem; the stem is asked of `db` only
  /// when the word is not known.
  [[nodiscard]] bool occurs(const Xapian::Database& db, const Xapian::Database& lexicon,
                            const std::string& word) const;
  /// `query` parsed, compounds the dictionary does not know split by the words of `db`: as
  /// counted by the lexicon's spelling data when the shards are remote and a lexicon is beside
  /// them, else by `db`'s word terms (over the network for remote shards without a lexicon).
  [[nodiscard]] ParsedQuery parse(const Xapian::Database& db, const Xapian::Database& lexicon,
                                  std::string_view query) const;
  /// One search on `db`, all shards or the reachable ones (`each` of them, whose handles `db`
  /// shares, or empty); spelling and compound data from `lexicon`. Throws LimitExceeded (503)
  /// once past `deadline`.
  [[nodiscard]] SearchResult search(Xapian::Database& db, const std::vector<Xapian::Database>& each,
                                    const Xapian::Database& lexicon, const SearchRequest& request,
                                    const Deadline& deadline) const;

  /// The value slots of the facets: source, year, type.
  [[nodiscard]] std::vector<Xapian::valueno> facet_slots() const;
  /// The facet columns of `db` at its revision, loaded by the first search that needs them and
  /// kept for the next; null for shards and remote databases, for a revision older than the one
  /// kept, and while another search is loading them (that search counts without). Throws what
  /// Xapian throws reading `db`.
  [[nodiscard]] std::shared_ptr<const FacetColumns> facet_columns(const Xapian::Database& db) const;

  bool remote_ = false;                                  // a source is tcp:HOST:PORT
  mutable std::mutex columns_mutex_;                     // guards the two below
  mutable std::shared_ptr<const FacetColumns> columns_;  // of the newest revision loaded
  mutable bool columns_loading_ = false;
  DatabasePool pool_;
  bool allow_partial_ = false;
  Limits limits_;
};

}  // namespace opslag
