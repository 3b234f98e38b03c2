// Incremental indexing: prepared inputs in, the difference with the index applied in batches.
#include "indexer/index_updater.h"

#include <xapian.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "indexer/database_layout.h"
#include "indexer/input_preparer.h"
#include "indexer/readers/document_reader.h"
#include "indexer/serial_worker.h"
#include "schema/document_terms.h"
#include "schema/errors.h"
#include "schema/indexed_time.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

/// Why `file` is not read, or "" when it may be: only regular files, and symbolic links to
/// regular files inside `root` (the folder given) unless `follow_links`, so nobody can publish
/// /etc/passwd by linking it into the folder, and no FIFO or device hangs or floods the run.
/// A link that cannot be followed at all is left to the reader, which says why.
std::string refusal(const fs::path& file, const fs::path& root, bool follow_links) {
  std::error_code ec;
  const fs::file_status own = fs::symlink_status(file, ec);
  if (ec) return "";
  if (!fs::is_symlink(own))
    return fs::is_regular_file(own) ? ""
                                    : "not a regular file (a FIFO, socket or device): not read";
  const fs::path target = fs::canonical(file, ec);
  if (ec) return "";
  if (!fs::is_regular_file(target, ec))
    return "a link to " + target.string() + ", which is not a regular file: not read";
  if (follow_links) return "";
  const fs::path inside = target.lexically_relative(fs::canonical(root, ec));
  if (!ec && !inside.empty() && *inside.begin() != "..") return "";
  return "a link to " + target.string() + ", outside " + root.string() +
         ": not read (--follow-symlinks reads it)";
}

}  // namespace

