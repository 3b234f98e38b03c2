// Tests loading schema.json: the project's file, and bad files named by line and problem.
#include "schema/schema.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "schema/errors.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_names.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

std::string project_schema_text() {
  std::ifstream in(std::filesystem::path(OPSLAG_SOURCE_DIR) / "schema" / "schema.json");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The project's schema with `from` replaced by `to` (which must be there).
std::string edited(const std::string& from, const std::string& to) {
  std::string text = project_schema_text();
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("schema.json has no " + from);
  return text.replace(at, from.size(), to);
}

/// The Hunspell dictionary the project's schema names (path without .aff/.dic).
std::string system_dictionary() {
  const std::string text = project_schema_text();
  const std::string key = "\"dictionary\": \"";
  const auto at = text.find(key) + key.size();
  return text.substr(at, text.find('"', at) - at);
}

TEST(SchemaTest, LoadsTheProjectSchema) {
  const Schema& schema = testing::project_schema();
  EXPECT_EQ(schema.version(), 8);
  EXPECT_EQ(schema.language(), "da");
  EXPECT_EQ(schema.field("id").kind, FieldKind::kId);
  EXPECT_EQ(schema.field("title").kind, FieldKind::kText);
  EXPECT_GT(schema.field("title").weight, schema.field("body").weight);
  EXPECT_TRUE(schema.field("date").value_slot.has_value());
  EXPECT_FALSE(schema.stopwords().empty());
}

TEST(SchemaTest, NamesEveryFieldTheIssueAsksFor) {
  for (const char* name :
       {"id", "title", "body", "date", "year", "source", "type", "url", "language"}) {
    EXPECT_NO_THROW((void)testing::project_schema().field(name)) << name;
  }
}

struct BadSchema {
  std::string from, to;
  std::string at;  ///< text on the line the error must name ("" for `to` itself)
  std::string problem;
};

void PrintTo(const BadSchema& bad, std::ostream* os) { *os << bad.to; }

class BadSchemaTest : public ::testing::TestWithParam<BadSchema> {};

TEST_P(BadSchemaTest, ErrorNamesTheFileTheLineAndTheProblem) {
  const BadSchema& bad = GetParam();
  const std::string text = edited(bad.from, bad.to);
  const std::string& at = bad.at.empty() ? bad.to : bad.at;
  const int line = 1 + static_cast<int>(std::count(
                           text.begin(), text.begin() + static_cast<long>(text.find(at)), '\n'));
  try {
    (void)Schema::parse(text, "schema.json", std::filesystem::path(OPSLAG_SOURCE_DIR) / "schema");
    FAIL() << "accepted: " << bad.to;
  } catch (const SchemaError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("schema.json:" + std::to_string(line) + ":"), std::string::npos)
        << message;
    EXPECT_NE(message.find(bad.problem), std::string::npos) << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadSchemaTest,
    ::testing::Values(
        BadSchema{"\"version\": 8,", "\"version\": 8,,", "", "not valid JSON"},
        BadSchema{"\"version\": 8", "\"version\": \"one\"", "", "\"version\" must be"},
        BadSchema{"\"kind\": \"text\",   \"prefix\": \"S\"",
                  "\"kind\": \"txt\",   \"prefix\": \"S\"", "", "kind \"txt\" is not one of"},
        BadSchema{"\"prefix\": \"XK\"", "\"prefix\": \"xk\"", "", "must be capital A-Z"},
        BadSchema{"\"prefix\": \"XT\"", "\"prefix\": \"XK\"", "{ \"name\": \"type\"",
                  "used by two fields"},
        BadSchema{"\"weight\": 3", "\"weight\": 0", "", "weight must be"},
        BadSchema{"\"word_prefix\": \"XKW\"", "\"word_prefix\": \"xkw\"", "",
                  "word_prefix \"xkw\" must be capital A-Z"},
        BadSchema{"\"word_prefix\": \"XKW\"", "\"word_prefix\": \"XT\"", "{ \"name\": \"type\"",
                  "prefix \"XT\" is used by two fields"},
        BadSchema{"\"weight\": 3", "\"weight\": 3, \"word_prefix\": \"SW\"", "",
                  "only a filter field has a word_prefix"},
        BadSchema{"\"value_slot\": 1 }", "\"value_slot\": 0 }", "{ \"name\": \"year\"",
                  "value slot 0 twice"},
        BadSchema{"{ \"name\": \"type\",", "{ \"name\": \"kind\",", "\"fields\"",
                  "\"type\" is missing"},
        BadSchema{"\"language\": \"da\",", "\"language\": \"da\", \"colour\": 1,", "",
                  "unknown key \"colour\""},
        BadSchema{"\"name\": \"url\",      \"kind\": \"stored\"",
                  "\"name\": \"url\",      \"kind\": \"stored\", \"prefix\": \"U\"", "",
                  "a stored field has no prefix"},
        BadSchema{"\"kind\": \"stored\", \"value_slot\": 5 }", "\"kind\": \"stored\" }",
                  "{ \"name\": \"indexed\"", "field \"indexed\" needs a value_slot"},
        BadSchema{"\"stopwords-da.txt\"", "\"no-such-file.txt\"", "", "cannot read stop word file"},
        BadSchema{"\"synonyms-da.txt\"", "\"no-such-synonyms.txt\"", "",
                  "cannot read synonym file"}),
    [](const ::testing::TestParamInfo<BadSchema>& info) {
      return testing::test_name(info.param.problem);
    });

TEST(SchemaTest, LoadsTheSynonymGroups) {
  const auto& groups = testing::project_schema().synonyms();
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups[0], (std::vector<std::string>{"kl", "kommunernes landsforening"}));
}

