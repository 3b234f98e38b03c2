// A pool of database handles that follow the index's new revisions, shared by every request.
#pragma once

#include <sys/types.h>
#include <xapian.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "schema/database_sources.h"
#include "schema/errors.h"
#include "schema/schema.h"

namespace opslag {

/// Handles on the same sources (one database, or shards searched as one), each brought to the
/// latest revision when a request takes it, so a reindex is picked up without a restart and a
/// request in flight finishes on the revision it began with; when a database folder was
/// replaced by a rebuilt one, they are opened afresh on it. Thread-safe.
class DatabasePool {
 public:
  /// What one request reads: all sources as one database, and the database holding their
  /// spelling and compound data (the same one unless a lexicon was given).
  struct Handles {
    Xapian::Database all;
    /// Each source on its own, sharing `all`'s handles (connections, revisions): the pages of
    /// hits of remote shards are read from every shard at once (remote_shards.h).
    std::vector<Xapian::Database> each;
    Xapian::Database lexicon;
    /// Which folders the local databases were when opened (device and inode of each): a
    /// database rebuilt beside and put in a folder's place (opslag-index --rebuild) is another
    /// folder at the same path, which Xapian's reopen() would not notice.
    std::vector<std::pair<dev_t, ino_t>> folders;
  };

  /// Opens `sources` (see database_sources.h) and `lexicon` (if not empty) now, so a bad one
  /// stops the start: throws IndexMismatch for a database of another schema, Error for one
  /// that cannot be opened.
  DatabasePool(const Schema& schema, std::vector<std::string> sources, RemoteTimeouts timeouts = {},
               std::string lexicon = {});
  ~DatabasePool();
  DatabasePool(const DatabasePool&) = delete;
  DatabasePool& operator=(const DatabasePool&) = delete;

  /// Runs `work(Handles&)` on handles taken from the pool and returns what it returns. When
  /// Xapian says the revision read was replaced under it (two commits during one request), it
  /// runs again on the newest; when a remote shard went away, the handles are dropped (the next
  /// request connects afresh) and the NetworkError goes on to the caller. A database that cannot
  /// be read (missing, being rebuilt, damaged) drops the handles too, and is thrown as
  /// IndexUnavailable naming the databases.
  template <typename F>
  auto with(F&& work) const;

  /// New handles on every source, the caller's own, never given back to the pool: for work
  /// that outlives one call, as an export read out while it is sent. Throws IndexUnavailable
  /// naming the databases when one cannot be opened.
  [[nodiscard]] Handles open_handles() const;

  [[nodiscard]] const std::vector<std::string>& sources() const { return sources_; }
  [[nodiscard]] const RemoteTimeouts& timeouts() const { return timeouts_; }
  [[nodiscard]] const std::string& lexicon() const { return lexicon_; }
  /// Times a handle moved to a newer revision.
  [[nodiscard]] unsigned long reopens() const { return reopens_.load(); }

  /// How often a request starts again on a newer revision before it gives up.
  static constexpr int kModifiedRetries = 10;

 private:
  /// Handles taken from the pool for one request, given back when it ends unless dropped.
  class Lease {
   public:
    explicit Lease(const DatabasePool& pool) : pool_(pool), handles_(pool.take()) {}
    ~Lease() {
      if (handles_) pool_.give_back(std::move(handles_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    Handles& operator*() const { return *handles_; }
    /// Moves the handles to the latest revision; ones that fail to are not given back.
    void refresh() {
      try {
        pool_.refresh(*handles_);
      } catch (...) {
        drop();
        throw;
      }
    }
    /// The handles are not given back: the next request opens new ones.
    void drop() { handles_.reset(); }

   private:
    const DatabasePool& pool_;
    std::unique_ptr<Handles> handles_;
  };

  [[nodiscard]] std::unique_ptr<Handles> take() const;
  /// New handles on every source.
  [[nodiscard]] Handles open() const;
  /// The folders the local sources (and lexicon) name now; {0, 0} for one that is not there.
  [[nodiscard]] std::vector<std::pair<dev_t, ino_t>> folders() const;
  void give_back(std::unique_ptr<Handles> handles) const;
  void refresh(Handles& handles) const;

  const Schema& schema_;
  std::vector<std::string> sources_;
  RemoteTimeouts timeouts_;
  std::string lexicon_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Handles>> idle_;
  mutable std::atomic<unsigned long> reopens_ = 0;
};

template <typename F>
auto DatabasePool::with(F&& work) const {
  try {
    Lease lease(*this);
    for (int attempt = 1;; ++attempt) {
      try {
        return work(*lease);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kModifiedRetries) throw;
        lease.refresh();
      } catch (const Xapian::NetworkError&) {
        lease.drop();  // a shard went away
        throw;
      } catch (const Xapian::DatabaseError&) {
        lease.drop();  // missing, being rebuilt or damaged: the next request opens it afresh
        throw;
      }
    }
  } catch (const Xapian::DatabaseModifiedError&) {
    throw;  // changing too fast to read: not damaged
  } catch (const Xapian::DatabaseError& e) {
    const std::string database = describe(sources_);
    throw IndexUnavailable("the index " + database + " cannot be read: " + e.get_description(),
                           database);
  } catch (const IndexUnavailable& e) {
    throw IndexUnavailable(e.what(), describe(sources_));
  }
}

}  // namespace opslag
