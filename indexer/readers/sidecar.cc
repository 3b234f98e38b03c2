// Sidecar metadata: a small JSON object beside a document.
#include "indexer/readers/sidecar.h"

#include <nlohmann/json.hpp>

#include "indexer/readers/danish_dates.h"
#include "schema/errors.h"

namespace opslag {

std::filesystem::path sidecar_of(const std::filesystem::path& file) {
  return std::filesystem::path(file.string() + ".json");
}

void apply_sidecar(std::string_view json, const DanishAnalyzer& analyzer, StoredDocument& doc) {
  nlohmann::json meta;
  try {
    meta = nlohmann::json::parse(json);
  } catch (const nlohmann::json::exception& e) {  // out_of_range too, for a number like 1e400
    throw BadInput(std::string("sidecar is not valid JSON: ") + e.what());
  }
  if (!meta.is_object()) throw BadInput("sidecar must be a JSON object");
  const std::map<std::string, std::string*> fields = {
      {"title", &doc.title}, {"source", &doc.source},     {"type", &doc.type},
      {"url", &doc.url},     {"language", &doc.language}, {"date", nullptr}};
  for (const auto& [key, value] : meta.items()) {
    const auto field = fields.find(key);
    if (field == fields.end())
      throw BadInput("sidecar has unknown key \"" + key +
                     "\" (known: title, date, source, type, url, language)");
    if (!value.is_string()) throw BadInput("sidecar \"" + key + "\" must be a string");
    const std::string text = analyzer.normalize(value.get<std::string>());
    if (field->second) {
      *field->second = text;
      continue;
    }
    const auto date = parse_danish_date(text);
    if (!date) throw BadInput("sidecar \"date\" is not a date: " + text);
    doc.date = *date;
  }
}

}  // namespace opslag
