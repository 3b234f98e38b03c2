// Tests bulk and hostile input to the indexer: JSON lines (plain and gzip), sidecars, files
// too large, symbolic links that loop, batches, and what each failure keeps.
#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <sstream>

#include "indexer/index_updater.h"
#include "schema/errors.h"
#include "schema/stored_document.h"
#include "tests/support/temp_dir.h"
#include "tests/support/thrown_message.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

/// `text` gzip-compressed.
std::string gzip(const std::string& text) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

const std::string kLines =
    R"({"id": "a1", "title": "NemID lanceres", "date": "2010-07-01", "source": "Digitaliseringsstyrelsen", "url": null, "body": "NemID afløser den digitale signatur."})"
    "\n"
    R"({"id": 2, "title": "Digital Post", "date": "01-11-2014", "source": "KL", "body": "Breve fra det offentlige kommer i Digital Post."})"
    "\n\n"
    R"({"id": "a3", "title": "MitID", "body": "MitID afløser NemID i 2021.", "type": "nyhed"})"
    "\n";

class BulkInputTest : public ::testing::Test {
 protected:
  IndexSummary index(const IndexInputs& inputs) {
    errors_.str("");
    IndexUpdater updater(testing::project_schema(), analyzer_, db_path_, errors_);
    return updater.run(inputs);
  }
  IndexSummary index_jsonl(const fs::path& file) { return index({{}, {file}}); }

  std::optional<StoredDocument> stored(const std::string& id) const {
    Xapian::Database db(db_path_.string());
    const auto it = db.postlist_begin("Q" + id);
    if (it == db.postlist_end("Q" + id)) return std::nullopt;
    return StoredDocument::from_data(db.get_document(*it).get_data());
  }

  DanishAnalyzer analyzer_{testing::project_schema()};
  testing::TempDir dir_;
  testing::TempDir data_;
  fs::path db_path_ = data_.path() / "db";
  std::ostringstream errors_;
};

TEST_F(BulkInputTest, IndexesEveryJsonLineWithItsMetadata) {
  const IndexSummary summary = index_jsonl(dir_.write("docs.jsonl", kLines));
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 0) << errors_.str();
  const auto doc = stored("a1");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->title, "NemID lanceres");
  EXPECT_EQ(doc->date, "2010-07-01");
  EXPECT_EQ(doc->source, "Digitaliseringsstyrelsen");
  EXPECT_EQ(doc->body, "NemID afløser den digitale signatur.");
  EXPECT_EQ(stored("2")->date, "2014-11-01");  // a numeric id, a Danish date
  EXPECT_EQ(stored("a3")->type, "nyhed");
}

TEST_F(BulkInputTest, ReadsGzipCompressedJsonLines) {
  const IndexSummary summary = index_jsonl(dir_.write("docs.jsonl.gz", gzip(kLines)));
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 0) << errors_.str();
}

TEST_F(BulkInputTest, SkipsUnchangedLinesOnTheNextRun) {
  const fs::path file = dir_.write("docs.jsonl", kLines);
  (void)index_jsonl(file);
  const IndexSummary again = index_jsonl(file);
  EXPECT_EQ(again.unchanged, 3);
  EXPECT_EQ(again.added + again.updated + again.deleted, 0);
}

TEST_F(BulkInputTest, ALineLongerThanALineMayBeIsSkippedUnreadAndTheRestIndexed) {
  // 40 MB of text that gzip makes 40 KB of: the reader must not hold it, let alone parse it.
  const std::string huge = R"({"id": "stor", "body": ")" + std::string(40u << 20, 'a') + "\"}\n";
  std::string lines = kLines;
  lines.insert(lines.find('\n') + 1, huge);
  const fs::path file = dir_.write("docs.jsonl.gz", gzip(lines));
  const IndexSummary summary = index_jsonl(file);
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find(file.string() +
                               ":2: the line is 40 MB, more than the 32 MB a document's line may "
                               "hold: skipped"),
            std::string::npos)
      << errors_.str();
  EXPECT_FALSE(stored("stor"));
}

TEST_F(BulkInputTest, AnInterruptedFirstRunIsSearchableUpToItsLastBatchAndResumed) {
  std::string lines;
  const int count = 4 * IndexUpdater::kBatchDocuments + 500;
  for (int i = 0; i < count; ++i)
    lines += R"({"id": "d)" + std::to_string(i) + R"(", "body": "NemID nummer )" +
             std::to_string(i) + "\"}\n";
  const fs::path file = dir_.write("docs.jsonl", lines);
  {
    IndexUpdater updater(testing::project_schema(), analyzer_, db_path_, errors_);
    // Stopped as a kill would stop it: past the first batch's commit, before the end.
    updater.on_progress([&](const IndexProgress& p) {
      if (p.documents > IndexUpdater::kBatchDocuments && p.documents < std::uint64_t(count))
        throw std::runtime_error("interrupted");
    });
    EXPECT_THROW((void)updater.run(IndexInputs{{}, {file}}), std::runtime_error);
  }
  const Xapian::Database db(db_path_.string());
  const auto committed = static_cast<int>(db.get_doccount());  // whole batches
  EXPECT_GE(committed, IndexUpdater::kBatchDocuments);
  EXPECT_LT(committed, count);
  EXPECT_EQ(committed % IndexUpdater::kBatchDocuments, 0);
  EXPECT_NO_THROW(testing::project_schema().check_compatible(db, db_path_.string()))
      << "the server would refuse the database";
  const IndexSummary summary = index_jsonl(file);
  EXPECT_EQ(summary.unchanged, committed) << "the next run redid the work";
  EXPECT_EQ(summary.added, count - committed);
}

