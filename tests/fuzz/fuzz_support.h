// What the fuzz targets share: the project's schema and analyzer, loaded once, and checks that
// stop the run (a finding) when a documented promise does not hold.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "indexer/readers/document_reader.h"
#include "schema/analysis/danish_analyzer.h"
#include "schema/analysis/icu_text.h"
#include "schema/document_terms.h"
#include "schema/errors.h"
#include "schema/program_info.h"
#include "schema/schema.h"
#include "schema/stored_document.h"

/// Aborts with the file, line and condition when `condition` is false: libFuzzer then keeps the
/// input as a crash. A macro, so the message names the check that failed.
#define FUZZ_CHECK(condition)                                                            \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (false)

namespace opslag::fuzz {

/// The project's schema/schema.json (synonyms, stop words, compounds and all), loaded once.
inline const Schema& schema() {
  static const Schema loaded = Schema::load(opslag::default_schema_file());
  return loaded;
}

/// The analysis chain the indexer and the server use, made once.
inline const DanishAnalyzer& analyzer() {
  static const DanishAnalyzer made(schema());
  return made;
}

/// The fuzz input as text (any bytes).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// True for "" or a real calendar date written "YYYY-MM-DD".
inline bool is_iso_date_or_empty(std::string_view date) {
  if (date.empty()) return true;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return false;
  const int year = std::stoi(std::string(date.substr(0, 4)));
  const int month = std::stoi(std::string(date.substr(5, 2)));
  const int day = std::stoi(std::string(date.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1] &&
         !(month == 2 && day == 29 && !leap);
}

/// True for valid UTF-8 in NFC, as every text field of a read document must be.
inline bool is_nfc(std::string_view text) {
  return text::is_valid_utf8(text) && analyzer().normalize(text) == text;
}

/// Checks what read_document() and the other readers promise of a document, then indexes it as
/// the indexer would: no term over Xapian's 245 bytes (a longer one fails the whole commit).
inline void check_document(const StoredDocument& doc) {
  FUZZ_CHECK(is_nfc(doc.title));
  FUZZ_CHECK(is_nfc(doc.body));
  FUZZ_CHECK(is_nfc(doc.source));
  FUZZ_CHECK(text::is_valid_utf8(doc.type));
  FUZZ_CHECK(text::is_valid_utf8(doc.url));
  FUZZ_CHECK(is_iso_date_or_empty(doc.date));
  const Xapian::Document xdoc = make_xapian_document(schema(), analyzer(), doc);
  for (auto term = xdoc.termlist_begin(); term != xdoc.termlist_end(); ++term)
    FUZZ_CHECK((*term).size() <= 245);
  FUZZ_CHECK(StoredDocument::from_data(xdoc.get_data()).body == doc.body);
}

/// Reads `bytes` as the file `name` (its extension picks the reader) the way the indexer does,
/// and checks the document. BadInput, the reasons a file is refused, is an expected outcome.
inline void read_and_check(const char* name, std::string_view bytes) {
  StoredDocument doc;
  try {
    doc = read_document(name, bytes, analyzer());
  } catch (const BadInput&) {
    return;
  }
  FUZZ_CHECK(!doc.title.empty());
  FUZZ_CHECK(!doc.type.empty());
  check_document(doc);
}

}  // namespace opslag::fuzz
