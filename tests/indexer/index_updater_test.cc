// Tests incremental indexing: full runs, changes, deletions, failures, and what readers see.
#include "indexer/index_updater.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <set>
#include <sstream>

#include "schema/content_hash.h"
#include "schema/errors.h"
#include "schema/stored_document.h"
#include "tests/support/stored_in.h"
#include "tests/support/temp_dir.h"
#include "tests/support/thrown_message.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

class IndexUpdaterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("nemid.txt",
                  "NemID lanceres i dag\n\n01-07-2010 Pressemeddelelse\n\n"
                  "Den nye digitale signatur hedder NemID.\n\nKilde: IT- og Telestyrelsen\n");
    corpus_.write("post.md",
                  "---\ntitle: Digital Post for alle\ndate: 2014-11-01\nsource: "
                  "Digitaliseringsstyrelsen\ntype: nyhed\n---\n\nBreve kommer i Digital Post.\n");
    corpus_.write("sider/borger.html",
                  "<html><head><title>Borger.dk | Forside</title></head><body><main><h1>Borger.dk "
                  "samler selvbetjeningen</h1><p>Portalen åbnede i 2007.</p></main></body></html>");
  }

  IndexSummary index() {
    errors_.str("");
    IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
    return updater.run({corpus_.path()});
  }

  std::optional<StoredDocument> stored(const std::string& id) const {
    return testing::stored_in(db_path_, id);
  }

  Xapian::doccount count() const { return Xapian::Database(db_path_.string()).get_doccount(); }

  const Schema& schema_ = testing::project_schema();
  DanishAnalyzer analyzer_{schema_};
  testing::TempDir corpus_;
  testing::TempDir data_;
  fs::path db_path_ = data_.path() / "db";
  std::ostringstream errors_;
};

TEST_F(IndexUpdaterTest, FirstRunAddsEveryReadableFile) {
  const IndexSummary summary = index();
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 0);
  EXPECT_EQ(count(), 3u);
  EXPECT_EQ(errors_.str(), "");
}

TEST_F(IndexUpdaterTest, ATextLongerThanTheLimitIsCutAtAWordAndSaidSo) {
  std::string long_text = "Lang rapport\n\n";
  while (long_text.size() < 300000) long_text += "Digitaliseringsstyrelsen skriver om NemID. ";
  long_text += "slutordet";
  corpus_.write("lang.txt", long_text);
  errors_.str("");
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  updater.set_max_document_bytes(100000);
  const IndexSummary summary = updater.run({corpus_.path()});
  EXPECT_EQ(summary.failed, 0) << errors_.str();
  EXPECT_NE(errors_.str().find("lang.txt: its text of 293 KB is cut to the first 97 KB "
                               "(--max-document-bytes)"),
            std::string::npos)
      << errors_.str();
  const auto doc = stored("lang.txt");
  ASSERT_TRUE(doc);
  EXPECT_LE(doc->body.size(), 100000u);
  EXPECT_GT(doc->body.size(), 99000u);
  const std::string last_word = doc->body.substr(doc->body.find_last_of(' ') + 1);
  EXPECT_TRUE(last_word == "Digitaliseringsstyrelsen" || last_word == "skriver" ||
              last_word == "om" || last_word == "NemID.")
      << "cut inside a word: " << last_word;
  EXPECT_EQ(doc->body.find("slutordet"), std::string::npos);
}

TEST_F(IndexUpdaterTest, ADatabaseThatCannotBeLockedForAnotherReasonSaysSoNotLocked) {
  (void)index();
  // The lock file cannot be opened for writing, as on a read-only disk (root may write any
  // file, so a folder stands in for it).
  fs::remove(db_path_ / "flintlock");
  fs::create_directory(db_path_ / "flintlock");
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  const std::string message =
      testing::thrown_message<Error>([&] { (void)updater.run({corpus_.path()}); });
  EXPECT_NE(
      message.find("cannot write database " + db_path_.string() + " (read-only or not permitted?)"),
      std::string::npos)
      << message;
  EXPECT_EQ(message.find("another opslag-index"), std::string::npos) << message;
}