TEST_F(BulkInputTest, NamesTheFileAndLineOfABadRecordAndIndexesTheRest) {
  const fs::path file =
      dir_.write("docs.jsonl", kLines + "{\"id\": \"x\", \"body\": \n" +
                                   R"({"title": "uden id", "body": "tekst"})" + "\n" +
                                   R"({"id": "d", "body": "tekst", "date": "i går"})" + "\n" +
                                   R"({"id": "e", "title": "uden tekst"})" + "\n");
  const IndexSummary summary = index_jsonl(file);
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 4);
  const std::string errors = errors_.str();
  EXPECT_NE(errors.find(file.string() + ":5: not valid JSON"), std::string::npos) << errors;
  EXPECT_NE(errors.find(file.string() + ":6: no \"id\""), std::string::npos) << errors;
  EXPECT_NE(errors.find(file.string() + ":7: \"date\" is not a date: i går"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find(file.string() + ":8: no \"body\""), std::string::npos) << errors;
}

// Guards a bug the fuzzer found: a number too large for a double (1e400) made nlohmann-json
// throw out_of_range, not parse_error, which escaped as a fatal error and stopped the run.
TEST_F(BulkInputTest, ALineWithANumberOutOfRangeIsRefusedAndTheRestIndexed) {
  const fs::path file =
      dir_.write("docs.jsonl", kLines + R"({"id": "big", "body": "tekst", "pages": 1e400})" + "\n");
  const IndexSummary summary = index_jsonl(file);
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find(file.string() + ":5: not valid JSON"), std::string::npos)
      << errors_.str();
}

// Guards a bug the fuzzer found: an id over 244 bytes made a term longer than Xapian takes, and
// adding the document aborted the whole indexer.
TEST_F(BulkInputTest, ALineWithAnIdTooLongIsRefusedAndTheRestIndexed) {
  const std::string id(245, 'x');
  const fs::path file =
      dir_.write("docs.jsonl", kLines + R"({"id": ")" + id + R"(", "body": "tekst"})" + "\n");
  const IndexSummary summary = index_jsonl(file);
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find(file.string() + ":5: id is too long"), std::string::npos)
      << errors_.str();
  EXPECT_EQ(index_jsonl(file).unchanged, 3) << errors_.str();  // and again, over the index
}

TEST_F(BulkInputTest, RefusesAnIdUsedTwice) {
  const fs::path file = dir_.write(
      "docs.jsonl", kLines + R"({"id": "a1", "body": "Et andet dokument med samme id."})" + "\n");
  const IndexSummary summary = index_jsonl(file);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find(":5: id \"a1\" is used twice"), std::string::npos) << errors_.str();
  EXPECT_EQ(stored("a1")->title, "NemID lanceres");
}

TEST_F(BulkInputTest, ATruncatedGzipKeepsWhatWasIndexedFromIt) {
  std::string many;
  for (int i = 0; i < 400; ++i)
    many += R"({"id": "n)" + std::to_string(i) + R"(", "body": "Dokument nummer )" +
            std::to_string(i * 7919) + R"( om NemID og Digital Post."})" + "\n";
  const std::string whole = gzip(many);
  const fs::path file = dir_.write("docs.jsonl.gz", whole);
  ASSERT_EQ(index_jsonl(file).added, 400);
  dir_.write("docs.jsonl.gz", whole.substr(0, whole.size() / 2));
  const IndexSummary summary = index_jsonl(file);
  EXPECT_GE(summary.failed, 1);
  EXPECT_EQ(summary.deleted, 0);
  EXPECT_NE(errors_.str().find("cannot read on"), std::string::npos) << errors_.str();
  EXPECT_EQ(Xapian::Database(db_path_.string()).get_doccount(), 400u);
}

TEST_F(BulkInputTest, AMissingJsonLinesFileIsNamedBeforeAnythingIsChanged) {
  const std::string message = testing::thrown_message<BadInput>(
      [&] { (void)index_jsonl(dir_.path() / "findes-ikke.jsonl"); });
  EXPECT_NE(message.find("findes-ikke.jsonl: no such JSON-lines file; nothing was"),
            std::string::npos)
      << message;
}

