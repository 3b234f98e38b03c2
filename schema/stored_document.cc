// StoredDocument <-> the JSON kept in Xapian's document data.
#include "stored_document.h"

#include <nlohmann/json.hpp>

#include "errors.h"

namespace opslag {

std::string StoredDocument::to_json() const {
  const nlohmann::json j = {{"id", id},     {"title", title}, {"body", body},
                            {"date", date}, {"source", source}, {"type", type},
                            {"url", url},   {"path", path},     {"language", language},
                            {"hash", hash}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredDocument StoredDocument::from_json(std::string_view data) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(data);
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("stored document is not JSON: ") + e.what());
  }
  const auto get = [&j](const char* key) { return j.value(key, std::string()); };
  StoredDocument doc;
  doc.id = get("id");
  doc.title = get("title");
  doc.body = get("body");
  doc.date = get("date");
  doc.source = get("source");
  doc.type = get("type");
  doc.url = get("url");
  doc.path = get("path");
  doc.language = get("language");
  doc.hash = get("hash");
  return doc;
}

}  // namespace opslag
