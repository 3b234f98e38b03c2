// Incremental indexing: hash each file, compare with the index, apply the difference.
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

namespace opslag {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw BadInput("is a folder, not a file");
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
  char line[200];
  std::snprintf(line, sizeof line,
                "added %d, updated %d, deleted %d, unchanged %d, failed %d in %.2f s (%.1f "
                "documents/s)",
                added, updated, deleted, unchanged, failed, seconds,
                seconds > 0 ? documents / seconds : 0.0);
  return line;
}

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

IndexSummary IndexUpdater::run(const std::vector<fs::path>& paths) {
  const auto start = std::chrono::steady_clock::now();
  IndexSummary summary;
  const std::vector<Source> sources = collect(paths, summary);

  Xapian::WritableDatabase db;
  try {
    db = Xapian::WritableDatabase(db_dir_.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error("database " + db_dir_.string() + " is locked: another opslag-index is writing it");
  } catch (const Xapian::Error& e) {
    throw Error("cannot open database " + db_dir_.string() + ": " + e.get_msg());
  }
  // A database of another schema is rebuilt whole: its terms may not mean what ours do.
  bool rebuild = false;
  try {
    if (db.get_doccount() > 0) schema_.check_compatible(db, db_dir_.string());
  } catch (const IndexMismatch&) {
    rebuild = true;
  }

  const std::string& id_prefix = schema_.field("id").prefix;
  const unsigned hash_slot = *schema_.field("hash").value_slot;
  std::set<std::string> seen;
  db.begin_transaction();
  for (const Source& source : sources) {
    const std::string id_term = id_prefix + source.id;
    seen.insert(id_term);
    try {
      const std::string bytes = read_bytes(source.file);
      const std::string hash = content_hash(bytes);
      const Xapian::PostingIterator existing = db.postlist_begin(id_term);
      const bool known = existing != db.postlist_end(id_term);
      if (known && !rebuild && db.get_document(*existing).get_value(hash_slot) == hash) {
        ++summary.unchanged;
        continue;
      }
      StoredDocument doc = read_document(source.file, bytes, analyzer_);
      doc.id = source.id;
      doc.path = source.file.generic_string();
      doc.hash = hash;
      std::vector<CompoundWord> compounds;
      const Xapian::Document xdoc = make_xapian_document(schema_, analyzer_, doc, &compounds);
      if (known) forget_spellings(db, db.get_document(*existing));
      for (const std::string& word : spelling_words(xdoc)) db.add_spelling(word);
      // Which words hold a part, so a search can say "portal: also sundhedsportalen".
      std::set<std::pair<std::string, std::string>> pairs;
      for (CompoundWord& c : compounds) pairs.emplace(part_term(c.part_stem), std::move(c.word));
      for (const auto& [part, word] : pairs) db.add_synonym(part, word);
      db.replace_document(id_term, xdoc);
      ++(known ? summary.updated : summary.added);
    } catch (const Error& e) {
      errors_ << source.file.string() << ": " << e.what() << '\n';
      ++summary.failed;
    } catch (const Xapian::InvalidArgumentError& e) {
      errors_ << source.file.string() << ": " << e.get_msg() << '\n';
      ++summary.failed;
    }
  }
  std::vector<std::string> gone;  // collected first: no deleting under a live term iterator
  for (auto term = db.allterms_begin(id_prefix); term != db.allterms_end(id_prefix); ++term)
    if (!seen.contains(*term)) gone.push_back(*term);
  for (const std::string& term : gone) {
    const Xapian::PostingIterator doc = db.postlist_begin(term);
    if (doc != db.postlist_end(term)) forget_spellings(db, db.get_document(*doc));
    db.delete_document(term);
  }
  summary.deleted = static_cast<int>(gone.size());
  schema_.stamp(db);
  db.commit_transaction();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace opslag