TEST(SchemaTest, ABadSynonymLineIsNamedByFileAndLine) {
  testing::TempDir dir;
  dir.write("stopwords-da.txt", "og\n");
  dir.write("synonyms-da.txt", "# kommentar\nkl, kommunernes landsforening\nalene\n");
  const fs::path schema = dir.write("schema.json", project_schema_text());
  try {
    (void)Schema::load(schema);
    FAIL() << "accepted a group of one";
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("synonyms-da.txt:3: a synonym group needs two"),
              std::string::npos)
        << e.what();
  }
}

TEST(SchemaTest, LoadsTheStemOverrides) {
  EXPECT_EQ(testing::project_schema().stem_overrides().at("myndighederne"), "myndighed");
  EXPECT_EQ(testing::project_schema().stem_overrides().at("borgere"), "borger");
}

class StemOverrideFileTest : public ::testing::TestWithParam<std::pair<std::string, std::string>> {
};

TEST_P(StemOverrideFileTest, ABadLineIsNamedByFileLineAndProblem) {
  testing::TempDir dir;
  dir.write("stopwords-da.txt", "og\n");
  dir.write("synonyms-da.txt", "kl, kommunernes landsforening\n");
  dir.write("stem-overrides-da.txt", "# kommentar\nborger: borger borgere\n" + GetParam().first);
  try {
    (void)Schema::load(dir.write("schema.json", project_schema_text()));
    FAIL() << GetParam().first;
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("stem-overrides-da.txt:3: " + GetParam().second),
              std::string::npos)
        << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Lines, StemOverrideFileTest,
    ::testing::Values(
        std::pair<std::string, std::string>{"borg: borgen slot\n",
                                            "\"borg\" does not begin \"slot\""},
        std::pair<std::string, std::string>{"borg: borgere\n", "\"borgere\" has a stem already"},
        std::pair<std::string, std::string>{"uden kolon\n", "expected \"stem: word word ...\""},
        std::pair<std::string, std::string>{"tom:\n", "expected \"stem: word word ...\""}));

TEST(SchemaTest, MissingFileIsNamedInTheError) {
  try {
    (void)Schema::load("/nonexistent/opslag/schema.json");
    FAIL();
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/opslag/schema.json"), std::string::npos);
  }
}

class SchemaDatabaseTest : public ::testing::Test {
 protected:
  /// Copies the project's schema and its files into `dir`, and stamps a new database with it;
  /// with `dictionary`, schema.json names that dictionary (in `dir`) instead of the system's.
  void stamp_with_a_copy_of_the_project_schema(const fs::path& dir,
                                               const std::string& dictionary = "") const {
    const fs::path source = fs::path(OPSLAG_SOURCE_DIR) / "schema";
    for (const char* file :
         {"stopwords-da.txt", "synonyms-da.txt", "stem-overrides-da.txt", "compound-parts-da.txt"})
      fs::copy_file(source / file, dir / file);
    const std::string json = dictionary.empty()
                                 ? project_schema_text()
                                 : edited("\"dictionary\": \"" + system_dictionary() + "\"",
                                          "\"dictionary\": \"" + dictionary + "\"");
    std::ofstream(dir / "schema.json") << json;
    Xapian::WritableDatabase db(db_path_, Xapian::DB_CREATE);
    Schema::load(dir / "schema.json").stamp(db);
    db.commit();
  }

  /// Why the schema in `dir` refuses the stamped database; empty when it accepts it.
  [[nodiscard]] std::string refusal_by_the_schema_in(const fs::path& dir) const {
    try {
      Schema::load(dir / "schema.json").check_compatible(Xapian::Database(db_path_), db_path_);
      return "";
    } catch (const IndexMismatch& e) {
      return e.what();
    }
  }

