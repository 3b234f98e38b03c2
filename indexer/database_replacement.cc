// The folder check, the id comparison and the exchange of a rebuilt database with the live one.
#include "indexer/database_replacement.h"

#include <fcntl.h>
#include <stdio.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <regex>

#include "schema/errors.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

/// Whether `entry` of a database folder is the database's own: Xapian's glass files and lock,
/// a stub, and (in a sharded database) shard and lexicon folders holding the same.
bool is_database_entry(const fs::directory_entry& entry) {
  static const std::regex own_file(R"((iamglass|flintlock|XAPIANDB|[a-z]+\.glass|.*\.tmp))");
  static const std::regex own_folder(R"((shard-[0-9]+|lexicon))");
  const std::string name = entry.path().filename().string();
  std::error_code ec;
  if (entry.is_symlink(ec)) return false;
  if (entry.is_directory(ec)) return std::regex_match(name, own_folder);
  return entry.is_regular_file(ec) && std::regex_match(name, own_file);
}

/// The first entry under `folder` that is not a database's, or "" when there is none.
std::string foreign_entry(const fs::path& folder) {
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    if (!is_database_entry(*it)) return it->path().string();
    if (it->is_directory(ec)) {
      if (std::string inner = foreign_entry(it->path()); !inner.empty()) return inner;
    }
  }
  if (ec) throw Error("cannot list " + folder.string() + ": " + ec.message());
  return "";
}

/// Walks the id terms of `db` in order (empty when it is not there).
class IdTerms {
 public:
  IdTerms(const fs::path& dir, std::string prefix) : prefix_(std::move(prefix)) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) return;
    try {
      db_ = Xapian::Database(dir.string());
    } catch (const Xapian::Error& e) {
      throw Error("cannot open database " + dir.string() + ": " + e.get_msg());
    }
    term_ = db_.allterms_begin(prefix_);
    skip_deleted();
  }
  [[nodiscard]] bool done() const { return term_ == db_.allterms_end(prefix_); }
  [[nodiscard]] std::string current() const { return *term_; }
  void next() {
    ++term_;
    skip_deleted();
  }

 private:
  /// Id terms of deleted documents may linger with no posting: they are no document.
  void skip_deleted() {
    while (!done() && term_.get_termfreq() == 0) ++term_;
  }
  std::string prefix_;
  Xapian::Database db_;
  Xapian::TermIterator term_;
};

}  // namespace

void check_replaceable(const fs::path& live) {
  std::error_code ec;
  if (!fs::exists(live, ec)) return;
  if (!fs::is_directory(live, ec))
    throw BadInput(live.string() + ": not a database folder; --rebuild replaces nothing else");
  if (const std::string foreign = foreign_entry(live); !foreign.empty())
    throw BadInput(live.string() + " holds " + foreign +
                   ", which is not part of the database: --rebuild replaces the whole folder, "
                   "so move it out first; nothing was changed");
}

IdChanges compare_ids(const Schema& schema, const fs::path& live, const fs::path& built) {
  const std::string& prefix = schema.field("id").prefix;
  IdTerms old_ids(live, prefix), new_ids(built, prefix);
  IdChanges changes;
  while (!old_ids.done() || !new_ids.done()) {
    const int order = old_ids.done()   ? 1
                      : new_ids.done() ? -1
                                       : old_ids.current().compare(new_ids.current());
    if (order <= 0) ++changes.live;
    if (order < 0) {
      ++changes.gone;
      old_ids.next();
    } else if (order > 0) {
      ++changes.added;
      new_ids.next();
    } else {
      ++changes.kept;
      old_ids.next();
      new_ids.next();
    }
  }
  return changes;
}

void replace_database(const fs::path& live, const fs::path& built) {
  std::error_code ec;
  if (!fs::exists(live, ec)) {
    fs::rename(built, live, ec);
    if (ec)
      throw Error("cannot move " + built.string() + " to " + live.string() + ": " + ec.message());
    return;
  }
  if (renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) != 0) {
    const int exchange_error = errno;
    if (exchange_error != EINVAL && exchange_error != ENOSYS)
      throw Error("cannot put " + built.string() + " in the place of " + live.string() + ": " +
                  std::strerror(exchange_error) + "; the live database is as it was");
    // No exchange on this file system: out of the way, then in.
    const fs::path old = live.string() + ".old";
    fs::remove_all(old, ec);
    fs::rename(live, old, ec);
    if (ec) throw Error("cannot move " + live.string() + " aside: " + ec.message());
    fs::rename(built, live, ec);
    if (ec) {
      fs::rename(old, live);
      throw Error("cannot move " + built.string() + " to " + live.string() + ": " + ec.message() +
                  "; the live database is back as it was");
    }
    fs::rename(old, built, ec);
  }
  fs::remove_all(built, ec);
  if (ec)
    throw Error("the new database is in place, but the old one at " + built.string() +
                " cannot be removed: " + ec.message());
}

}  // namespace opslag
