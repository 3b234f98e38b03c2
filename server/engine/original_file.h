// The file a document was indexed from, read back to be served as it was indexed.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>

#include "schema/content_hash.h"
#include "schema/errors.h"
#include "schema/stored_document.h"

namespace opslag {

/// Why a document's original file cannot be served: status() is 404 (no file, or gone) or 409
/// (changed since it was indexed). The message names the document, never the server's path.
class OriginalUnavailable : public Error {
 public:
  OriginalUnavailable(int status, const std::string& message) : Error(message), status_(status) {}
  [[nodiscard]] int status() const { return status_; }

 private:
  int status_;
};

/// A document's original file, opened only from the path opslag-index recorded for it and
/// checked against the hash it recorded, so a request can never name a path and a changed file
/// is refused rather than served. Reads stay on the one open file: a file replaced after the
/// check is not read. Not thread-safe: one per request.
class OriginalFile {
 public:
  /// Opens and checks `doc`'s file (reading it through once). Throws OriginalUnavailable.
  explicit OriginalFile(const StoredDocument& doc);

  [[nodiscard]] std::uintmax_t size() const { return size_; }
  /// The media type its extension says ("application/pdf"); text types with charset=utf-8.
  [[nodiscard]] const std::string& media_type() const { return media_type_; }
  /// The file's name without its folders ("rapport.pdf").
  [[nodiscard]] const std::string& name() const { return name_; }

  /// Up to `length` bytes from `offset` into `out`. False if the file can no longer be read,
  /// or if it turns out to have changed since the check (read through from the start, its
  /// bytes no longer hash as indexed): the answer must then be broken off.
  [[nodiscard]] bool read(std::uintmax_t offset, std::size_t length, std::string& out);

 private:
  std::ifstream in_;
  std::uintmax_t size_ = 0;
  std::string media_type_;
  std::string name_;
  std::string expected_hash_;
  ContentHash served_;            // of the bytes read so far in order from the start
  std::uintmax_t hashed_to_ = 0;  // how far `served_` reaches
};

}  // namespace opslag
