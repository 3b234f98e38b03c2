// JSON lines: streaming with zlib, one document a line with nlohmann-json.
#include "indexer/readers/jsonl_reader.h"

#include <cstring>
#include <nlohmann/json.hpp>

#include "indexer/readers/danish_dates.h"
#include "schema/errors.h"

namespace opslag {

JsonlReader::JsonlReader(const std::filesystem::path& file, std::uint64_t max_line_bytes)
    : file_(gzopen(file.c_str(), "rb"), gzclose), max_line_bytes_(max_line_bytes) {
  if (!file_) throw BadInput("cannot read the file (permission denied or gone)");
  gzbuffer(file_.get(), 1 << 17);
}

bool JsonlReader::next(std::string& line) {
  for (;;) {
    line.clear();
    oversized_ = 0;
    char buffer[1 << 16];
    bool any = false;
    std::uint64_t length = 0;
    while (gzgets(file_.get(), buffer, sizeof buffer)) {
      any = true;
      const std::size_t got = std::strlen(buffer);
      length += got;
      if (length <= max_line_bytes_) line.append(buffer, got);
      if (got > 0 && buffer[got - 1] == '\n') break;
    }
    if (length > max_line_bytes_) {  // read past, never held whole
      line.clear();
      line.shrink_to_fit();
      oversized_ = length;
      ++line_number_;
      return true;
    }
    int status = Z_OK;
    const char* message = gzerror(file_.get(), &status);
    if (status != Z_OK && status != Z_STREAM_END)
      throw BadInput("line " + std::to_string(line_number_ + 1) + ": cannot read on: " + message);
    if (!any) {
      if (!gzeof(file_.get()))
        throw BadInput("line " + std::to_string(line_number_ + 1) + ": cannot read on");
      return false;
    }
    ++line_number_;
    if (line.find_first_not_of(" \t\r\n") != std::string::npos) return true;
  }
}

std::uint64_t JsonlReader::offset() const {
  const auto at = gzoffset(file_.get());
  return at < 0 ? 0 : static_cast<std::uint64_t>(at);
}

StoredDocument document_from_json(std::string_view line, const DanishAnalyzer& analyzer) {
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {  // out_of_range too, for a number like 1e400
    throw BadInput(std::string("not valid JSON: ") + e.what());
  }
  if (!record.is_object()) throw BadInput("not a JSON object");
  const auto text = [&](const char* key) -> std::string {
    if (!record.contains(key) || record[key].is_null()) return "";
    if (!record[key].is_string()) throw BadInput(std::string("\"") + key + "\" is not a string");
    return analyzer.normalize(record[key].get<std::string>());
  };
  StoredDocument doc;
  if (record.contains("id") && record["id"].is_number_integer()) {
    doc.id = std::to_string(record["id"].get<long long>());
  } else {
    doc.id = text("id");
  }
  if (doc.id.empty()) throw BadInput("no \"id\"");
  doc.body = text("body");
  if (doc.body.find_first_not_of(" \t\r\n") == std::string::npos) throw BadInput("no \"body\"");
  doc.title = text("title");
  doc.source = text("source");
  doc.type = text("type");
  doc.url = text("url");
  if (const std::string language = text("language"); !language.empty()) doc.language = language;
  if (const std::string date = text("date"); !date.empty()) {
    const auto parsed = parse_danish_date(date);
    if (!parsed) throw BadInput("\"date\" is not a date: " + date);
    doc.date = *parsed;
  }
  return doc;
}

}  // namespace opslag