TEST_F(IndexUpdaterTest, IdsArePathsRelativeToTheFolderIndexed) {
  (void)index();
  const auto doc = stored("sider/borger.html");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->title, "Borger.dk samler selvbetjeningen");
}

TEST_F(IndexUpdaterTest, KeepsTheAbsolutePathAndHashOfEachFileForServingItsOriginal) {
  corpus_.write("post.md.json", R"({"title": "Digital Post, retitled"})");
  (void)index();
  for (const char* id : {"nemid.txt", "post.md"}) {
    SCOPED_TRACE(id);
    const auto doc = stored(id);
    ASSERT_TRUE(doc);
    EXPECT_EQ(fs::path(doc->file), fs::absolute(corpus_.path() / id).lexically_normal());
    // Of the file's bytes alone, even where a sidecar's metadata is hashed into `hash`.
    EXPECT_EQ(doc->file_hash, content_hash(testing::read_file(corpus_.path() / id)));
  }
  EXPECT_NE(stored("post.md")->hash, stored("post.md")->file_hash);
  EXPECT_EQ(stored("nemid.txt")->hash, stored("nemid.txt")->file_hash);
}

TEST_F(IndexUpdaterTest, KeepsWhenEachDocumentWasFirstIndexedWhenItsFileChanges) {
  (void)index();
  const std::string first = stored("nemid.txt")->indexed;
  EXPECT_EQ(first.size(), 27u) << first;
  EXPECT_EQ(first.back(), 'Z');
  corpus_.write("nemid.txt", "NemID lanceres i dag\n\nEn ny tekst om NemID.\n");
  corpus_.write("ny.txt", "MitID kommer\n\nEt nyt dokument.\n");
  const IndexSummary summary = index();
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(summary.added, 1);
  EXPECT_NE(stored("nemid.txt")->body.find("En ny tekst"), std::string::npos);
  EXPECT_EQ(stored("nemid.txt")->indexed, first);
  EXPECT_GT(stored("ny.txt")->indexed, first);
}

TEST_F(IndexUpdaterTest, GivesEveryDocumentOfARunItsOwnLaterStamp) {
  for (int i = 0; i < 30; ++i)
    corpus_.write("n" + std::to_string(i) + ".txt", "Dokument\n\nTekst.\n");
  (void)index();
  std::set<std::string> stamps;
  const Xapian::Database db(db_path_.string());
  const unsigned slot = *schema_.field("indexed").value_slot;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it)
    stamps.insert(*it);
  EXPECT_EQ(stamps.size(), db.get_doccount());  // so "after the newest seen" misses none
}

TEST_F(IndexUpdaterTest, StoresMetadataReadFromTheDocumentsThemselves) {
  (void)index();
  const auto doc = stored("nemid.txt");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->title, "NemID lanceres i dag");
  EXPECT_EQ(doc->date, "2010-07-01");
  EXPECT_EQ(doc->type, "pressemeddelelse");
  EXPECT_EQ(doc->source, "IT- og Telestyrelsen");
}

TEST_F(IndexUpdaterTest, LeavesUnchangedFilesUntouched) {
  (void)index();
  const Xapian::rev before = Xapian::Database(db_path_.string()).get_revision();
  const IndexSummary summary = index();
  EXPECT_EQ(summary.unchanged, 3);
  EXPECT_EQ(summary.added + summary.updated + summary.deleted, 0);
  // Only the schema stamp is rewritten: the documents keep their ids.
  EXPECT_EQ(Xapian::Database(db_path_.string()).get_lastdocid(), 3u);
  EXPECT_GE(Xapian::Database(db_path_.string()).get_revision(), before);
}

TEST_F(IndexUpdaterTest, ReindexesAChangedFile) {
  (void)index();
  corpus_.write("nemid.txt", "NemID afløses af MitID\n\n2021-10-18 Nyhed\n\nMitID er her.\n");
  const IndexSummary summary = index();
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(summary.unchanged, 2);
  EXPECT_EQ(stored("nemid.txt")->title, "NemID afløses af MitID");
  EXPECT_EQ(count(), 3u);
}

