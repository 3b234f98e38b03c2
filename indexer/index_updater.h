// Brings a Xapian database in line with a set of files and JSON-lines files: adds, replaces,
// deletes, in batches that keep memory bounded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "indexer/input_preparer.h"
#include "schema/analysis/danish_analyzer.h"
#include "schema/schema.h"

namespace opslag {

/// What one indexing run did.
struct IndexSummary {
  int added = 0;
  int updated = 0;
  int deleted = 0;
  int unchanged = 0;
  int failed = 0;
  double seconds = 0;
  std::uint64_t bytes = 0;  ///< of the inputs read (uncompressed)

  /// One line: "added 3, updated 1, deleted 0, unchanged 40, failed 0 in 0.52 s (7.7
  /// documents/s, 1.2 MB/s)".
  [[nodiscard]] std::string to_string() const;
};

/// How far a run has come, for a progress bar.
struct IndexProgress {
  std::uint64_t documents = 0;    ///< documents looked at (indexed, unchanged or failed)
  std::uint64_t bytes = 0;        ///< input bytes read (compressed bytes of a .gz), for the ETA
  std::uint64_t total_bytes = 0;  ///< input bytes in all
  std::uint64_t read_bytes = 0;   ///< text read (uncompressed), for the speed
  double seconds = 0;
};

/// What the updater reads: files and folders, and JSON-lines files of many documents each.
struct IndexInputs {
  std::vector<std::filesystem::path> paths;  ///< files, or folders read recursively
  std::vector<std::filesystem::path> jsonl;  ///< JSON lines, plain or .gz
};

/// When a run may delete the documents whose inputs it no longer sees.
struct DeletionPolicy {
  /// False: add and update only (opslag-index --add).
  bool delete_gone = true;
  /// A run that would delete more than this share of the documents deletes none of them and
  /// says so (a mistyped or empty folder, one file given where a folder was meant)...
  int max_delete_percent = 50;
  /// ... unless this is set (opslag-index --allow-mass-delete).
  bool allow_mass_delete = false;
};

/// Makes the database at `db_dir` mirror its inputs: new and changed documents (by content
/// hash) are (re)indexed, documents no longer in the inputs deleted, unchanged ones left alone.
/// Inputs are read and analysed on a second thread (InputPreparer) while this one writes.
/// Changes are committed every kBatchDocuments documents (and once at the end), so memory stays
/// bounded: searchers see whole batches appear, never half a document, and an interrupted run
/// leaves the database as its last batch left it; running again finishes the work. Deletions
/// and the schema stamp come in the last commit.
class IndexUpdater {
 public:
  /// `errors` receives one line per input that fails ("FILE: reason", "FILE:LINE: reason").
  IndexUpdater(const Schema& schema, const DanishAnalyzer& analyzer, std::filesystem::path db_dir,
               std::ostream& errors);

  /// Splits the database into `count` shards (folders shard-0 ... under the database folder,
  /// listed in a XAPIANDB stub that Xapian, opslag-server and xapian-tcpsrv open as one), each
  /// document in the shard a stable hash of its id picks. A database keeps its number of
  /// shards; 0 (the default) means "as it is, or one for a new database".
  void set_shards(int count) { shards_ = count; }

  /// Writes a --rebuild on `count` threads: the new database is built as that many parts (by a
  /// stable hash of the id, in "DB.rebuild.parts"), each written on a thread of its own, then
  /// compacted into one (as xapian-compact does). 1, the default: written by one thread. A
  /// sharded database is rebuilt on one thread.
  void set_threads(int count) { threads_ = count; }

  /// Reads files that symbolic links inside a folder point to outside it too (by default they
  /// are refused: whoever can write the folder could otherwise publish any file).
  void set_follow_symlinks(bool follow) { follow_symlinks_ = follow; }

  /// The most text a document keeps, in bytes after extraction: beyond, its text is cut (at a
  /// word) and `errors` gets a line saying so; the document is indexed. Bounds the analysis's
  /// memory, which grows with a document's text.
  void set_max_document_bytes(std::size_t bytes) { max_document_bytes_ = bytes; }
  static constexpr std::size_t kMaxDocumentBytes = 4u << 20;

  /// When documents no longer in the inputs are deleted; by default up to half of them.
  void set_deletion(DeletionPolicy policy) { deletion_ = policy; }

