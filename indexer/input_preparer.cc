// The indexer's preparing thread: read, hash, compare with the index, analyse.
#include "indexer/input_preparer.h"

#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include "indexer/readers/document_reader.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/sidecar.h"
#include "schema/document_terms.h"
#include "schema/errors.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& file) {
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (ec) throw BadInput("cannot read the file: " + ec.message());
  if (fs::is_directory(status)) throw BadInput("is a folder, not a file");
  if (const auto size = fs::file_size(file, ec); !ec && size > InputPreparer::kMaxFileBytes)
    throw BadInput("file is too large (" + std::to_string(size >> 20) + " MB; the limit is " +
                   std::to_string(InputPreparer::kMaxFileBytes >> 20) + " MB)");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw BadInput("cannot read the file (permission denied or gone)");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw BadInput("read error");
  return out.str();
}

/// What the indexer says of a document whose text of `from` bytes was cut to `to`.
std::string cut_note(std::size_t from, std::size_t to) {
  return "its text of " + std::to_string(from >> 10) + " KB is cut to the first " +
         std::to_string(to >> 10) + " KB (--max-document-bytes)";
}

std::string content_hash(std::string_view bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
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
  out.xdoc = make_xapian_document(schema_, analyzer_, doc, &out.compounds);
  out.spellings = spelling_words(out.xdoc);
}

void InputPreparer::prepare_file(const InputFile& input, std::uint64_t& position) {
  PreparedInput out;
  out.id = input.id;
  out.where = input.file.string();
  try {
    const std::string bytes = read_bytes(input.file);
    out.bytes = bytes.size();
    position += bytes.size();
    std::error_code ec;
    const fs::path sidecar = sidecar_of(input.file);
    const std::string meta = fs::exists(sidecar, ec) ? read_bytes(sidecar) : "";
    const std::string hash = content_hash(meta.empty() ? bytes : bytes + '\0' + meta);
    compare(input.id, hash, out);
    if (!out.unchanged) {
      TextLimit limit{max_text_bytes_};
      StoredDocument doc = read_document(input.file, bytes, analyzer_, &limit);
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