TEST_F(IndexUpdaterTest, AddsANewFileOnTheNextRun) {
  (void)index();
  corpus_.write("mitid.txt", "MitID afløser NemID\n\n18-10-2021\n\nEn ny løsning.\n");
  const IndexSummary summary = index();
  EXPECT_EQ(summary.added, 1);
  EXPECT_EQ(summary.unchanged, 3);
  EXPECT_TRUE(stored("mitid.txt"));
}

TEST_F(IndexUpdaterTest, RemovesDeletedFiles) {
  (void)index();
  fs::remove(corpus_.path() / "post.md");
  const IndexSummary summary = index();
  EXPECT_EQ(summary.deleted, 1);
  EXPECT_FALSE(stored("post.md"));
  EXPECT_EQ(count(), 2u);
}

TEST_F(IndexUpdaterTest, ReportsAFileThatIsNotTextAndIndexesTheRest) {
  corpus_.write("binær.txt", std::string("\x00\x01\x02 binary", 10));
  const IndexSummary summary = index();
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(summary.added, 3);
  EXPECT_NE(errors_.str().find("binær.txt: binary file"), std::string::npos) << errors_.str();
}

TEST_F(IndexUpdaterTest, ReportsABinaryFileNamedTxtWithTheFileName) {
  corpus_.write("billede.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const IndexSummary summary = index();
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find("billede.txt: binary file, not text"), std::string::npos)
      << errors_.str();
}

TEST_F(IndexUpdaterTest, ReportsAnUnreadableFile) {
  // A link to nothing cannot be read by anyone, root included (tests run as root in CI).
  fs::create_symlink(corpus_.path() / "findes-ikke.txt", corpus_.path() / "borte.txt");
  const IndexSummary summary = index();
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find("borte.txt: cannot read the file"), std::string::npos)
      << errors_.str();
}

TEST_F(IndexUpdaterTest, AFileThatTurnsBadKeepsItsPreviousVersion) {
  (void)index();
  corpus_.write("nemid.txt", std::string("\0\x01\x02 broken", 10));
  const IndexSummary summary = index();
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(summary.deleted, 0);
  ASSERT_TRUE(stored("nemid.txt"));
  EXPECT_EQ(stored("nemid.txt")->title, "NemID lanceres i dag");
}

TEST_F(IndexUpdaterTest, AMistypedFolderIsAnErrorBeforeAnythingIsDeleted) {
  (void)index();
  std::ostringstream errors;
  IndexUpdater updater(schema_, analyzer_, db_path_, errors);
  const std::string message = testing::thrown_message<BadInput>(
      [&] { (void)updater.run({corpus_.path().string() + "s"}); });  // "corpuss"
  EXPECT_NE(message.find("s: no such file or folder; nothing was indexed or deleted"),
            std::string::npos)
      << message;
  EXPECT_EQ(count(), 3u);
}

TEST_F(IndexUpdaterTest, ADatabaseInAFolderThatIsNotThereNamesTheFolder) {
  const fs::path db = data_.path() / "ingen-mappe" / "opslag.db";
  IndexUpdater updater(schema_, analyzer_, db, errors_);
  const std::string message =
      testing::thrown_message<BadInput>([&] { (void)updater.run({corpus_.path()}); });
  EXPECT_NE(message.find("the folder " + (data_.path() / "ingen-mappe").string() +
                         " that is to hold the database does not exist"),
            std::string::npos)
      << message;
  EXPECT_FALSE(fs::exists(db));
}

TEST_F(IndexUpdaterTest, AnEmptyFolderDeletesNothingAndSaysWhy) {
  (void)index();
  testing::TempDir empty;  // an unmounted disk looks like this
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  const IndexSummary summary = updater.run({empty.path()});
  EXPECT_EQ(summary.deleted, 0);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(count(), 3u);
  EXPECT_NE(errors_.str().find("would delete 3 of 3 documents (more than 50%), so it deleted none"),
            std::string::npos)
      << errors_.str();
}