  /// Makes run() and remove() change nothing, not even take the database's lock: instead each
  /// document they would add, update or delete is written to `plan` as a line "add ID",
  /// "update ID" or "delete ID", and the summary counts them. nullptr: change the database.
  void set_dry_run(std::ostream* plan) { plan_ = plan; }

  /// Called now and then during run() (at most every 100 ms) and once at its end.
  void on_progress(std::function<void(const IndexProgress&)> callback) {
    progress_ = std::move(callback);
  }

  /// Indexes `inputs`. Folders are read recursively for the files document_reader handles
  /// (hidden files and folders skipped, symbolic links to folders not followed, only regular
  /// files and links to regular files inside the folder read: see set_follow_symlinks); a file may
  /// have a sidecar ("rapport.pdf.json") whose metadata wins. A file or line that fails is
  /// reported and keeps its previous version. Document ids are paths relative to the folder
  /// given (a file given alone: its name), or a JSON line's "id".
  /// Throws BadInput, before anything is changed, if a path or JSON-lines file given does not
  /// exist or a folder given cannot be listed (so a mistyped folder deletes nothing); throws
  /// opslag::Error if the database cannot be opened or written (for example while another
  /// opslag-index holds its lock).
  IndexSummary run(const IndexInputs& inputs);

  /// Builds a new database of `inputs` beside the live one at the database folder (in the
  /// folder "DB.rebuild"), while the live one stays searchable and locked against other runs,
  /// then puts it in the live one's place in one atomic step (see database_replacement.h) and
  /// removes the old one: a server following the folder moves to the new database without a
  /// moment of none. Nothing is replaced when the new one would lose more documents than the
  /// deletion policy allows (the build is removed and the run counts as failed), nor when a
  /// document fails to be read (the build is kept, and the next --rebuild resumes it). An
  /// interrupted rebuild leaves the live database as it was; the next one resumes the build.
  /// Throws BadInput, before anything is changed, as run() does, and when the database folder
  /// holds files that are not the database's (all of it is replaced).
  IndexSummary rebuild(const IndexInputs& inputs);

  /// Deletes the documents with these ids, and nothing else; an id the index does not hold is
  /// reported to `errors` and counted as failed. Throws BadInput if the database does not
  /// exist, opslag::Error as run() does.
  IndexSummary remove(const std::vector<std::string>& ids);

  /// Indexes files and folders only.
  IndexSummary run(const std::vector<std::filesystem::path>& paths) {
    return run(IndexInputs{paths, {}});
  }

  /// Documents changed between commits.
  static constexpr int kBatchDocuments = 2000;

 private:
  class Run;
  /// An updater of the database at `dir` that reads inputs as this one does (links, text
  /// limit, progress, the live database to keep from), for a build beside.
  [[nodiscard]] IndexUpdater beside(const std::filesystem::path& dir) const;
  /// Builds the new database at db_dir_ as `count` parts, each written on a thread of its own
  /// (in the folder "DB.parts", resumed when an interrupted run left it), then compacts them
  /// into db_dir_.
  IndexSummary run_in_parts(const IndexInputs& inputs, int count);
  /// The files to read in `paths`. A subfolder that cannot be listed is reported, counted in
  /// `summary.failed` and added to `unlisted` (as "folder/"), whose documents are kept.
  [[nodiscard]] std::vector<InputFile> collect(const std::vector<std::filesystem::path>& paths,
                                               IndexSummary& summary,
                                               std::vector<std::string>& unlisted) const;

  const Schema& schema_;
  const DanishAnalyzer& analyzer_;
  std::filesystem::path db_dir_;
  std::ostream& errors_;
  std::function<void(const IndexProgress&)> progress_;
  int shards_ = 0;
  int threads_ = 1;
  bool lexicon_wanted_ = true;  // a sharded database's lexicon (not wanted for a build's parts)
  DeletionPolicy deletion_;
  bool follow_symlinks_ = false;
  std::size_t max_document_bytes_ = kMaxDocumentBytes;
  std::ostream* plan_ = nullptr;     // a dry run's plan; null when the run changes the database
  std::filesystem::path keep_from_;  // a rebuild's live database (see Run::keep_from)
};

}  // namespace opslag
