// Incremental indexing: hash each input, compare with the index, apply the difference in batches.
#include "index_updater.h"

#include <xapian.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include "document_reader.h"
#include "document_terms.h"
#include "errors.h"
#include "jsonl_reader.h"
#include "sidecar.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& file) {
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (ec) throw BadInput("cannot read the file: " + ec.message());
  if (fs::is_directory(status)) throw BadInput("is a folder, not a file");
  if (const auto size = fs::file_size(file, ec); !ec && size > IndexUpdater::kMaxFileBytes)
    throw BadInput("file is too large (" + std::to_string(size >> 20) + " MB; the limit is " +
                   std::to_string(IndexUpdater::kMaxFileBytes >> 20) + " MB)");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw BadInput("cannot read the file (permission denied or gone)");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw BadInput("read error");
  return out.str();
}

std::string content_hash(std::string_view bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

/// Takes a document's words back out of the spelling data, so words gone from the archive
/// are no longer suggested.
void forget_spellings(Xapian::WritableDatabase& db, const Xapian::Document& old) {
  for (const std::string& word : spelling_words(old)) db.remove_spelling(word);
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
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

/// One run: the open database, what has been seen and done, the batch and the progress.
class IndexUpdater::Run {
 public:
  Run(const IndexUpdater& owner, std::uint64_t total_bytes)
      : owner_(owner), start_(std::chrono::steady_clock::now()) {
    progress_.total_bytes = total_bytes;
    try {
      db_ = Xapian::WritableDatabase(owner_.db_dir_.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
      throw Error("database " + owner_.db_dir_.string() +
                  " is locked: another opslag-index is writing it");
    } catch (const Xapian::Error& e) {
      throw Error("cannot open database " + owner_.db_dir_.string() + ": " + e.get_msg());
    }
    // A database of another schema is rebuilt whole: its terms may not mean what ours do.
    try {
      if (db_.get_doccount() > 0) owner_.schema_.check_compatible(db_, owner_.db_dir_.string());
    } catch (const IndexMismatch&) {
      rebuild_ = true;
    }
    db_.begin_transaction();
  }

  /// Marks `id` as present; true if it was not already taken in this run.
  bool claim(const std::string& id) { return seen_.insert(id_term(id)).second; }

  /// True if the database holds `id` with content `hash` already (and needs no rebuild).
  bool unchanged(const std::string& id, const std::string& hash) {
    const std::string term = id_term(id);
    const Xapian::PostingIterator it = db_.postlist_begin(term);
    if (rebuild_ || it == db_.postlist_end(term) ||
        db_.get_document(*it).get_value(hash_slot()) != hash)
      return false;
    ++summary_.unchanged;
    return true;
  }

  /// Adds or replaces `doc` (id and hash set).
  void store(const StoredDocument& doc) {
    const std::string term = id_term(doc.id);
    std::vector<CompoundWord> compounds;
    const Xapian::Document xdoc =
        make_xapian_document(owner_.schema_, owner_.analyzer_, doc, &compounds);
    const Xapian::PostingIterator existing = db_.postlist_begin(term);
    const bool known = existing != db_.postlist_end(term);
    if (known) forget_spellings(db_, db_.get_document(*existing));
    for (const std::string& word : spelling_words(xdoc)) db_.add_spelling(word);
    // Which words hold a part, so a search can say "portal: also sundhedsportalen".
    std::set<std::pair<std::string, std::string>> pairs;
    for (CompoundWord& c : compounds) pairs.emplace(part_term(c.part_stem), std::move(c.word));
    for (const auto& [part, word] : pairs) db_.add_synonym(part, word);
    db_.replace_document(term, xdoc);
    ++(known ? summary_.updated : summary_.added);
    if (++batch_ >= kBatchDocuments) {
      db_.commit_transaction();
      db_.begin_transaction();
      batch_ = 0;
    }
  }

  void failed(const std::string& where, const std::string& reason) {
    owner_.errors_ << where << ": " << reason << '\n';
    ++summary_.failed;
  }

  /// One more input looked at, `bytes` further into the inputs.
  void advance(std::uint64_t bytes) {
    ++progress_.documents;
    progress_.bytes = bytes;
    report(false);
  }

  IndexSummary& summary() { return summary_; }

  /// Keeps the documents read from `path` though this run did not see them: part of it could
  /// not be read, so their absence says nothing.
  void protect(const fs::path& path) { protected_.insert(path.generic_string()); }

  /// Deletes what was not seen, stamps the schema and commits.
  IndexSummary finish() {
    const std::string& prefix = owner_.schema_.field("id").prefix;
    std::vector<std::string> gone;  // collected first: no deleting under a live term iterator
    for (auto term = db_.allterms_begin(prefix); term != db_.allterms_end(prefix); ++term)
      if (!seen_.contains(*term)) gone.push_back(*term);
    for (const std::string& term : gone) {
      const Xapian::PostingIterator it = db_.postlist_begin(term);
      if (it == db_.postlist_end(term)) continue;
      const Xapian::Document doc = db_.get_document(*it);
      if (!protected_.empty() && protected_.contains(StoredDocument::from_data(doc.get_data()).path))
        continue;
      forget_spellings(db_, doc);
      db_.delete_document(term);
      ++summary_.deleted;
    }
    owner_.schema_.stamp(db_);
    db_.commit_transaction();
    summary_.bytes = progress_.total_bytes;
    summary_.seconds = elapsed();
    report(true);
    return summary_;
  }

 private:
  std::string id_term(const std::string& id) const {
    return owner_.schema_.field("id").prefix + id;
  }
  unsigned hash_slot() const { return *owner_.schema_.field("hash").value_slot; }
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  void report(bool last) {
    if (!owner_.progress_) return;
    const double now = elapsed();
    if (!last && now - reported_ < 0.1) return;
    reported_ = now;
    progress_.seconds = now;
    owner_.progress_(progress_);
  }

  const IndexUpdater& owner_;
  Xapian::WritableDatabase db_;
  bool rebuild_ = false;
  std::set<std::string> seen_;
  std::set<std::string> protected_;
  int batch_ = 0;
  IndexSummary summary_;
  IndexProgress progress_;
  std::chrono::steady_clock::time_point start_;
  double reported_ = -1;
};

IndexUpdater::IndexUpdater(const Schema& schema, const DanishAnalyzer& analyzer, fs::path db_dir,
                           std::ostream& errors)
    : schema_(schema), analyzer_(analyzer), db_dir_(std::move(db_dir)), errors_(errors) {}

std::vector<IndexUpdater::Source> IndexUpdater::collect(const std::vector<fs::path>& paths,
                                                        IndexSummary& summary) const {
  std::vector<Source> sources;
  std::map<std::string, fs::path> taken;
  const auto add = [&](const fs::path& file, std::string id) {
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
      errors_ << path.string() << ": no such file or folder\n";
      ++summary.failed;
    } else if (!fs::is_directory(status)) {
      add(path, path.filename().string());
    } else {
      std::vector<fs::path> files;
      const auto options = fs::directory_options::skip_permission_denied;
      for (auto it = fs::recursive_directory_iterator(path, options, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (is_hidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_directory(ec) && is_supported_file(it->path())) files.push_back(it->path());
      }
      if (ec) {
        errors_ << path.string() << ": cannot list the folder: " << ec.message() << '\n';
        ++summary.failed;
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) add(file, fs::relative(file, path).generic_string());
    }
  }
  return sources;
}

IndexSummary IndexUpdater::run(const IndexInputs& inputs) {
  IndexSummary listing;
  const std::vector<Source> sources = collect(inputs.paths, listing);
  std::uint64_t total = 0;
  std::error_code ec;
  for (const Source& s : sources) total += fs::file_size(s.file, ec) * !ec;
  for (const fs::path& f : inputs.jsonl) total += fs::file_size(f, ec) * !ec;

  Run run(*this, total);
  run.summary().failed = listing.failed;
  std::uint64_t done = 0;
  for (const Source& source : sources) {
    run.claim(source.id);
    try {
      const std::string bytes = read_bytes(source.file);
      done += bytes.size();
      const fs::path sidecar = sidecar_of(source.file);
      const std::string meta = fs::exists(sidecar, ec) ? read_bytes(sidecar) : "";
      const std::string hash = content_hash(meta.empty() ? bytes : bytes + '\0' + meta);
      if (!run.unchanged(source.id, hash)) {
        StoredDocument doc = read_document(source.file, bytes, analyzer_);
        if (!meta.empty()) {
          try {
            apply_sidecar(meta, analyzer_, doc);
          } catch (const BadInput& e) {
            throw BadInput(sidecar.string() + ": " + e.what());
          }
        }
        doc.id = source.id;
        doc.path = source.file.generic_string();
        doc.hash = hash;
        run.store(doc);
      }
    } catch (const Error& e) {
      run.failed(source.file.string(), e.what());
    } catch (const Xapian::InvalidArgumentError& e) {
      run.failed(source.file.string(), e.get_msg());
    }
    run.advance(done);
  }
  for (const fs::path& file : inputs.jsonl) {
    const std::uint64_t before = done;
    try {
      JsonlReader reader(file);
      for (std::string line; reader.next(line);) {
        const std::string where = file.string() + ":" + std::to_string(reader.line_number());
        try {
          StoredDocument doc = document_from_json(line, analyzer_);
          if (!run.claim(doc.id)) throw BadInput("id \"" + doc.id + "\" is used twice");
          doc.hash = content_hash(line);
          if (!run.unchanged(doc.id, doc.hash)) {
            doc.path = file.generic_string();
            if (doc.title.empty()) doc.title = doc.id;
            if (doc.type.empty()) doc.type = "dokument";
            run.store(doc);
          }
        } catch (const Error& e) {
          run.failed(where, e.what());
          run.protect(file);
        } catch (const Xapian::InvalidArgumentError& e) {
          run.failed(where, e.get_msg());
          run.protect(file);
        }
        run.advance(before + reader.offset());
      }
    } catch (const Error& e) {
      run.failed(file.string(), e.what());
      run.protect(file);
    }
    done = before + fs::file_size(file, ec) * !ec;
  }
  return run.finish();
}

}  // namespace opslag
