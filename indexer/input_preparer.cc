// The indexer's preparing thread: read, hash, compare with the index, analyse.
#include "indexer/input_preparer.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <system_error>

#include "indexer/reader_process.h"
#include "indexer/readers/document_reader.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/sidecar.h"
#include "schema/content_hash.h"
#include "schema/document_terms.h"
#include "schema/errors.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

/// Why `file` cannot be read as a document, checked before it is opened.
void check_readable(const fs::path& file) {
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (ec) throw BadInput("cannot read the file: " + ec.message());
  if (fs::is_directory(status)) throw BadInput("is a folder, not a file");
  if (const auto size = fs::file_size(file, ec); !ec && size > InputPreparer::kMaxFileBytes)
    throw BadInput("file is too large (" + std::to_string(size >> 20) + " MB; the limit is " +
                   std::to_string(InputPreparer::kMaxFileBytes >> 20) + " MB)");
}

/// One pass over a file: the hash of all of it, its first bytes kept, its size.
struct FileRead {
  std::string head;
  std::uint64_t size = 0;
  ContentHash hash;
};

/// Reads `file` through in chunks, hashing every byte and keeping the first `keep`, so memory
/// does not grow with the file's size.
FileRead read_through(const fs::path& file, std::size_t keep) {
  check_readable(file);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw BadInput("cannot read the file (permission denied or gone)");
  FileRead read;
  std::vector<char> chunk(1 << 20);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    read.hash.update({chunk.data(), got});
    if (read.head.size() < keep)
      read.head.append(chunk.data(), std::min(got, keep - read.head.size()));
    read.size += got;
  }
  if (in.bad()) throw BadInput("read error");
  return read;
}

/// All of a small file (a sidecar).
std::string read_all(const fs::path& file) { return read_through(file, SIZE_MAX).head; }

/// What the indexer says of a document whose text of `from` bytes was cut to `to`.
std::string cut_note(std::size_t from, std::size_t to) {
  return "its text of " + std::to_string(from >> 10) + " KB is cut to the first " +
         std::to_string(to >> 10) + " KB (--max-document-bytes)";
}

}  // namespace

InputPreparer::InputPreparer(const Schema& schema, const DanishAnalyzer& analyzer,
                             std::string db_dir, bool rebuild, std::vector<InputFile> files,
                             std::vector<fs::path> jsonl, std::size_t max_text_bytes)
    : schema_(schema),
      analyzer_(analyzer),
      db_dir_(std::move(db_dir)),
      rebuild_(rebuild),
      max_text_bytes_(max_text_bytes),
      files_(std::move(files)),
      jsonl_(std::move(jsonl)) {
  if (!rebuild_) snapshot_ = Xapian::Database(db_dir_);
  // PDF and office files are read in processes of their own, bounded, where opslag-read is
  // installed beside this executable; else here (a test's executable, say).
  if (const fs::path program = ReaderProcess::find_program(); !program.empty()) {
    read_binary_ = [reader = ReaderProcess(program, ReaderLimits{})](
                       const fs::path& file, std::string_view head, std::size_t max_text) {
      return reader.read(file, head, max_text);
    };
  } else {
    read_binary_ = read_binary_file;
  }
  worker_ = std::thread([this] { work(); });
}

InputPreparer::~InputPreparer() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

bool InputPreparer::next(PreparedInput& out) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !queue_.empty() || done_; });
  if (queue_.empty()) {
    if (failure_) std::rethrow_exception(failure_);
    return false;
  }
  out = std::move(queue_.front());
  queue_.pop_front();
  lock.unlock();
  changed_.notify_all();
  return true;
}

void InputPreparer::push(PreparedInput&& input) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < kQueued || stop_; });
  if (stop_) throw InternalError("input preparation stopped: the index run ended first");
  queue_.push_back(std::move(input));
  lock.unlock();
  changed_.notify_all();
}

void InputPreparer::work() {
  try {
    std::uint64_t position = 0;
    for (const InputFile& input : files_) prepare_file(input, position);
    for (const fs::path& file : jsonl_) prepare_jsonl(file, position);
  } catch (...) {
    std::lock_guard lock(mutex_);
    if (!stop_) failure_ = std::current_exception();
  }
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  changed_.notify_all();
}

