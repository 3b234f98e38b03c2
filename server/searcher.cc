// Searching a Xapian database: query parsing, BM25 ranking, snippets, document look-up.
#include "searcher.h"

#include "errors.h"

namespace opslag {

/// Takes a database handle from the pool (opening one if none is idle), brings it to the
/// latest revision, and puts it back when done.
class Searcher::Lease {
 public:
  explicit Lease(const Searcher& owner) : owner_(owner) {
    {
      std::lock_guard lock(owner_.mutex_);
      if (!owner_.idle_.empty()) {
        db_ = std::move(owner_.idle_.back());
        owner_.idle_.pop_back();
      }
    }
    if (!db_) {
      db_ = std::make_unique<Xapian::Database>(owner_.db_path_);
      owner_.schema_.check_compatible(*db_, owner_.db_path_);
    } else if (db_->reopen()) {
      owner_.schema_.check_compatible(*db_, owner_.db_path_);
    }
  }
  ~Lease() {
    if (!db_) return;
    std::lock_guard lock(owner_.mutex_);
    owner_.idle_.push_back(std::move(db_));
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  Xapian::Database& db() const { return *db_; }
  /// After a DatabaseModifiedError: the revision we read was overwritten; move to the latest.
  void refresh() const { db_->reopen(); }

 private:
  const Searcher& owner_;
  std::unique_ptr<Xapian::Database> db_;
};

template <typename F>
auto Searcher::with_database(F&& work) const {
  Lease lease(*this);
  // A reader can lose its revision when two commits land during one request: start again.
  for (int attempt = 1;; ++attempt) {
    try {
      return work(lease.db());
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 3) throw;
      lease.refresh();
    }
  }
}

Searcher::Searcher(const Schema& schema, const DanishAnalyzer& analyzer, std::string db_path)
    : schema_(schema),
      analyzer_(analyzer),
      parser_(analyzer),
      snippets_(analyzer),
      db_path_(std::move(db_path)) {
  try {
    Lease lease(*this);
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw Error("cannot open database " + db_path_ + ": " + e.get_msg() +
                " (build it with: opslag-index --db " + db_path_ + " PATH...)");
  }
}

Searcher::~Searcher() = default;

SearchResult Searcher::search(const SearchRequest& request) const {
  const ParsedQuery parsed = parser_.parse(request.query);
  const auto first = static_cast<Xapian::doccount>((request.page - 1) * request.size);
  return with_database([&](Xapian::Database& db) {
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const Xapian::MSet mset =
        enquire.get_mset(first, static_cast<Xapian::doccount>(request.size), 1000);
    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.ignored = parsed.ignored;
    result.as_plain_words = parsed.as_plain_words;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.doc = StoredDocument::from_data(it.get_document().get_data());
      hit.score = it.get_weight();
      hit.snippet = snippets_.make(hit.doc.body, parsed);
      hit.doc.body.clear();
      result.hits.push_back(std::move(hit));
    }
    return result;
  });
}

std::optional<StoredDocument> Searcher::document(std::string_view id) const {
  const std::string term = schema_.field("id").prefix + std::string(id);
  return with_database([&](Xapian::Database& db) -> std::optional<StoredDocument> {
    const Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    return StoredDocument::from_data(db.get_document(*it).get_data());
  });
}

IndexStatus Searcher::status() const {
  return with_database([](Xapian::Database& db) {
    return IndexStatus{db.get_doccount(), db.get_revision()};
  });
}

}  // namespace opslag
