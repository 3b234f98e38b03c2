// Loads schema.json, checks every field, and stamps/checks databases with its version.
#include "schema/schema.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "schema/analysis/compound_splitter.h"
#include "schema/content_hash.h"
#include "schema/errors.h"
#include "schema/json_locator.h"

namespace opslag {
namespace {

using nlohmann::json;
using Pointer = json::json_pointer;

constexpr std::string_view kVersionKey = "opslag.schema_version";
constexpr std::string_view kLayoutKey = "opslag.schema_layout";
constexpr std::string_view kIndexedAtKey = "opslag.indexed_at";

/// Fields the indexer and server rely on, with the kind each must have.
const std::map<std::string, FieldKind, std::less<>> kRequiredFields = {
    {"id", FieldKind::kId},       {"title", FieldKind::kText},
    {"body", FieldKind::kText},   {"date", FieldKind::kFilter},
    {"year", FieldKind::kFilter}, {"source", FieldKind::kFilter},
    {"type", FieldKind::kFilter}, {"language", FieldKind::kFilter},
    {"url", FieldKind::kStored},  {"path", FieldKind::kStored},
    {"hash", FieldKind::kStored}, {"indexed", FieldKind::kStored}};

/// Stored fields kept in a value slot: the hash to skip unchanged files, the time a document
/// was first indexed to sort and filter by.
constexpr std::array<std::string_view, 2> kSlottedStoredFields = {"hash", "indexed"};

const std::map<std::string, FieldKind, std::less<>> kKinds = {{"id", FieldKind::kId},
                                                              {"text", FieldKind::kText},
                                                              {"filter", FieldKind::kFilter},
                                                              {"stored", FieldKind::kStored}};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SchemaError(path.string(), 0, "cannot read the file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// Feeds the bytes of the file at `path` to `hash` in pieces, and a NUL after them.
void hash_file(const std::filesystem::path& path, ContentHash& hash) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SchemaError(path.string(), 0, "cannot read the file");
  std::vector<char> piece(1 << 16);
  while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0)
    hash.update(std::string_view(piece.data(), static_cast<std::size_t>(in.gcount())));
  hash.update(std::string_view("", 1));
}

/// Reads the fields of one JSON object, failing with the line of the offending value.
class FieldReader {
 public:
  FieldReader(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  [[noreturn]] void fail(const Pointer& at, const std::string& problem) const {
    throw SchemaError(file_, line_of(text_, at), problem);
  }

  Field read(const json& object, const Pointer& at) const {
    if (!object.is_object()) fail(at, "a field must be an object");
    static const std::set<std::string> known = {"name",   "kind",       "prefix",
                                                "weight", "value_slot", "word_prefix"};
    for (const auto& [key, value] : object.items())
      if (!known.contains(key)) fail(at / key, "unknown key \"" + key + "\" in field");
    Field field;
    field.name = string_at(object, at, "name");
    const std::string kind = string_at(object, at, "kind");
    const auto k = kKinds.find(kind);
    if (k == kKinds.end())
      fail(at / "kind", "kind \"" + kind + "\" is not one of id, text, filter, stored");
    field.kind = k->second;
    read_prefix(object, at, field);
    read_word_prefix(object, at, field);
    read_weight(object, at, field);
    if (object.contains("value_slot")) {
      const json& slot = object["value_slot"];
      if (!slot.is_number_unsigned() || slot.get<unsigned>() > 1000)
        fail(at / "value_slot", "value_slot must be a whole number from 0 to 1000");
      field.value_slot = slot.get<unsigned>();
    }
    return field;
  }

 private:
  std::string string_at(const json& object, const Pointer& at, const std::string& key) const {
    if (!object.contains(key)) fail(at, "field has no \"" + key + "\"");
    if (!object[key].is_string()) fail(at / key, "\"" + key + "\" must be a string");
    return object[key].get<std::string>();
  }

  void read_prefix(const json& object, const Pointer& at, Field& field) const {
    const bool indexed = field.kind != FieldKind::kStored;
    if (!object.contains("prefix")) {
      if (indexed) fail(at, "field \"" + field.name + "\" needs a \"prefix\"");
      return;
    }
    if (!indexed) fail(at / "prefix", "a stored field has no prefix");
    field.prefix = string_at(object, at, "prefix");
    const bool upper = std::all_of(field.prefix.begin(), field.prefix.end(),
                                   [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!upper) fail(at / "prefix", "prefix \"" + field.prefix + "\" must be capital A-Z only");
    if (field.prefix.empty() && field.kind != FieldKind::kText)
      fail(at / "prefix", "only a text field may have the empty prefix");
  }

  void read_word_prefix(const json& object, const Pointer& at, Field& field) const {
    if (!object.contains("word_prefix")) return;
    if (field.kind != FieldKind::kFilter)
      fail(at / "word_prefix", "only a filter field has a word_prefix");
    field.word_prefix = string_at(object, at, "word_prefix");
    const bool upper = !field.word_prefix.empty() &&
                       std::all_of(field.word_prefix.begin(), field.word_prefix.end(),
                                   [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!upper)
      fail(at / "word_prefix",
           "word_prefix \"" + field.word_prefix + "\" must be capital A-Z only");
  }

  void read_weight(const json& object, const Pointer& at, Field& field) const {
    if (field.kind != FieldKind::kText) {
      if (object.contains("weight")) fail(at / "weight", "only a text field has a weight");
      return;
    }
    if (!object.contains("weight")) fail(at, "text field \"" + field.name + "\" needs a weight");
    const json& weight = object["weight"];
    if (!weight.is_number_unsigned() || weight.get<unsigned>() < 1 || weight.get<unsigned>() > 100)
      fail(at / "weight", "weight must be a whole number from 1 to 100");
    field.weight = weight.get<int>();
  }

  std::string_view text_;
  const std::string& file_;
};

/// Checks that names, prefixes and slots are unique and every required field is there.
void check_fields(const std::vector<Field>& fields, const FieldReader& reader) {
  std::set<std::string> names, prefixes;
  std::set<unsigned> slots;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const Field& f = fields[i];
    const Pointer at = Pointer("/fields") / i;
    if (!names.insert(f.name).second) reader.fail(at / "name", "field \"" + f.name + "\" twice");
    const bool prefixed = f.kind != FieldKind::kStored && !f.prefix.empty();
    if (prefixed && !prefixes.insert(f.prefix).second)
      reader.fail(at / "prefix", "prefix \"" + f.prefix + "\" is used by two fields");
    if (!f.word_prefix.empty() && !prefixes.insert(f.word_prefix).second)
      reader.fail(at / "word_prefix", "prefix \"" + f.word_prefix + "\" is used by two fields");
    if (f.value_slot && !slots.insert(*f.value_slot).second)
      reader.fail(at / "value_slot", "value slot " + std::to_string(*f.value_slot) + " twice");
    const auto required = kRequiredFields.find(f.name);
    if (required != kRequiredFields.end() && required->second != f.kind)
      reader.fail(at / "kind", "field \"" + f.name + "\" has the wrong kind");
  }
  for (const auto& [name, kind] : kRequiredFields)
    if (!names.contains(name))
      reader.fail(Pointer("/fields"), "required field \"" + name + "\" is missing");
  for (const std::string_view name : kSlottedStoredFields) {
    const auto field =
        std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == name; });
    if (!field->value_slot)
      reader.fail(Pointer("/fields") / (field - fields.begin()),
                  "field \"" + std::string(name) + "\" needs a value_slot");
  }
}

std::vector<std::string> read_stopwords(const std::filesystem::path& path, const std::string& file,
                                        int line) {
  std::ifstream in(path);
  if (!in) throw SchemaError(file, line, "cannot read stop word file " + path.string());
  std::vector<std::string> words;
  for (std::string word; std::getline(in, word);) {
    if (const auto hash = word.find('#'); hash != std::string::npos) word.erase(hash);
    word.erase(word.find_last_not_of(" \t\r") + 1);
    word.erase(0, word.find_first_not_of(" \t"));
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

std::string trimmed(std::string text) {
  text.erase(text.find_last_not_of(" \t\r") + 1);
  text.erase(0, text.find_first_not_of(" \t"));
  return text;
}

/// Reads groups of equivalent expressions, one group a line, separated by commas.
std::vector<std::vector<std::string>> read_synonyms(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw SchemaError(path.string(), 0, "cannot read the file");
  std::vector<std::vector<std::string>> groups;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    if (trimmed(line).empty()) continue;
    std::vector<std::string> group;
    std::stringstream entries(line);
    for (std::string entry; std::getline(entries, entry, ',');) {
      entry = trimmed(entry);
      if (entry.empty())
        throw SchemaError(path.string(), line_number, "an empty entry between commas");
      group.push_back(entry);
    }
    if (group.size() < 2)
      throw SchemaError(path.string(), line_number,
                        "a synonym group needs two or more entries separated by commas");
    groups.push_back(std::move(group));
  }
  return groups;
}

/// Reads `stem: word word ...` lines. Each stem must begin every word of its line, so
/// that a stem stays a prefix of its words as with Snowball; a word may have one stem only.
std::map<std::string, std::string> read_stem_overrides(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw SchemaError(path.string(), 0, "cannot read the file");
  std::map<std::string, std::string> overrides;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    if (trimmed(line).empty()) continue;
    const auto fail = [&](const std::string& problem) {
      return SchemaError(path.string(), line_number, problem);
    };
    const auto colon = line.find(':');
    if (colon == std::string::npos) throw fail("expected \"stem: word word ...\"");
    const std::string stem = trimmed(line.substr(0, colon));
    std::istringstream words(line.substr(colon + 1));
    int count = 0;
    for (std::string word; words >> word; ++count) {
      if (!word.starts_with(stem))
        throw fail("\"" + stem + "\" does not begin \"" + word + "\": a stem must start its words");
      if (!overrides.emplace(word, stem).second) throw fail("\"" + word + "\" has a stem already");
    }
    if (stem.empty() || count == 0) throw fail("expected \"stem: word word ...\"");
  }
  return overrides;
}

/// The "compounds" object: {"dictionary": Hunspell dictionary path without .aff/.dic (absolute,
/// or relative to the schema), "rules": the project's rules file}.
std::shared_ptr<const CompoundSplitter> read_compounds(const json& root, const FieldReader& reader,
                                                       const std::filesystem::path& dir) {
  const json& compounds = root["compounds"];
  const Pointer at("/compounds");
  if (!compounds.is_object()) reader.fail(at, "\"compounds\" must be an object");
  for (const auto& [key, value] : compounds.items())
    if (key != "dictionary" && key != "rules")
      reader.fail(at / key, "unknown key \"" + key + "\" in compounds");
  for (const char* key : {"dictionary", "rules"})
    if (!compounds.contains(key) || !compounds[key].is_string())
      reader.fail(at, std::string("\"compounds\" needs \"") + key + "\", naming a file");
  const std::filesystem::path dictionary = dir / compounds["dictionary"].get<std::string>();
  if (!std::filesystem::exists(dictionary.string() + ".dic"))
    reader.fail(at / "dictionary", "cannot read Hunspell dictionary " + dictionary.string() +
                                       ".dic (scripts/setup installs hunspell-da)");
  return CompoundSplitter::load(dictionary, dir / compounds["rules"].get<std::string>());
}

}  // namespace

