// The schema: the fields indexer and server share, loaded and checked from schema.json.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opslag {

class CompoundSplitter;

/// How a field is indexed: free text (searched, weighted), a boolean filter term, the unique
/// id term, or only stored with the document.
enum class FieldKind { kId, kText, kFilter, kStored };

/// One field of schema.json.
struct Field {
  std::string name;
  FieldKind kind = FieldKind::kStored;
  std::string prefix;                  ///< Xapian term prefix ("" for unprefixed body text)
  int weight = 0;                      ///< wdf increment per word, text fields only
  std::optional<unsigned> value_slot;  ///< value slot for sorting and ranges
  /// Filter fields only: each word of the value is also a term under this prefix, so a search
  /// by one word of it ("kilde:KL") finds "Digitaliseringsministeriet, KL og Danske Regioner";
  /// empty: the value is matched whole only.
  std::string word_prefix;
};

/// The field definitions of one schema version, as loaded from schema.json. Immutable once
/// loaded; every executable loads it at start and refuses to run with a bad file.
class Schema {
 public:
  /// Loads and validates `path`. Throws SchemaError naming the file, the line and the problem.
  [[nodiscard]] static Schema load(const std::filesystem::path& path);

  /// Parses schema text; `file` names it in errors. Throws SchemaError.
  [[nodiscard]] static Schema parse(std::string_view text, const std::string& file,
                                    const std::filesystem::path& dir = {});

  [[nodiscard]] int version() const { return version_; }
  [[nodiscard]] const std::string& language() const { return language_; }
  [[nodiscard]] const std::vector<Field>& fields() const { return fields_; }
  /// The stop words named by the schema (one per line in the file it names).
  [[nodiscard]] const std::vector<std::string>& stopwords() const { return stopwords_; }

  /// Groups of equivalent expressions from the synonym file the schema names ("KL",
  /// "Kommunernes Landsforening"), as written; applied to queries only.
  [[nodiscard]] const std::vector<std::vector<std::string>>& synonyms() const { return synonyms_; }

  /// Words whose stem Snowball gets wrong for public-sector Danish, and the stem they get
  /// instead ("myndighederne" -> "myndighed", "borgere" -> "borger", not "borg"), folded.
  [[nodiscard]] const std::map<std::string, std::string>& stem_overrides() const {
    return stem_overrides_;
  }

  /// The compound splitter built from the dictionary and rules the schema names, or null when
  /// it names none (then no word is split). Shared by every copy of the schema.
  [[nodiscard]] const std::shared_ptr<const CompoundSplitter>& compounds() const {
    return compounds_;
  }

  /// The field called `name`. Throws InternalError if there is none (validation
  /// guarantees every field the code uses exists).
  [[nodiscard]] const Field& field(std::string_view name) const;

  /// A short digest of prefixes, kinds and slots, and of the analysis data the index holds the
  /// result of (stop words, stem overrides, compound rules and the Hunspell dictionary they
  /// correct: analysis_digest_): two schemas
  /// with the same layout index alike.
  [[nodiscard]] std::string layout() const;

  /// Records version and layout in `db`'s metadata, and the time now as the end of the index
  /// run that wrote it (see indexed_at).
  void stamp(Xapian::WritableDatabase& db) const;
  /// Records version and layout only: a new database's first batch is then searchable, and a
  /// run interrupted after it goes on from it.
  void stamp_layout(Xapian::WritableDatabase& db) const;

  /// When an index run last stamped `db` (Unix seconds), or 0 if none did.
  [[nodiscard]] static std::int64_t indexed_at(const Xapian::Database& db);

  /// Throws IndexMismatch (telling to reindex) unless `db` was stamped with this version and
  /// layout. `db_name` names the database in the message.
  void check_compatible(const Xapian::Database& db, const std::string& db_name) const;

 private:
  int version_ = 0;
  std::string language_;
  std::vector<Field> fields_;
  std::vector<std::string> stopwords_;
  std::vector<std::vector<std::string>> synonyms_;
  std::map<std::string, std::string> stem_overrides_;
  std::shared_ptr<const CompoundSplitter> compounds_;
  /// A hash of the stop words, stem overrides, compound rules and Hunspell dictionary files as
  /// read: a database indexed before one of them changed holds other stems and parts, and is
  /// reindexed.
  std::string analysis_digest_;
};

}  // namespace opslag
