// Fuzzes sidecar metadata (rapport.pdf.json) applied over what a reader found.
#include "indexer/readers/sidecar.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  StoredDocument doc;
  doc.id = "rapport.pdf";
  doc.title = "Rapport om NemID";
  doc.body = "NemID afløses af MitID.";
  doc.type = "rapport";
  try {
    apply_sidecar(fuzz::as_text(data, size), fuzz::analyzer(), doc);
  } catch (const BadInput&) {
    return 0;  // documented: not JSON, an unknown key, a value not a string, a bad date
  }
  FUZZ_CHECK(fuzz::is_nfc(doc.type) && fuzz::is_nfc(doc.url) && fuzz::is_nfc(doc.language));
  fuzz::check_document(doc);
  return 0;
}
