// Reads, hashes and analyses the indexer's inputs on a thread of its own, so the writer and the
// analysis run on both cores at once.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "indexer/readers/document_reader.h"
#include "schema/analysis/danish_analyzer.h"
#include "schema/document_terms.h"
#include "schema/schema.h"

namespace opslag {

/// A file to index and the id it gets.
struct InputFile {
  std::filesystem::path file;
  std::string id;
};

/// One input, ready for the writer: a document to store, one the index holds already, or a
/// failure to report.
struct PreparedInput {
  std::string id;     ///< the document's id; empty when the input failed before it was known
  std::string where;  ///< the file, or FILE:LINE, for messages
  std::string error;  ///< why the input failed; empty when it did not
  std::string note;   ///< what was done to it that its reader should know (its text was cut)
  /// Set when part of a JSON-lines file could not be read: its documents must be kept.
  std::filesystem::path protect;
  bool unchanged = false;  ///< the index holds this id with this content already
  /// The index held this id when the run began (or may have: unknown when rebuilding).
  bool existed = true;
  Xapian::Document xdoc;
  std::vector<std::string> spellings;   ///< the words it adds to the spelling data
  std::vector<CompoundWord> compounds;  ///< its compounds, for the compound expansions
  std::uint64_t position = 0;           ///< input bytes read so far (compressed, for a .gz)
  std::uint64_t bytes = 0;              ///< bytes of this input as read (uncompressed)
};

/// Prepares every input in order on a worker thread: reads it, hashes it, skips it if the
/// database at `db_dir` already holds that id with that hash (unless `rebuild`), else reads
/// the document (with its sidecar) and builds its Xapian document. At most kQueued inputs wait
/// for the writer, so memory stays bounded. The destructor stops the worker.
class InputPreparer {
 public:
  /// A document's text beyond `max_text_bytes` (after extraction) is cut, and noted.
  InputPreparer(const Schema& schema, const DanishAnalyzer& analyzer, std::string db_dir,
                bool rebuild, std::vector<InputFile> files,
                std::vector<std::filesystem::path> jsonl, std::size_t max_text_bytes);
  ~InputPreparer();
  InputPreparer(const InputPreparer&) = delete;
  InputPreparer& operator=(const InputPreparer&) = delete;

  /// The next input, in order; false when there are no more. Rethrows what stopped the worker.
  bool next(PreparedInput& out);

  static constexpr std::size_t kQueued = 64;
  /// Files larger than this are refused, not read.
  static constexpr std::uintmax_t kMaxFileBytes = 256u << 20;

 private:
  void work();
  void prepare_file(const InputFile& input, std::uint64_t& position);
  void prepare_jsonl(const std::filesystem::path& file, std::uint64_t& position);
  /// Builds the Xapian document of `doc` into `out`, its text cut to max_text_bytes_.
  void finish(StoredDocument& doc, PreparedInput& out);
  /// Whether the index holds `id`, and with content `hash`, into `out`.
  void compare(const std::string& id, const std::string& hash, PreparedInput& out);
  void push(PreparedInput&& input);

  const Schema& schema_;
  const DanishAnalyzer& analyzer_;
  std::string db_dir_;
  bool rebuild_;
  std::size_t max_text_bytes_;
  std::vector<InputFile> files_;
  std::vector<std::filesystem::path> jsonl_;
  Xapian::Database snapshot_;  // the index as the run found it, for the unchanged check
  BinaryReader read_binary_;   // PDF and office files, in opslag-read when it is there

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<PreparedInput> queue_;
  bool done_ = false;
  bool stop_ = false;
  std::exception_ptr failure_;
  std::thread worker_;
};

}  // namespace opslag