void InputPreparer::compare(const std::string& id, const std::string& hash, PreparedInput& out) {
  if (rebuild_) return;  // every document is rewritten; whether it existed is not known
  const std::string term = id_term(schema_, id);
  const unsigned slot = *schema_.field("hash").value_slot;
  for (int attempt = 0;; ++attempt) {
    try {
      const Xapian::PostingIterator it = snapshot_.postlist_begin(term);
      out.existed = it != snapshot_.postlist_end(term);
      out.unchanged = out.existed && snapshot_.get_document(*it).get_value(slot) == hash;
      return;
    } catch (const Xapian::DatabaseModifiedError&) {
      // The writer has committed batches since; they hold no other version of this id.
      if (attempt >= 10) throw;
      snapshot_.reopen();
    }
  }
}

void InputPreparer::finish(StoredDocument& doc, PreparedInput& out) {
  if (doc.body.size() > max_text_bytes_) {  // a JSON line's; a file's was cut as it was read
    const std::size_t size = doc.body.size();
    doc.body.resize(text_cut(doc.body, max_text_bytes_));
    doc.body.shrink_to_fit();
    out.note = cut_note(size, doc.body.size());
  }
  doc.title = short_title(std::move(doc.title));
  out.xdoc = make_xapian_document(schema_, analyzer_, doc, &out.compounds);
  out.spellings = spelling_words(out.xdoc);
}

void InputPreparer::prepare_file(const InputFile& input, std::uint64_t& position) {
  PreparedInput out;
  out.id = input.id;
  out.where = input.file.string();
  try {
    FileRead file = read_through(input.file, head_bytes(input.file, max_text_bytes_));
    out.bytes = file.size;
    position += file.size;
    std::error_code ec;
    const fs::path sidecar = sidecar_of(input.file);
    const std::string meta = fs::exists(sidecar, ec) ? read_all(sidecar) : "";
    const std::string file_hash = file.hash.hex();
    if (!meta.empty()) {  // the hash of the file's bytes, a NUL and the sidecar's
      file.hash.update(std::string_view("\0", 1));
      file.hash.update(meta);
    }
    const std::string hash = file.hash.hex();
    compare(input.id, hash, out);
    if (!out.unchanged) {
      TextLimit limit{max_text_bytes_};
      StoredDocument doc =
          read_document_file(input.file, file.head, file.size, analyzer_, &limit, &read_binary_);
      if (limit.cut_from) out.note = cut_note(limit.cut_from, doc.body.size());
      if (!meta.empty()) {
        try {
          apply_sidecar(meta, analyzer_, doc);
        } catch (const BadInput& e) {
          throw BadInput(sidecar.string() + ": " + e.what());
        }
      }
      doc.id = input.id;
      doc.path = input.file.generic_string();
      doc.hash = hash;
      doc.file = fs::absolute(input.file).lexically_normal().generic_string();
      doc.file_hash = file_hash;
      finish(doc, out);
    }
  } catch (const InternalError&) {
    throw;  // not the file's fault: it stops the run
  } catch (const Error& e) {
    out.error = e.what();
  } catch (const Xapian::InvalidArgumentError& e) {
    out.error = e.get_msg();
  }
  out.position = position;
  push(std::move(out));
}

void InputPreparer::prepare_jsonl(const fs::path& file, std::uint64_t& position) {
  const std::uint64_t before = position;
  std::error_code ec;
  const std::uint64_t size = fs::file_size(file, ec) * !ec;
  try {
    JsonlReader reader(file);
    for (std::string line; reader.next(line);) {
      PreparedInput out;
      out.where = file.string() + ":" + std::to_string(reader.line_number());
      out.bytes = line.size();
      try {
        if (reader.oversized())
          throw BadInput("the line is " + std::to_string(reader.oversized() >> 20) +
                         " MB, more than the " + std::to_string(JsonlReader::kMaxLineBytes >> 20) +
                         " MB a document's line may hold: skipped");
        StoredDocument doc = document_from_json(line, analyzer_);
        out.id = doc.id;
        doc.hash = content_hash(line);
        compare(doc.id, doc.hash, out);
        if (!out.unchanged) {
          doc.path = file.generic_string();
          if (doc.title.empty()) doc.title = doc.id;
          if (doc.type.empty()) doc.type = "dokument";
          finish(doc, out);
        }
      } catch (const InternalError&) {
        throw;
      } catch (const Error& e) {
        out.error = e.what();
        out.protect = file;
      } catch (const Xapian::InvalidArgumentError& e) {
        out.error = e.get_msg();
        out.protect = file;
      }
      out.position = before + reader.offset();
      push(std::move(out));
    }
  } catch (const InternalError&) {
    throw;
  } catch (const Error& e) {
    PreparedInput out;
    out.where = file.string();
    out.error = e.what();
    out.protect = file;
    out.position = before + size;
    push(std::move(out));
  }
  position = before + size;
}

}  // namespace opslag
