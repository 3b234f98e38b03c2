// The document as the indexer stores it in Xapian and the server reads it back.
#pragma once

#include <string>
#include <string_view>

namespace opslag {

/// A document's metadata and text. The indexer fills it from a file; it is kept in the Xapian
/// document's data (see to_data()), so the server can return and highlight it.
struct StoredDocument {
  std::string id;  ///< stable id: the file's path relative to the folder indexed
  std::string title;
  std::string body;    ///< plain text, NFC, paragraphs separated by blank lines
  std::string date;    ///< "YYYY-MM-DD", or empty when the document has none
  std::string source;  ///< publisher
  std::string type;    ///< strategi, pressemeddelelse, klumme, rapport, ...
  std::string url;     ///< where it was published, or empty
  std::string path;    ///< the file it was read from, relative to the folder indexed
  std::string language = "da";
  std::string hash;  ///< content hash of the file (and its sidecar), to skip unchanged files
  /// The file it was read from as an absolute path, for serving the original; empty for a
  /// document of a JSON-lines file, and for one an older opslag-index wrote (--rebuild adds it).
  std::string file;
  std::string file_hash;  ///< content hash of `file`'s bytes alone (see content_hash.h)
  /// When opslag-index first indexed this document, as UTC "YYYY-MM-DDTHH:MM:SS.ffffffZ" (so
  /// that text order is time order); kept when a changed file is reindexed. Kept in a value
  /// slot, not in to_data(): see read_stored_document() in document_terms.h.
  std::string indexed;

  /// The year of `date`, or empty.
  [[nodiscard]] std::string year() const { return date.size() >= 4 ? date.substr(0, 4) : ""; }

  /// What is kept in Xapian's document data: the metadata as a JSON object, a NUL byte, then
  /// the body as it is (searches read it for every hit; unescaping JSON would cost more).
  [[nodiscard]] std::string to_data() const;

  /// Reads what to_data() wrote. Throws IndexUnavailable (an opslag::Error) saying the
  /// document is damaged if `data` is not in that form.
  [[nodiscard]] static StoredDocument from_data(std::string_view data);
};

}  // namespace opslag