std::string IndexSummary::to_string() const {
  const int documents = added + updated;
  char line[240];
  std::snprintf(line, sizeof line,
                "added %d, updated %d, deleted %d, unchanged %d, failed %d in %.2f s (%.1f "
                "documents/s, %.1f MB/s)",
                added, updated, deleted, unchanged, failed, seconds,
                seconds > 0 ? documents / seconds : 0.0,
                seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
  return line;
}

/// One run's writing side: the open shards, what has been seen and done, the batch, and the
/// progress.
class IndexUpdater::Run {
 public:
  explicit Run(const IndexUpdater& owner)
      : owner_(owner), start_(std::chrono::steady_clock::now()) {
    const fs::path& dir = owner_.db_dir_;
    const int existing = shards_at(dir);
    const int wanted = owner_.shards_ > 0 ? owner_.shards_ : std::max(existing, 1);
    if (existing > 0 && existing != wanted)
      throw Error("database " + dir.string() + " has " + std::to_string(existing) +
                  (existing == 1 ? " shard" : " shards") + ", not " + std::to_string(wanted) +
                  ": rebuild it with --rebuild --shards " + std::to_string(wanted) +
                  ", or index into a new folder");
    if (dry()) {
      open_to_read(dir, wanted, existing > 0);
    } else {
      open_to_write(dir, wanted, existing);
    }
    // A database of another schema is rebuilt whole: its terms may not mean what ours do.
    for (Shard& shard : shards_) {
      try {
        if (shard.db.get_doccount() > 0) owner_.schema_.check_compatible(shard.db, shard.name);
      } catch (const IndexMismatch&) {
        rebuild_ = true;
      }
    }
    if (dry()) return;
    for (Shard& shard : shards_) {
      // A new database says at once which schema its documents follow, so each batch is
      // searchable as it is committed and an interrupted first run is resumed, not redone. (A
      // database of another schema is stamped only at the end: until all its documents are
      // rewritten, it holds some of the old layout.)
      if (shard.db.get_doccount() == 0) owner_.schema_.stamp_layout(*shard.writer);
      shard.writer->commit();  // so the preparing thread can open what DB_CREATE_OR_OPEN made
      shard.writer->begin_transaction();
    }
    if (lexicon_) lexicon_->begin_transaction();
  }

  /// Whether the database exists for the preparing thread to compare with (not in a dry run
  /// on a new database).
  [[nodiscard]] bool readable() const { return !dry() || exists_; }
  [[nodiscard]] bool rebuild() const { return rebuild_; }

  /// Writes each shard on a thread of its own from now on, when there are several and no
  /// lexicon (whose writer they would share).
  void write_in_parallel() {
    if (shards_.size() < 2 || lexicon_ || dry()) return;
    for (Shard& shard : shards_) shard.worker = std::make_unique<SerialWorker>(kQueuedPerShard);
  }
  IndexSummary& summary() { return summary_; }
  IndexProgress& progress() { return progress_; }

  /// Applies one prepared input.
  void apply(PreparedInput& input) {
    const bool fresh = input.id.empty() || seen_.insert(id_term(input.id)).second;
    if (!fresh && input.error.empty()) input.error = "id \"" + input.id + "\" is used twice";
    if (!input.protect.empty()) protected_.insert(input.protect.generic_string());
    if (!input.note.empty()) owner_.errors_ << input.where << ": " << input.note << '\n';
    if (!input.error.empty()) {
      owner_.errors_ << input.where << ": " << input.error << '\n';
      ++summary_.failed;
      if (fresh && !input.id.empty()) failed_.insert(id_term(input.id));
    } else if (input.unchanged) {
      ++summary_.unchanged;
    } else {
      store(input);
    }
    summary_.bytes += input.bytes;
    ++progress_.documents;
    progress_.bytes = input.position;
    report(false);
  }

  /// Copies from the database at `live` the documents this run would have kept had it written
  /// there (those of inputs that failed, of folders not listed, of JSON-lines files read in
  /// part) and has not stored: a rebuild keeps their last good versions as every run does.
  /// Nothing when `live` is not there or follows another schema.
  void keep_from(const fs::path& live) {
    if (shards_at(live) == 0 || dry()) return;
    wait_for_workers();
    Xapian::Database old;
    try {
      old = Xapian::Database(live.string());
      owner_.schema_.check_compatible(old, live.string());
    } catch (const IndexMismatch&) {
      return;  // its terms would not mean what ours do
    } catch (const Xapian::Error& e) {
      throw Error("cannot open database " + live.string() + ": " + e.get_msg());
    }
    const std::string& prefix = owner_.schema_.field("id").prefix;
    for (auto term = old.allterms_begin(prefix); term != old.allterms_end(prefix); ++term) {
      const bool failed = failed_.contains(*term);
      if (seen_.contains(*term) && !failed) continue;  // stored by this run
      const Xapian::PostingIterator it = old.postlist_begin(*term);
      if (it == old.postlist_end(*term)) continue;
      const Xapian::Document doc = old.get_document(*it);
      if (!failed && !is_protected(StoredDocument::from_data(doc.get_data()).path)) continue;
      Shard& shard = shard_of((*term).substr(prefix.size()));
      // A resumed build may hold a good version already, read before the input failed.
      if (shard.db.postlist_begin(*term) != shard.db.postlist_end(*term)) continue;
      for (const std::string& word : spelling_words(doc)) ++shard.spellings[word];
      shard.writer->add_document(doc);
      seen_.insert(*term);
    }
  }

  /// The live database a --rebuild replaces, when it follows this schema: its documents'
  /// first-indexed times are kept.
  void open_previous(const fs::path& live) {
    if (live.empty() || shards_at(live) == 0 || dry()) return;
    try {
      Xapian::Database db(live.string());
      owner_.schema_.check_compatible(db, live.string());
      previous_ = std::move(db);
    } catch (const IndexMismatch&) {  // its documents were indexed as if new
    } catch (const Xapian::Error& e) {
      throw Error("cannot open database " + live.string() + ": " + e.get_msg());
    }
  }

  /// Keeps every document whose file lies under `folder` (a path ending in "/"), seen or not.
  void protect_folder(std::string folder) { protected_folders_.push_back(std::move(folder)); }

  /// Deletes the document `id`; false if the index has none.
  bool remove(const std::string& id) {
    const std::string term = id_term(id);
    Shard& shard = shard_of(id);
    const Xapian::PostingIterator it = shard.db.postlist_begin(term);
    if (it == shard.db.postlist_end(term)) return false;
    ++summary_.deleted;
    if (dry()) {
      *owner_.plan_ << "delete " << id << '\n';
      return true;
    }
    forget_spellings(shard, shard.db.get_document(*it));
    shard.writer->delete_document(term);
    return true;
  }

  /// Deletes what was not seen if `delete_gone` (within the deletion policy), stamps the schema
  /// and commits, shard by shard.
  IndexSummary finish(bool delete_gone) {
    wait_for_workers();
    for (Shard& shard : shards_) {
      summary_.added += std::exchange(shard.added, 0);
      summary_.updated += std::exchange(shard.updated, 0);
    }
    std::vector<std::vector<std::string>> gone(shards_.size());  // collected first: no
    std::size_t gone_count = 0;  // deleting under a live term iterator
    Xapian::doccount total = 0;
    if (delete_gone) {
      const std::string& prefix = owner_.schema_.field("id").prefix;
      for (std::size_t i = 0; i < shards_.size(); ++i) {
        const Xapian::Database& db = shards_[i].db;
        total += db.get_doccount();
        for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
          if (seen_.contains(*term)) continue;
          const Xapian::PostingIterator it = db.postlist_begin(*term);
          if (it == db.postlist_end(*term)) continue;
          if ((!protected_.empty() || !protected_folders_.empty()) &&
              is_protected(StoredDocument::from_data(db.get_document(*it).get_data()).path))
            continue;
          gone[i].push_back(*term);
          ++gone_count;
        }
      }
    }
    const DeletionPolicy& policy = owner_.deletion_;
    if (!policy.allow_mass_delete && gone_count > 0 &&
        gone_count * 100 > static_cast<std::size_t>(policy.max_delete_percent) * total) {
      owner_.errors_ << owner_.db_dir_.string() << ": this run would delete " << gone_count
                     << " of " << total << " documents (more than " << policy.max_delete_percent
                     << "%), so it deleted none: check the paths given, or run again with "
                        "--allow-mass-delete if they are meant to go\n";
      ++summary_.failed;
      for (auto& terms : gone) terms.clear();
    }
    for (std::size_t i = 0; i < shards_.size(); ++i) {
      Shard& shard = shards_[i];
      for (const std::string& term : gone[i]) {
        const Xapian::PostingIterator it = shard.db.postlist_begin(term);
        if (it == shard.db.postlist_end(term)) continue;
        ++summary_.deleted;
        if (dry()) {
          *owner_.plan_ << "delete " << term.substr(owner_.schema_.field("id").prefix.size())
                        << '\n';
          continue;
        }
        forget_spellings(shard, shard.db.get_document(*it));
        shard.writer->delete_document(term);
      }
      if (dry()) continue;
      flush_tables(shard);
      owner_.schema_.stamp(*shard.writer);
      shard.writer->commit_transaction();
    }
    if (lexicon_) lexicon_->commit_transaction();
    summary_.seconds = elapsed();
    report(true);
    return summary_;
  }

 private:
  /// One database being written, with this batch's changes to its spelling and compound data.
  struct Shard {
    Xapian::Database db;  ///< what it holds, the batch's changes included
    std::optional<Xapian::WritableDatabase> writer;  ///< the same database; none in a dry run
    std::string name;
    std::unordered_map<std::string, int> spellings;
    std::set<std::pair<std::string, std::string>> compounds;  // part term, compound word
    int added = 0;
    int updated = 0;
    /// Writes this shard on a thread of its own (see write_in_parallel); declared last, so it
    /// stops before what it writes to goes.
    std::unique_ptr<SerialWorker> worker;
  };

  [[nodiscard]] bool dry() const { return owner_.plan_ != nullptr; }

  /// Returns when every shard's worker has written all it was given; the shards are then this
  /// thread's to read and write.
  void wait_for_workers() {
    for (Shard& shard : shards_)
      if (shard.worker) shard.worker->wait();
  }

  static constexpr std::size_t kQueuedPerShard = 32;

  /// Opens (or makes) the `wanted` shards of the database at `dir` to write, with its lexicon
  /// and stub when it has several.
  void open_to_write(const fs::path& dir, int wanted, int existing) {
    if (std::error_code ec; wanted > 1 && !fs::create_directories(dir, ec) && ec)
      throw Error("cannot make the folder " + dir.string() + ": " + ec.message());
    for (int i = 0; i < wanted; ++i) {
      const fs::path path = shard_path(dir, i, wanted);
      Xapian::WritableDatabase writer = open_writable(path, Xapian::DB_CREATE_OR_OPEN);
      shards_.push_back({writer, writer, path.string(), {}, {}, 0, 0, nullptr});
    }
    // Remote shards cannot serve spelling and compound data: a lexicon beside them holds
    // all of it, for a search front to keep a local copy of.
    if (wanted > 1 && owner_.lexicon_wanted_)
      lexicon_ = open_writable(dir / "lexicon", Xapian::DB_CREATE_OR_OPEN);
    if (wanted > 1 && existing == 0) {
      std::ofstream stub(dir / kShardStub);
      for (int i = 0; i < wanted; ++i) stub << "auto shard-" << i << '\n';
      if (!stub) throw Error("cannot write " + (dir / kShardStub).string());
    }
  }

  /// Opens the shards of the database at `dir` to read only, taking no lock, or none at all
  /// when it does not `exist` yet (a dry run changes nothing).
  void open_to_read(const fs::path& dir, int wanted, bool exist) {
    exists_ = exist;
    for (int i = 0; i < wanted; ++i) {
      const fs::path path = shard_path(dir, i, wanted);
      Xapian::Database db;
      try {
        if (exist) db = Xapian::Database(path.string());
      } catch (const Xapian::Error& e) {
        throw Error("cannot open database " + path.string() + ": " + e.get_msg());
      }
      shards_.push_back({db, std::nullopt, path.string(), {}, {}, 0, 0, nullptr});
    }
  }

  /// The shard a document lives in: a stable hash of its id, so every run finds it again.
  Shard& shard_of(const std::string& id) {
    if (shards_.size() == 1) return shards_[0];
    return shards_[XXH3_64bits(id.data(), id.size()) % shards_.size()];
  }

  void store(PreparedInput& input) {
    Shard& shard = shard_of(input.id);
    if (dry()) {
      const std::string term = id_term(input.id);
      const bool known =
          input.existed && shard.db.postlist_begin(term) != shard.db.postlist_end(term);
      *owner_.plan_ << (known ? "update " : "add ") << input.id << '\n';
      ++(known ? summary_.updated : summary_.added);
      return;
    }
    // When the document was first indexed, unless the shard knows: as the live database a
    // rebuild replaces says, or now.
    std::string first_indexed;
    if (previous_) {
      const std::string term = id_term(input.id);
      const Xapian::PostingIterator before = previous_->postlist_begin(term);
      if (before != previous_->postlist_end(term))
        first_indexed = previous_->get_document(*before).get_value(indexed_slot_);
    }
    if (first_indexed.empty()) first_indexed = stamp();
    if (shard.worker) {
      auto task = std::make_shared<PreparedInput>(std::move(input));
      shard.worker->post(
          [this, &shard, task, first_indexed] { write(shard, *task, first_indexed); });
    } else {
      write(shard, input, first_indexed);
    }
    if (++batch_ >= kBatchDocuments) {
      for (Shard& s : shards_) {
        if (s.worker) {
          s.worker->post([this, &s] { commit_batch(s); });
        } else {
          commit_batch(s);
        }
      }
      if (lexicon_) {
        lexicon_->commit_transaction();
        lexicon_->begin_transaction();
      }
      batch_ = 0;
    }
  }

  /// Adds or replaces `input`'s document in `shard` (on the shard's worker, if it has one).
  void write(Shard& shard, PreparedInput& input, const std::string& first_indexed) {
    const std::string term = id_term(input.id);
    bool known = false;
    std::string indexed;  // when the document was first indexed, if the shard holds it
    if (input.existed) {  // else a new id: no look-up needed (ids are unique in a run)
      const Xapian::PostingIterator existing = shard.db.postlist_begin(term);
      known = existing != shard.db.postlist_end(term);
      if (known) {
        const Xapian::Document old = shard.db.get_document(*existing);
        forget_spellings(shard, old);
        if (!rebuild_) indexed = old.get_value(indexed_slot_);
      }
    }
    set_indexed(owner_.schema_, input.xdoc, indexed.empty() ? first_indexed : indexed);
    for (const std::string& word : input.spellings) ++shard.spellings[word];
    // Which words hold a part, so a search can say "portal: also sundhedsportalen".
    for (CompoundWord& c : input.compounds)
      shard.compounds.emplace(part_term(c.part_stem), std::move(c.word));
    if (known) {
      shard.writer->replace_document(term, input.xdoc);
    } else {
      shard.writer->add_document(input.xdoc);
    }
    ++(known ? shard.updated : shard.added);
  }

  void commit_batch(Shard& shard) {
    flush_tables(shard);
    shard.writer->commit_transaction();
    shard.writer->begin_transaction();
  }

  std::string id_term(const std::string& id) const { return opslag::id_term(owner_.schema_, id); }

  /// Now as an indexed_time(), and later than every stamp this run gave before: a search for
  /// documents indexed after the newest it saw (opslag-search --new-since-last-run) misses none
  /// that a later batch commits, even within one microsecond.
  std::string stamp() {
    auto now = std::chrono::system_clock::now();
    if (now <= last_stamp_) now = last_stamp_ + std::chrono::microseconds(1);
    last_stamp_ = now;
    return indexed_time(now);
  }

  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

  /// Takes a document's words back out of the spelling data, so words gone from the archive
  /// are no longer suggested.
  static void forget_spellings(Shard& shard, const Xapian::Document& old) {
    for (const std::string& word : spelling_words(old)) --shard.spellings[word];
  }

  /// Writes the batch's spelling counts and compound words: once per word, not once per
  /// document, which is most of what they cost.
  void flush_tables(Shard& shard) {
    for (Xapian::WritableDatabase* db : {&*shard.writer, lexicon_ ? &*lexicon_ : nullptr}) {
      if (!db) continue;
      for (const auto& [word, count] : shard.spellings) {
        if (count > 0) db->add_spelling(word, static_cast<Xapian::termcount>(count));
        if (count < 0) db->remove_spelling(word, static_cast<Xapian::termcount>(-count));
      }
      for (const auto& [part, word] : shard.compounds) db->add_synonym(part, word);
    }
    shard.spellings.clear();
    shard.compounds.clear();
  }

  void report(bool last) {
    if (!owner_.progress_) return;
    const double now = elapsed();
    if (!last && now - reported_ < 0.1) return;
    reported_ = now;
    progress_.seconds = now;
    progress_.read_bytes = summary_.bytes;
    owner_.progress_(progress_);
  }

  /// Whether a document from file `path` must be kept although it was not seen.
  bool is_protected(const std::string& path) const {
    return protected_.contains(path) ||
           std::any_of(protected_folders_.begin(), protected_folders_.end(),
                       [&](const std::string& folder) { return path.starts_with(folder); });
  }

  const IndexUpdater& owner_;
  std::vector<Shard> shards_;
  std::optional<Xapian::WritableDatabase> lexicon_;  // spelling and compounds of all shards
  bool rebuild_ = false;
  const unsigned indexed_slot_ = *owner_.schema_.field("indexed").value_slot;
  std::optional<Xapian::Database> previous_;
  std::chrono::system_clock::time_point last_stamp_;
  bool exists_ = true;  // in a dry run: whether the database is there yet
  std::set<std::string> seen_;
  std::set<std::string> failed_;                // id terms of inputs that failed
  std::set<std::string> protected_;             // JSON-lines files partly unread
  std::vector<std::string> protected_folders_;  // folders that could not be listed
  int batch_ = 0;
  IndexSummary summary_;
  IndexProgress progress_;
  std::chrono::steady_clock::time_point start_;
  double reported_ = -1;
};

