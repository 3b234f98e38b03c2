// opslag-index --rebuild: a new database built beside the live one, then put in its place.
#include <xapian.h>

#include <algorithm>
#include <chrono>

#include "indexer/database_layout.h"
#include "indexer/database_replacement.h"
#include "indexer/index_updater.h"
#include "schema/errors.h"

namespace opslag {

namespace fs = std::filesystem;

namespace {

/// Removes the database a build left at `dir` when it has another number of shards than `count`,
/// so the build starts over rather than resuming.
void remove_unless_resumable(const fs::path& dir, int count) {
  if (const int found = shards_at(dir); found > 0 && found != count) {
    check_replaceable(dir);
    fs::remove_all(dir);
  }
}

}  // namespace

IndexUpdater IndexUpdater::beside(const fs::path& dir) const {
  IndexUpdater other(schema_, analyzer_, dir, errors_);
  other.follow_symlinks_ = follow_symlinks_;
  other.max_document_bytes_ = max_document_bytes_;
  other.progress_ = progress_;
  other.keep_from_ = keep_from_;
  return other;
}

IndexSummary IndexUpdater::rebuild(const IndexInputs& inputs) {
  const fs::path live = db_dir_.has_filename() ? db_dir_ : db_dir_.parent_path();
  const fs::path built = live.string() + ".rebuild";
  check_parent_folder(live);
  check_replaceable(live);
  // The live database stays locked until it is replaced: no other run changes it meanwhile.
  std::vector<Xapian::WritableDatabase> lock;
  if (const int shards = shards_at(live); shards > 0) {
    for (int i = 0; i < shards; ++i)
      lock.push_back(open_writable(shard_path(live, i, shards), Xapian::DB_OPEN));
    if (shards > 1) lock.push_back(open_writable(live / "lexicon", Xapian::DB_OPEN));
  }
  IndexUpdater build = beside(built);
  build.shards_ = shards_ > 0 ? shards_ : std::max(shards_at(live), 1);
  // An interrupted build is resumed, unless it has another number of shards: then it starts over.
  remove_unless_resumable(built, build.shards_);
  build.deletion_ = {.delete_gone = true, .max_delete_percent = 100, .allow_mass_delete = true};
  build.keep_from_ = live;
  // An interrupted one-thread build is resumed on one thread; parts left by an interrupted
  // build on several threads are resumed on several, or else removed.
  const bool in_parts = threads_ > 1 && build.shards_ == 1 && shards_at(built) == 0;
  if (const fs::path parts = built.string() + ".parts"; !in_parts && fs::exists(parts)) {
    check_replaceable(parts);
    fs::remove_all(parts);
  }
  IndexSummary summary = in_parts ? build.run_in_parts(inputs, threads_) : build.run(inputs);

  const IdChanges changes = compare_ids(schema_, live, built);
  summary.added = static_cast<int>(changes.added);
  summary.updated = static_cast<int>(changes.kept);
  summary.deleted = static_cast<int>(changes.gone);
  summary.unchanged = 0;
  if (!deletion_.allow_mass_delete && changes.gone > 0 &&
      changes.gone * 100 > static_cast<std::size_t>(deletion_.max_delete_percent) * changes.live) {
    errors_ << live.string() << ": the new database would lose " << changes.gone << " of "
            << changes.live << " documents (more than " << deletion_.max_delete_percent
            << "%), so it did not replace the live one: check the paths given, or run again "
               "with --allow-mass-delete if they are meant to go (the build at "
            << built.string() << " is kept for the next --rebuild to resume)\n";
    ++summary.failed;
    summary.deleted = 0;
    return summary;
  }
  replace_database(live, built);
  return summary;
}

IndexSummary IndexUpdater::run_in_parts(const IndexInputs& inputs, int count) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path parts = db_dir_.string() + ".parts";
  remove_unless_resumable(parts, count);
  IndexUpdater writer = beside(parts);
  writer.shards_ = count;
  writer.lexicon_wanted_ = false;  // compaction merges the parts' spelling and compound tables
  writer.deletion_ = deletion_;
  IndexSummary summary = writer.run(inputs);

  // Into a folder beside, then renamed: an interrupted compaction leaves the parts whole.
  const fs::path compacted = db_dir_.string() + ".compacting";
  fs::remove_all(compacted);
  try {
    Xapian::Database(parts.string()).compact(compacted.string());
  } catch (const Xapian::Error& e) {
    throw Error("cannot compact the parts " + parts.string() + " into " + compacted.string() +
                ": " + e.get_msg());
  }
  std::error_code ec;
  fs::remove(db_dir_, ec);  // an empty folder where the database goes
  fs::rename(compacted, db_dir_, ec);
  if (ec)
    throw Error("cannot move " + compacted.string() + " to " + db_dir_.string() + ": " +
                ec.message());
  fs::remove_all(parts);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace opslag