TEST_F(IndexUpdaterTest, OneFileGivenWhereTheFolderWasMeantDeletesNothing) {
  (void)index();
  corpus_.write("ny.txt", "Ny fil\n\nOm MitID.\n");
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  const IndexSummary summary = updater.run({corpus_.path() / "ny.txt"});
  EXPECT_EQ(summary.added, 1);
  EXPECT_EQ(summary.deleted, 0);
  EXPECT_EQ(count(), 4u);
}

TEST_F(IndexUpdaterTest, AMassDeleteHappensWhenAllowed) {
  (void)index();
  testing::TempDir empty;
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  updater.set_deletion({.allow_mass_delete = true});
  EXPECT_EQ(updater.run({empty.path()}).deleted, 3);
  EXPECT_EQ(count(), 0u);
}

TEST_F(IndexUpdaterTest, AddOnlyAddsAndUpdatesButDeletesNothing) {
  (void)index();
  fs::remove(corpus_.path() / "post.md");
  corpus_.write("nemid.txt", "NemID lanceres i morgen\n\nNy tekst.\n");
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  updater.set_deletion({.delete_gone = false});
  const IndexSummary summary = updater.run({corpus_.path()});
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(summary.deleted, 0);
  EXPECT_TRUE(stored("post.md"));
}

TEST_F(IndexUpdaterTest, AFifoIsNamedAndNotReadSoTheRunDoesNotHang) {
  ASSERT_EQ(mkfifo((corpus_.path() / "rør.txt").c_str(), 0600), 0);
  const IndexSummary summary = index();
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find("rør.txt: not a regular file"), std::string::npos) << errors_.str();
}

TEST_F(IndexUpdaterTest, ALinkToADeviceIsNotRead) {
  fs::create_symlink("/dev/zero", corpus_.path() / "nul.txt");
  const IndexSummary summary = index();
  EXPECT_EQ(summary.added, 3);
  EXPECT_NE(errors_.str().find("nul.txt: a link to /dev/zero, which is not a regular file"),
            std::string::npos)
      << errors_.str();
}

TEST_F(IndexUpdaterTest, ALinkToAFileOutsideTheFolderIsNotPublished) {
  testing::TempDir outside;
  const fs::path secret = outside.write("hemmelig.txt", "Hemmelig\n\nKodeord: sesam.\n");
  fs::create_symlink(secret, corpus_.path() / "link.txt");
  fs::create_symlink("nemid.txt", corpus_.path() / "kopi.txt");  // inside: read
  const IndexSummary summary = index();
  EXPECT_EQ(summary.added, 4);
  EXPECT_FALSE(stored("link.txt"));
  EXPECT_TRUE(stored("kopi.txt"));
  EXPECT_NE(
      errors_.str().find("link.txt: a link to " + fs::canonical(secret).string() + ", outside"),
      std::string::npos)
      << errors_.str();
  IndexUpdater follows(schema_, analyzer_, db_path_, errors_);
  follows.set_follow_symlinks(true);
  EXPECT_EQ(follows.run({corpus_.path()}).added, 1);
  EXPECT_TRUE(stored("link.txt"));
}

TEST_F(IndexUpdaterTest, IgnoresHiddenAndUnsupportedFiles) {
  corpus_.write(".skjult.txt", "Skjult fil med tekst her\n");
  corpus_.write("regneark.xls", "not read");
  const IndexSummary summary = index();
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 0);
}

TEST_F(IndexUpdaterTest, IndexesASingleFileByItsName) {
  std::ostringstream errors;
  IndexUpdater updater(schema_, analyzer_, db_path_, errors);
  const IndexSummary summary = updater.run({corpus_.path() / "nemid.txt"});
  EXPECT_EQ(summary.added, 1);
  EXPECT_TRUE(stored("nemid.txt"));
}

TEST_F(IndexUpdaterTest, StampsTheSchemaVersion) {
  (void)index();
  EXPECT_NO_THROW(schema_.check_compatible(Xapian::Database(db_path_.string()), "db"));
}