IndexUpdater::IndexUpdater(const Schema& schema, const DanishAnalyzer& analyzer, fs::path db_dir,
                           std::ostream& errors)
    : schema_(schema), analyzer_(analyzer), db_dir_(std::move(db_dir)), errors_(errors) {}

std::vector<InputFile> IndexUpdater::collect(const std::vector<fs::path>& paths,
                                             IndexSummary& summary,
                                             std::vector<std::string>& unlisted) const {
  std::vector<InputFile> sources;
  std::map<std::string, fs::path> taken;
  const auto add = [&](const fs::path& file, std::string id, const fs::path& root) {
    if (const std::string why = refusal(file, root, follow_symlinks_); !why.empty()) {
      errors_ << file.string() << ": " << why << '\n';
      ++summary.failed;
      return;
    }
    if (const auto [it, fresh] = taken.emplace(id, file); !fresh) {
      errors_ << file.string() << ": id \"" << id << "\" is already used by " << it->second.string()
              << '\n';
      ++summary.failed;
      return;
    }
    sources.push_back({file, std::move(id)});
  };
  for (const fs::path& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      throw BadInput(path.string() + ": no such file or folder; nothing was indexed or deleted");
    } else if (!fs::is_directory(status)) {
      add(path, path.filename().string(), path.parent_path());
    } else {
      std::vector<fs::path> files;
      // Folder by folder, so that one which cannot be listed is named and its documents kept,
      // never taken for gone; the folder given itself stops the run.
      std::vector<fs::path> folders{path};
      while (!folders.empty()) {
        const fs::path folder = folders.back();
        folders.pop_back();
        std::vector<fs::path> found;
        for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator();
             it.increment(ec)) {
          if (is_hidden(it->path())) continue;
          std::error_code type_ec;  // a broken link is no folder, and no error of the listing
          if (it->is_directory(type_ec)) {
            if (!it->is_symlink(type_ec)) folders.push_back(it->path());
          } else if (is_supported_file(it->path())) {
            found.push_back(it->path());
          }
        }
        if (ec && folder == path)
          throw BadInput(path.string() + ": cannot list the folder (" + ec.message() +
                         "); nothing was indexed or deleted");
        if (ec) {
          errors_ << folder.string() << ": cannot list the folder (" << ec.message()
                  << "); the documents indexed from it are kept\n";
          ++summary.failed;
          unlisted.push_back(folder.generic_string() + "/");
          ec.clear();
          continue;
        }
        files.insert(files.end(), found.begin(), found.end());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files)
        add(file, file.lexically_relative(path).generic_string(), path);
    }
  }
  return sources;
}

