// StoredDocument <-> what is kept in Xapian's document data.
#include "schema/stored_document.h"

#include <nlohmann/json.hpp>

#include "schema/errors.h"

namespace opslag {

std::string StoredDocument::to_data() const {
  nlohmann::json j = {{"id", id},         {"title", title},       {"date", date},
                      {"source", source}, {"type", type},         {"url", url},
                      {"path", path},     {"language", language}, {"hash", hash}};
  if (!file.empty()) {
    j["file"] = file;
    j["file_hash"] = file_hash;
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\0' + body;
}

StoredDocument StoredDocument::from_data(std::string_view data) {
  // The JSON never holds a raw NUL (it escapes one as \u0000), so the first NUL ends it.
  const std::size_t end = data.find('\0');
  if (end == std::string_view::npos)
    throw IndexUnavailable("a stored document is damaged: it has no body separator");
  try {
    const nlohmann::json j = nlohmann::json::parse(data.substr(0, end));
    const auto get = [&j](const char* key) { return j.value(key, std::string()); };
    StoredDocument doc;
    doc.id = get("id");
    doc.title = get("title");
    doc.body = std::string(data.substr(end + 1));
    doc.date = get("date");
    doc.source = get("source");
    doc.type = get("type");
    doc.url = get("url");
    doc.path = get("path");
    doc.language = get("language");
    doc.hash = get("hash");
    doc.file = get("file");
    doc.file_hash = get("file_hash");
    return doc;
  } catch (const nlohmann::json::exception& e) {
    throw IndexUnavailable(std::string("a stored document is damaged: its metadata is not the "
                                       "JSON opslag-index writes: ") +
                           e.what());
  }
}

}  // namespace opslag