  testing::TempDir dir_;
  std::string db_path_ = (dir_.path() / "db").string();
};

TEST_F(SchemaDatabaseTest, AcceptsADatabaseStampedWithTheSameSchema) {
  Xapian::WritableDatabase db(db_path_, Xapian::DB_CREATE);
  testing::project_schema().stamp(db);
  db.commit();
  EXPECT_NO_THROW(testing::project_schema().check_compatible(Xapian::Database(db_path_), db_path_));
}

TEST_F(SchemaDatabaseTest, StampRecordsWhenTheIndexRunEnded) {
  Xapian::WritableDatabase db(db_path_, Xapian::DB_CREATE);
  EXPECT_EQ(Schema::indexed_at(db), 0);
  const auto before = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  testing::project_schema().stamp(db);
  db.commit();
  const std::int64_t at = Schema::indexed_at(Xapian::Database(db_path_));
  EXPECT_GE(at, before);
  EXPECT_LE(at, before + 60);
}

TEST_F(SchemaDatabaseTest, RefusesAnotherVersionAndSaysToReindex) {
  Xapian::WritableDatabase db(db_path_, Xapian::DB_CREATE);
  testing::project_schema().stamp(db);
  db.set_metadata("opslag.schema_version", "99");
  db.commit();
  try {
    testing::project_schema().check_compatible(Xapian::Database(db_path_), db_path_);
    FAIL();
  } catch (const IndexMismatch& e) {
    EXPECT_NE(std::string(e.what()).find("version 99"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("reindex"), std::string::npos) << e.what();
  }
}

TEST_F(SchemaDatabaseTest, RefusesADatabaseNotBuiltByOpslag) {
  Xapian::WritableDatabase db(db_path_, Xapian::DB_CREATE);
  db.commit();
  EXPECT_THROW(testing::project_schema().check_compatible(Xapian::Database(db_path_), db_path_),
               IndexMismatch);
}

TEST_F(SchemaDatabaseTest, RefusesADatabaseWithOtherPrefixesUnderTheSameVersion) {
  const Schema other =
      Schema::parse(edited("\"prefix\": \"XK\"", "\"prefix\": \"XQ\""), "other.json",
                    std::filesystem::path(OPSLAG_SOURCE_DIR) / "schema");
  Xapian::WritableDatabase db(db_path_, Xapian::DB_CREATE);
  other.stamp(db);
  db.commit();
  EXPECT_THROW(testing::project_schema().check_compatible(Xapian::Database(db_path_), db_path_),
               IndexMismatch);
}

TEST_F(SchemaDatabaseTest, RefusesADatabaseIndexedBeforeTheStemOverridesWereEdited) {
  // The index holds the stems: after an edit its terms no longer mean what queries look for.
  const testing::TempDir schema_dir;
  stamp_with_a_copy_of_the_project_schema(schema_dir.path());
  std::ofstream(schema_dir.path() / "stem-overrides-da.txt", std::ios::app) << "kage: kage kagen\n";
  const std::string refusal = refusal_by_the_schema_in(schema_dir.path());
  ASSERT_NE(refusal, "") << "an edited stem override file went unnoticed";
  EXPECT_NE(refusal.find("stem overrides"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("reindex"), std::string::npos) << refusal;
}

TEST_F(SchemaDatabaseTest, RefusesADatabaseIndexedWithAnotherVersionOfTheDictionary) {
  // The index holds the compound parts the dictionary finds: another version splits otherwise.
  const testing::TempDir schema_dir;
  for (const char* extension : {".aff", ".dic"})
    fs::copy_file(system_dictionary() + extension,
                  schema_dir.path() / (std::string("da") + extension));
  stamp_with_a_copy_of_the_project_schema(schema_dir.path(), "da");
  std::ofstream(schema_dir.path() / "da.dic", std::ios::app) << "kagemandsland\n";
  const std::string refusal = refusal_by_the_schema_in(schema_dir.path());
  ASSERT_NE(refusal, "") << "another dictionary went unnoticed";
  EXPECT_NE(refusal.find("Hunspell dictionary"), std::string::npos) << refusal;
}

TEST_F(SchemaDatabaseTest, AcceptsADatabaseWhoseSchemaOnlyGainedSynonyms) {
  // Synonyms are read at query time: editing them needs no reindex.
  const testing::TempDir schema_dir;
  stamp_with_a_copy_of_the_project_schema(schema_dir.path());
  std::ofstream(schema_dir.path() / "synonyms-da.txt", std::ios::app) << "kage, tærte\n";
  EXPECT_NO_THROW(Schema::load(schema_dir.path() / "schema.json")
                      .check_compatible(Xapian::Database(db_path_), db_path_));
}

}  // namespace
}  // namespace opslag
