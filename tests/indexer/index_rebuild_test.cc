// Tests opslag-index --rebuild: a new database built beside the live one and put in its place,
// and everything that must stop it from replacing the archive by mistake.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <xapian.h>
#include <xxhash.h>

#include <algorithm>
#include <sstream>
#include <vector>

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

/// Everything the database at `path` holds, by document id rather than Xapian's document
/// number: each document's data, terms with their frequencies and positions, and values; then
/// the spelling data with its counts and the compound table.
std::string contents(const fs::path& path) {
  const Xapian::Database db(path.string());
  std::ostringstream out;
  for (auto id = db.allterms_begin("Q"); id != db.allterms_end("Q"); ++id) {
    const Xapian::Document doc = db.get_document(*db.postlist_begin(*id));
    out << *id << '\n' << doc.get_data() << '\n';
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
      out << *term << ':' << term.get_wdf();
      for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
        out << ' ' << *pos;
      out << '\n';
    }
    for (auto value = doc.values_begin(); value != doc.values_end(); ++value)
      out << "value " << value.get_valueno() << '=' << *value << '\n';
  }
  for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word)
    out << "spelling " << *word << ' ' << word.get_termfreq() << '\n';
  for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key)
    for (auto word = db.synonyms_begin(*key); word != db.synonyms_end(*key); ++word)
      out << "compound " << *key << ' ' << *word << '\n';
  return out.str();
}

TEST_F(IndexRebuildTest, ARebuildOnTwoThreadsHoldsWhatOneThreadBuilds) {
  for (int i = 0; i < 24; ++i)
    corpus_.write("notat-" + std::to_string(i) + ".txt",
                  "Notat " + std::to_string(i) + " om sundhedsdata\n\nDigitaliseringsstrategien " +
                      std::string(i % 2 ? "og borgerservice" : "om selvbetjeningsløsninger") +
                      " for år " + std::to_string(2000 + i) + ".\n");
  (void)rebuild(corpus_.path());
  const std::string one_thread = contents(db_path_);
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  updater.set_threads(2);
  const IndexSummary summary = updater.rebuild({{corpus_.path()}, {}});
  EXPECT_EQ(summary.failed, 0) << errors_.str();
  EXPECT_EQ(summary.updated, 27);
  // The same documents, spelling counts and compounds (first-indexed times kept from the live
  // database); one database, nothing left beside it.
  EXPECT_EQ(contents(db_path_), one_thread);
  EXPECT_EQ(count(), 27u);
  EXPECT_FALSE(fs::exists(db_path_ / "XAPIANDB"));
  EXPECT_FALSE(fs::exists(built_));
  EXPECT_FALSE(fs::exists(built_.string() + ".parts"));
  // Written as two parts, by the hash of the id, merged one after the other.
  const Xapian::Database db(db_path_.string());
  std::vector<int> parts;
  for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
    Xapian::TermIterator term = db.get_document(id).termlist_begin();
    term.skip_to("Q");
    const std::string id_term = *term;
    parts.push_back(static_cast<int>(XXH3_64bits(id_term.data() + 1, id_term.size() - 1) % 2));
  }
  EXPECT_TRUE(std::is_sorted(parts.begin(), parts.end()));
  EXPECT_GT(std::count(parts.begin(), parts.end(), 1), 0);
}

TEST_F(IndexRebuildTest, PartsLeftByAnInterruptedBuildAreResumedOrRemoved) {
  for (const int left : {2, 3}) {
    {  // what an interrupted build on `left` threads leaves: parts holding one document
      testing::TempDir part;
      part.write("nemid.txt", "NemID lanceres i dag\n\nDen nye digitale signatur.\n");
      IndexUpdater updater(schema_, analyzer_, built_.string() + ".parts", errors_);
      updater.set_shards(left);
      (void)updater.run({part.path()});
    }
    IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
    updater.set_threads(2);
    const IndexSummary summary = updater.rebuild({{corpus_.path()}, {}});
    EXPECT_EQ(summary.failed, 0) << errors_.str();
    EXPECT_EQ(count(), 3u);
    EXPECT_FALSE(fs::exists(built_.string() + ".parts"));
    EXPECT_TRUE(stored("mitid.txt").has_value());
  }
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