IndexSummary IndexUpdater::run(const IndexInputs& inputs) {
  for (const fs::path& file : inputs.jsonl)
    if (std::error_code ec; !fs::exists(file, ec))
      throw BadInput(file.string() + ": no such JSON-lines file; nothing was indexed or deleted");
  check_parent_folder(db_dir_);
  IndexSummary listing;
  std::vector<std::string> unlisted;
  std::vector<InputFile> files = collect(inputs.paths, listing, unlisted);
  std::uint64_t total = 0;
  std::error_code ec;
  for (const InputFile& f : files) total += fs::file_size(f.file, ec) * !ec;
  for (const fs::path& f : inputs.jsonl) total += fs::file_size(f, ec) * !ec;

  Run run(*this);
  run.write_in_parallel();
  run.open_previous(keep_from_);
  for (const std::string& folder : unlisted) run.protect_folder(folder);
  run.summary().failed = listing.failed;
  run.progress().total_bytes = total;
  InputPreparer preparer(schema_, analyzer_, db_dir_.string(), run.rebuild() || !run.readable(),
                         std::move(files), inputs.jsonl, max_document_bytes_);
  for (PreparedInput input; preparer.next(input);) run.apply(input);
  if (!keep_from_.empty()) run.keep_from(keep_from_);
  return run.finish(deletion_.delete_gone);
}

IndexSummary IndexUpdater::remove(const std::vector<std::string>& ids) {
  if (std::error_code ec; !fs::exists(db_dir_, ec))
    throw BadInput(db_dir_.string() + ": no such database; nothing was deleted");
  Run run(*this);
  for (const std::string& id : ids) {
    if (run.remove(id)) continue;
    errors_ << db_dir_.string() << ": no document with id \"" << id << "\"\n";
    ++run.summary().failed;
  }
  return run.finish(false);
}

}  // namespace opslag
