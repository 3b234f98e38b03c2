// Tests opslag-index --rebuild: a new database built beside the live one and put in its place,
// and everything that must stop it from replacing the archive by mistake.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <xapian.h>

#include <sstream>

#include "indexer/database_replacement.h"
#include "indexer/index_updater.h"
#include "schema/errors.h"
#include "schema/stored_document.h"
#include "tests/support/stored_in.h"
#include "tests/support/temp_dir.h"
#include "tests/support/thrown_message.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

class IndexRebuildTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("nemid.txt", "NemID lanceres i dag\n\nDen nye digitale signatur.\n");
    corpus_.write("post.txt", "Digital Post for alle\n\nBreve kommer digitalt.\n");
    corpus_.write("mitid.txt", "MitID afløser NemID\n\nOvergangen sker gradvist.\n");
    IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
    (void)updater.run({corpus_.path()});
  }

  IndexSummary rebuild(const fs::path& folder, DeletionPolicy policy = {}) {
    errors_.str("");
    IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
    updater.set_deletion(policy);
    return updater.rebuild({{folder}, {}});
  }

  std::optional<StoredDocument> stored(const std::string& id) const {
    return testing::stored_in(db_path_, id);
  }

  Xapian::doccount count() const { return Xapian::Database(db_path_.string()).get_doccount(); }

  /// The inode of the database folder: another one after a replacement.
  ino_t folder_inode() const {
    struct stat st {};
    EXPECT_EQ(::stat(db_path_.c_str(), &st), 0);
    return st.st_ino;
  }

  const Schema& schema_ = testing::project_schema();
  DanishAnalyzer analyzer_{schema_};
  testing::TempDir corpus_;
  testing::TempDir data_;
  fs::path db_path_ = data_.path() / "db";
  fs::path built_ = data_.path() / "db.rebuild";
  std::ostringstream errors_;
};

TEST_F(IndexRebuildTest, KeepsWhenEachDocumentWasFirstIndexed) {
  const std::string nemid = stored("nemid.txt")->indexed;
  ASSERT_FALSE(nemid.empty());
  corpus_.write("ny.txt", "Et nyt dokument\n\nOm NemID.\n");
  const IndexSummary summary = rebuild(corpus_.path());
  EXPECT_EQ(summary.failed, 0) << errors_.str();
  EXPECT_EQ(stored("nemid.txt")->indexed, nemid);
  EXPECT_GT(stored("ny.txt")->indexed, nemid);
}

TEST_F(IndexRebuildTest, ARebuildPutsANewDatabaseInTheLiveOnesPlaceAndRemovesTheOld) {
  const ino_t before = folder_inode();
  corpus_.write("nemid.txt", "NemID lanceres i morgen\n\nNy tekst.\n");
  fs::remove(corpus_.path() / "post.txt");
  corpus_.write("borger.txt", "Borger.dk samler selvbetjeningen\n");
  const IndexSummary summary = rebuild(corpus_.path());
  EXPECT_EQ(summary.added, 1);
  EXPECT_EQ(summary.updated, 2);
  EXPECT_EQ(summary.deleted, 1);
  EXPECT_EQ(summary.failed, 0) << errors_.str();
  EXPECT_NE(folder_inode(), before);
  EXPECT_EQ(count(), 3u);
  EXPECT_EQ(stored("nemid.txt")->title, "NemID lanceres i morgen");
  EXPECT_FALSE(stored("post.txt"));
  EXPECT_FALSE(fs::exists(built_));
  EXPECT_NO_THROW(schema_.check_compatible(Xapian::Database(db_path_.string()), "db"));
}

TEST_F(IndexRebuildTest, ARebuildOfAnEmptyFolderLeavesTheLiveDatabaseAndSaysWhy) {
  testing::TempDir empty;  // an unmounted disk
  const ino_t before = folder_inode();
  const IndexSummary summary = rebuild(empty.path());
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(summary.deleted, 0);
  EXPECT_EQ(folder_inode(), before);
  EXPECT_EQ(count(), 3u);
  EXPECT_NE(errors_.str().find("would lose 3 of 3 documents (more than 50%), so it did not "
                               "replace the live one"),
            std::string::npos)
      << errors_.str();
}

TEST_F(IndexRebuildTest, AMassDeleteByRebuildHappensWhenAllowed) {
  testing::TempDir one;
  one.write("ny.txt", "Den eneste nye fil\n");
  const IndexSummary summary = rebuild(one.path(), {.allow_mass_delete = true});
  EXPECT_EQ(summary.deleted, 3);
  EXPECT_EQ(count(), 1u);
}

