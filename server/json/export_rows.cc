// CSV and JSON-lines rows.
#include "server/json/export_rows.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

namespace opslag {
namespace {

std::string score_text(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", std::round(score * 1000) / 1000);
  return text;
}

std::vector<std::string> fields(const Hit& hit) {
  return {hit.doc.id,   hit.doc.title, hit.doc.date,          hit.doc.source,
          hit.doc.type, hit.doc.url,   score_text(hit.score), hit.snippet.text};
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

std::string csv_header() {
  std::string out = "\xEF\xBB\xBF";
  for (const char* column : kExportColumns)
    out += (out.size() > 3 ? "," : "") + std::string(column);
  return out + "\r\n";
}

std::string csv_row(const Hit& hit) {
  const std::vector<std::string> values = fields(hit);
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + csv_field(values[i]);
  return out + "\r\n";
}

std::string jsonl_row(const Hit& hit) {
  nlohmann::ordered_json row;
  const std::vector<std::string> values = fields(hit);
  for (std::size_t i = 0; i < values.size(); ++i) row[kExportColumns[i]] = values[i];
  row["score"] = std::round(hit.score * 1000) / 1000;
  return row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

}  // namespace opslag