Schema Schema::load(const std::filesystem::path& path) {
  return parse(read_file(path), path.string(), path.parent_path());
}

Schema Schema::parse(std::string_view text, const std::string& file,
                     const std::filesystem::path& dir) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    throw SchemaError(file, line_at(text, e.byte == 0 ? 0 : e.byte - 1),
                      "not valid JSON: " + std::string(e.what()));
  }
  const FieldReader reader(text, file);
  if (!root.is_object()) reader.fail(Pointer(""), "the schema must be a JSON object");
  static const std::set<std::string> known = {
      "version", "language", "stopwords", "synonyms", "stem_overrides", "compounds", "fields"};
  for (const auto& [key, value] : root.items())
    if (!known.contains(key)) reader.fail(Pointer("/" + key), "unknown key \"" + key + "\"");

  Schema schema;
  if (!root.contains("version") || !root["version"].is_number_unsigned() || root["version"] == 0)
    reader.fail(Pointer("/version"), "\"version\" must be a whole number above 0");
  schema.version_ = root["version"].get<int>();
  if (!root.contains("language") || !root["language"].is_string())
    reader.fail(Pointer("/language"), "\"language\" must be a string such as \"da\"");
  schema.language_ = root["language"].get<std::string>();
  if (!root.contains("fields") || !root["fields"].is_array())
    reader.fail(Pointer("/fields"), "\"fields\" must be an array of fields");
  for (std::size_t i = 0; i < root["fields"].size(); ++i)
    schema.fields_.push_back(reader.read(root["fields"][i], Pointer("/fields") / i));
  check_fields(schema.fields_, reader);
  if (root.contains("stopwords")) {
    if (!root["stopwords"].is_string())
      reader.fail(Pointer("/stopwords"), "\"stopwords\" must name a file");
    schema.stopwords_ = read_stopwords(dir / root["stopwords"].get<std::string>(), file,
                                       line_of(text, Pointer("/stopwords")));
  }
  if (root.contains("synonyms")) {
    if (!root["synonyms"].is_string())
      reader.fail(Pointer("/synonyms"), "\"synonyms\" must name a file");
    const std::filesystem::path path = dir / root["synonyms"].get<std::string>();
    if (!std::filesystem::exists(path))
      reader.fail(Pointer("/synonyms"), "cannot read synonym file " + path.string());
    schema.synonyms_ = read_synonyms(path);
  }
  if (root.contains("stem_overrides")) {
    if (!root["stem_overrides"].is_string())
      reader.fail(Pointer("/stem_overrides"), "\"stem_overrides\" must name a file");
    const std::filesystem::path path = dir / root["stem_overrides"].get<std::string>();
    if (!std::filesystem::exists(path))
      reader.fail(Pointer("/stem_overrides"), "cannot read stem override file " + path.string());
    schema.stem_overrides_ = read_stem_overrides(path);
  }
  if (root.contains("compounds")) schema.compounds_ = read_compounds(root, reader, dir);
  // What documents are indexed with, not what queries are read with (synonyms): edited, it
  // makes the index stale.
  ContentHash analysis;
  for (const char* key : {"stopwords", "stem_overrides"})
    if (root.contains(key)) hash_file(dir / root[key].get<std::string>(), analysis);
  if (root.contains("compounds")) {
    hash_file(dir / root["compounds"]["rules"].get<std::string>(), analysis);
    // Another version of the dictionary splits other words: the index holds the parts.
    const std::filesystem::path dictionary =
        dir / root["compounds"]["dictionary"].get<std::string>();
    for (const char* extension : {".aff", ".dic"})
      hash_file(dictionary.string() + extension, analysis);
  }
  schema.analysis_digest_ = analysis.hex().substr(0, 16);
  return schema;
}

