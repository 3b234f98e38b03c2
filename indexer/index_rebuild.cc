// opslag-index --rebuild: a new database built beside the live one, then put in its place.
#include <algorithm>

#include "indexer/database_layout.h"
#include "indexer/database_replacement.h"
#include "indexer/index_updater.h"

namespace opslag {

namespace fs = std::filesystem;

IndexSummary IndexUpdater::rebuild(const IndexInputs& inputs) {
  const fs::path live = db_dir_.has_filename() ? db_dir_ : db_dir_.parent_path();
  const fs::path built = live.string() + ".rebuild";
  check_replaceable(live);
  // The live database stays locked until it is replaced: no other run changes it meanwhile.
  std::vector<Xapian::WritableDatabase> lock;
  if (const int shards = shards_at(live); shards > 0) {
    for (int i = 0; i < shards; ++i)
      lock.push_back(open_writable(shard_path(live, i, shards), Xapian::DB_OPEN));
    if (shards > 1) lock.push_back(open_writable(live / "lexicon", Xapian::DB_OPEN));
  }
  IndexUpdater build(schema_, analyzer_, built, errors_);
  build.shards_ = shards_ > 0 ? shards_ : std::max(shards_at(live), 1);
  // An interrupted build is resumed, unless it has another number of shards: then it starts over.
  if (const int found = shards_at(built); found > 0 && found != build.shards_) {
    check_replaceable(built);
    fs::remove_all(built);
  }
  build.follow_symlinks_ = follow_symlinks_;
  build.max_document_bytes_ = max_document_bytes_;
  build.progress_ = progress_;
  build.deletion_ = {.delete_gone = true, .max_delete_percent = 100, .allow_mass_delete = true};
  build.keep_from_ = live;
  IndexSummary summary = build.run(inputs);

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

}  // namespace opslag