TEST_F(IndexRebuildTest, AMistypedFolderIsAnErrorBeforeAnythingIsChanged) {
  const ino_t before = folder_inode();
  const std::string message =
      testing::thrown_message<BadInput>([&] { (void)rebuild(corpus_.path() / "findes-ikke"); });
  EXPECT_NE(message.find("no such file or folder; nothing was indexed or deleted"),
            std::string::npos)
      << message;
  EXPECT_EQ(folder_inode(), before);
  EXPECT_EQ(count(), 3u);
}

TEST_F(IndexRebuildTest, AFolderHoldingOtherFilesIsNotReplaced) {
  const fs::path notes = data_.write("db/noter.txt", "mine egne noter");
  const std::string message =
      testing::thrown_message<BadInput>([&] { (void)rebuild(corpus_.path()); });
  EXPECT_NE(message.find("noter.txt, which is not part of the database"), std::string::npos)
      << message;
  EXPECT_TRUE(fs::exists(notes));
  EXPECT_FALSE(fs::exists(built_));
}

TEST_F(IndexRebuildTest, AFileThatFailsKeepsItsPreviousVersionInTheRebuiltDatabase) {
  corpus_.write("nemid.txt", std::string("\0\x01\x02 broken", 10));
  const IndexSummary summary = rebuild(corpus_.path());
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(summary.deleted, 0);
  EXPECT_EQ(count(), 3u);
  ASSERT_TRUE(stored("nemid.txt"));
  EXPECT_EQ(stored("nemid.txt")->title, "NemID lanceres i dag");
}

TEST_F(IndexRebuildTest, ARebuildWaitsForNoOtherRunAndChangesNothingWhileOneWrites) {
  Xapian::WritableDatabase holder(db_path_.string());
  const ino_t before = folder_inode();
  EXPECT_THROW((void)rebuild(corpus_.path()), Error);
  EXPECT_EQ(folder_inode(), before);
  EXPECT_FALSE(fs::exists(built_));
}

TEST_F(IndexRebuildTest, AnInterruptedBuildIsResumedByTheNextRebuild) {
  {  // what an interrupted rebuild leaves: the build, with one document of three in it
    testing::TempDir part;
    part.write("nemid.txt", "NemID lanceres i dag\n\nDen nye digitale signatur.\n");
    IndexUpdater updater(schema_, analyzer_, built_, errors_);
    (void)updater.run({part.path()});
  }
  const IndexSummary summary = rebuild(corpus_.path());
  EXPECT_EQ(summary.failed, 0) << errors_.str();
  EXPECT_EQ(count(), 3u);
  EXPECT_FALSE(fs::exists(built_));
}

TEST_F(IndexRebuildTest, ARebuildChangesTheNumberOfShards) {
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  updater.set_shards(2);
  EXPECT_THROW((void)updater.run(IndexInputs{{corpus_.path()}, {}}), Error);  // not in place
  const IndexSummary summary = updater.rebuild({{corpus_.path()}, {}});
  EXPECT_EQ(summary.updated, 3);
  EXPECT_TRUE(fs::exists(db_path_ / "shard-1"));
  EXPECT_EQ(count(), 3u);
}

TEST_F(IndexRebuildTest, ANewDatabaseIsBuiltBesideAndMovedIntoPlace) {
  fs::remove_all(db_path_);
  const IndexSummary summary = rebuild(corpus_.path());
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(count(), 3u);
  EXPECT_FALSE(fs::exists(built_));
}

TEST(CompareIdsTest, CountsIdsAddedKeptAndGone) {
  testing::TempDir dir;
  const auto make = [&](const std::string& name, std::initializer_list<const char*> ids) {
    Xapian::WritableDatabase db((dir.path() / name).string(), Xapian::DB_CREATE);
    for (const char* id : ids) {
      Xapian::Document doc;
      doc.add_boolean_term(std::string("Q") + id);
      db.add_document(doc);
    }
    db.commit();
  };
  make("live", {"a", "b", "c"});
  make("built", {"b", "c", "d", "e"});
  const IdChanges changes =
      compare_ids(testing::project_schema(), dir.path() / "live", dir.path() / "built");
  EXPECT_EQ(changes.added, 2u);
  EXPECT_EQ(changes.kept, 2u);
  EXPECT_EQ(changes.gone, 1u);
  EXPECT_EQ(changes.live, 3u);
}

}  // namespace
}  // namespace opslag