TEST_F(IndexUpdaterTest, RebuildsEveryDocumentOfADatabaseFromAnotherSchemaVersion) {
  (void)index();
  {
    Xapian::WritableDatabase db(db_path_.string());
    db.set_metadata("opslag.schema_version", "0");
    db.commit();
  }
  const IndexSummary summary = index();
  EXPECT_EQ(summary.updated, 3);
  EXPECT_NO_THROW(schema_.check_compatible(Xapian::Database(db_path_.string()), "db"));
}

TEST_F(IndexUpdaterTest, ALockedDatabaseIsAClearErrorAndChangesNothing) {
  (void)index();
  Xapian::WritableDatabase holder(db_path_.string());
  corpus_.write("ny.txt", "En helt ny fil her\n");
  try {
    (void)index();
    FAIL() << "indexed while another writer held the lock";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
  }
  EXPECT_EQ(Xapian::Database(db_path_.string()).get_doccount(), 3u);
}

TEST_F(IndexUpdaterTest, ADryRunPrintsWhatItWouldDoAndChangesNothing) {
  (void)index();
  const Xapian::rev before = Xapian::Database(db_path_.string()).get_revision();
  corpus_.write("nemid.txt", "NemID lanceres i morgen\n\nNy tekst.\n");
  corpus_.write("mitid.txt", "MitID afløser NemID\n");
  fs::remove(corpus_.path() / "post.md");
  std::ostringstream plan;
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  updater.set_dry_run(&plan);
  const IndexSummary summary = updater.run({corpus_.path()});
  EXPECT_EQ(plan.str(), "add mitid.txt\nupdate nemid.txt\ndelete post.md\n");
  EXPECT_EQ(summary.added, 1);
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(summary.deleted, 1);
  EXPECT_EQ(summary.unchanged, 1);
  EXPECT_EQ(Xapian::Database(db_path_.string()).get_revision(), before);
  EXPECT_EQ(stored("nemid.txt")->title, "NemID lanceres i dag");
  EXPECT_TRUE(stored("post.md"));
}

TEST_F(IndexUpdaterTest, ADryRunOfANewDatabaseMakesNoFolder) {
  std::ostringstream plan;
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  updater.set_dry_run(&plan);
  EXPECT_EQ(updater.run({corpus_.path()}).added, 3);
  EXPECT_EQ(plan.str(), "add nemid.txt\nadd post.md\nadd sider/borger.html\n");
  EXPECT_FALSE(fs::exists(db_path_));
}

TEST_F(IndexUpdaterTest, ADryRunNeedsNoLockAndSaysWhatAMassDeleteWouldRefuse) {
  (void)index();
  Xapian::WritableDatabase holder(db_path_.string());  // another run is writing
  testing::TempDir empty;
  std::ostringstream plan;
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  updater.set_dry_run(&plan);
  const IndexSummary summary = updater.run({empty.path()});
  EXPECT_EQ(summary.deleted, 0);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(plan.str(), "");
  EXPECT_NE(errors_.str().find("would delete 3 of 3 documents"), std::string::npos)
      << errors_.str();
}

TEST_F(IndexUpdaterTest, ADryRunOfDeletionsNamesTheIdsItWouldDelete) {
  (void)index();
  std::ostringstream plan;
  IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
  updater.set_dry_run(&plan);
  const IndexSummary summary = updater.remove({"post.md", "findes-ikke.txt"});
  EXPECT_EQ(plan.str(), "delete post.md\n");
  EXPECT_EQ(summary.deleted, 1);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(count(), 3u);
}

TEST_F(IndexUpdaterTest, SummaryLineCountsEverything) {
  const IndexSummary summary = index();
  const std::string line = summary.to_string();
  EXPECT_NE(line.find("added 3, updated 0, deleted 0, unchanged 0, failed 0"), std::string::npos)
      << line;
  EXPECT_NE(line.find("documents/s"), std::string::npos) << line;
}

}  // namespace
}  // namespace opslag