TEST_F(BulkInputTest, ASidecarOverridesTheMetadataReadFromTheFile) {
  dir_.write("notat.txt", "Et notat om NemID\n\n01-02-2003\n\nTekst om NemID.\n");
  dir_.write("notat.txt.json",
             R"({"title": "Notat om NemID", "date": "2009-09-09", "source": "Finansministeriet"})");
  ASSERT_EQ(index({{dir_.path()}, {}}).added, 1) << errors_.str();
  EXPECT_EQ(stored("notat.txt")->title, "Notat om NemID");
  EXPECT_EQ(stored("notat.txt")->date, "2009-09-09");
  EXPECT_EQ(stored("notat.txt")->source, "Finansministeriet");
}

TEST_F(BulkInputTest, AChangedSidecarReindexesItsFile) {
  dir_.write("notat.txt", "Et notat om NemID\n\nTekst om NemID.\n");
  (void)index({{dir_.path()}, {}});
  dir_.write("notat.txt.json", R"({"type": "notat"})");
  const IndexSummary summary = index({{dir_.path()}, {}});
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(stored("notat.txt")->type, "notat");
}

TEST_F(BulkInputTest, ABadSidecarIsNamedAndTheFileKeepsItsPreviousVersion) {
  dir_.write("notat.txt", "Et notat om NemID\n\nTekst om NemID.\n");
  (void)index({{dir_.path()}, {}});
  const fs::path sidecar = dir_.write("notat.txt.json", R"({"forfatter": "Hansen"})");
  const IndexSummary summary = index({{dir_.path()}, {}});
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find(sidecar.string() + ": sidecar has unknown key \"forfatter\""),
            std::string::npos)
      << errors_.str();
  EXPECT_EQ(stored("notat.txt")->title, "Et notat om NemID");
}

// Guards a bug the fuzzer found: a sidecar with a number like 1e400 stopped the whole run.
TEST_F(BulkInputTest, ASidecarWithANumberOutOfRangeIsNamedAndTheRestIndexed) {
  dir_.write("notat.txt", "Et notat om NemID\n\nTekst om NemID.\n");
  dir_.write("andet.txt", "Et andet notat\n\nTekst om MitID.\n");
  const fs::path sidecar = dir_.write("notat.txt.json", R"({"title": "Notat", "x": 1e400})");
  const IndexSummary summary = index({{dir_.path()}, {}});
  EXPECT_EQ(summary.added, 1);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find(sidecar.string() + ": sidecar is not valid JSON"), std::string::npos)
      << errors_.str();
}

TEST_F(BulkInputTest, RefusesAFileTooLargeWithoutReadingIt) {
  const fs::path big = dir_.path() / "stor.txt";
  std::ofstream(big).put('x');
  fs::resize_file(big, std::uintmax_t{400} << 20);  // sparse: no disk used
  dir_.write("lille.txt", "Et lille notat\n\nOm NemID.\n");
  const IndexSummary summary = index({{dir_.path()}, {}});
  EXPECT_EQ(summary.added, 1);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(errors_.str().find("stor.txt: file is too large (400 MB; the limit is 256 MB)"),
            std::string::npos)
      << errors_.str();
}

TEST_F(BulkInputTest, ASymbolicLinkLoopIsReportedAndFolderLinksAreNotFollowed) {
  dir_.write("a/notat.txt", "Et notat om NemID\n\nTekst.\n");
  fs::create_symlink("løkke.txt", dir_.path() / "løkke.txt");
  fs::create_directory_symlink(dir_.path(), dir_.path() / "a" / "tilbage");
  const IndexSummary summary = index({{dir_.path()}, {}});
  EXPECT_EQ(summary.added, 1);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_NE(
      errors_.str().find("løkke.txt: cannot read the file: Too many levels of symbolic links"),
      std::string::npos)
      << errors_.str();
}

TEST_F(BulkInputTest, CommitsInBatchesAndReportsProgressToTheEnd) {
  std::string many;
  const int n = IndexUpdater::kBatchDocuments + 10;
  for (int i = 0; i < n; ++i)
    many +=
        R"({"id": ")" + std::to_string(i) + R"(", "body": "NemID )" + std::to_string(i) + "\"}\n";
  const fs::path file = dir_.write("mange.jsonl", many);
  IndexProgress last;
  int calls = 0;
  IndexUpdater updater(testing::project_schema(), analyzer_, db_path_, errors_);
  updater.on_progress([&](const IndexProgress& p) {
    last = p;
    ++calls;
  });
  const IndexSummary summary = updater.run(IndexInputs{{}, {file}});
  EXPECT_EQ(summary.added, n);
  EXPECT_GE(calls, 1);
  EXPECT_EQ(last.documents, static_cast<std::uint64_t>(n));
  EXPECT_EQ(last.bytes, last.total_bytes);
  // The first batch was its own commit, the rest and the stamp another: two revisions.
  EXPECT_GE(Xapian::Database(db_path_.string()).get_revision(), 2u);
}

}  // namespace
}  // namespace opslag
