// The layout of a database on disk, and opening it to write.
#include "indexer/database_layout.h"

#include <fstream>
#include <string>

#include "schema/errors.h"

namespace opslag {

namespace fs = std::filesystem;

int shards_at(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return 0;
  std::ifstream stub(dir / kShardStub);
  if (!stub) return fs::exists(dir / "iamglass", ec) ? 1 : 0;
  int count = 0;
  for (std::string line; std::getline(stub, line);) count += !line.empty();
  return count;
}

fs::path shard_path(const fs::path& dir, int i, int count) {
  return count == 1 ? dir : dir / ("shard-" + std::to_string(i));
}

void check_parent_folder(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) return;
  const fs::path parent = fs::absolute(dir, ec).lexically_normal().parent_path();
  if (parent.empty() || fs::is_directory(parent, ec)) return;
  throw BadInput(dir.string() + ": the folder " + parent.string() +
                 " that is to hold the database does not exist; create it first. Nothing was "
                 "indexed");
}

Xapian::WritableDatabase open_writable(const fs::path& path, int flags) {
  try {
    return Xapian::WritableDatabase(path.string(), flags);
  } catch (const Xapian::DatabaseLockError& e) {
    // Xapian says "already locked" when another writer holds the lock; any other failure to
    // take it (a read-only folder or disk, no permission) has its own cause.
    if (e.get_msg().find("already locked") != std::string::npos)
      throw Error("database " + path.string() + " is locked: another opslag-index is writing it");
    throw Error("cannot write database " + path.string() +
                " (read-only or not permitted?): " + e.get_description());
  } catch (const Xapian::Error& e) {
    throw Error("cannot open database " + path.string() + ": " + e.get_msg());
  }
}

}  // namespace opslag