const Field& Schema::field(std::string_view name) const {
  for (const Field& f : fields_)
    if (f.name == name) return f;
  throw InternalError("schema has no field " + std::string(name));
}

std::string Schema::layout() const {
  std::string out;
  for (const Field& f : fields_) {
    out += f.name + ":" + std::to_string(static_cast<int>(f.kind)) + ":" + f.prefix + ":" +
           std::to_string(f.weight) + ":" +
           (f.value_slot ? std::to_string(*f.value_slot) : std::string("-")) +
           (f.word_prefix.empty() ? "" : ":" + f.word_prefix) + ";";
  }
  if (compounds_) out += "compounds;";
  return out + "analysis:" + analysis_digest_ + ";";
}

void Schema::stamp_layout(Xapian::WritableDatabase& db) const {
  db.set_metadata(std::string(kVersionKey), std::to_string(version_));
  db.set_metadata(std::string(kLayoutKey), layout());
}

void Schema::stamp(Xapian::WritableDatabase& db) const {
  stamp_layout(db);
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  db.set_metadata(std::string(kIndexedAtKey),
                  std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count()));
}

std::int64_t Schema::indexed_at(const Xapian::Database& db) {
  const std::string text = db.get_metadata(std::string(kIndexedAtKey));
  std::int64_t seconds = 0;
  std::from_chars(text.data(), text.data() + text.size(), seconds);
  return seconds;
}

void Schema::check_compatible(const Xapian::Database& db, const std::string& db_name) const {
  const std::string version = db.get_metadata(std::string(kVersionKey));
  const std::string how = "; reindex with: opslag-index --db " + db_name + " PATH...";
  if (version.empty())
    throw IndexMismatch("database " + db_name + " was not built by opslag-index" + how);
  if (version != std::to_string(version_))
    throw IndexMismatch("database " + db_name + " was built with schema version " + version +
                        ", this is version " + std::to_string(version_) + how);
  if (db.get_metadata(std::string(kLayoutKey)) != layout())
    throw IndexMismatch("database " + db_name +
                        " was built with other field prefixes, value slots or analysis data (stop "
                        "words, stem overrides, compound rules, Hunspell dictionary) than schema "
                        "version " +
                        version + " has now" + how);
}

}  // namespace opslag
