// Indexes the two real collected documents in ../shared/samples and finds each by its own word.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "indexer/index_updater.h"
#include "schema/document_terms.h"
#include "schema/stored_document.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

class SharedSamplesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    samples_ = testing::shared_dir();
    if (samples_.empty()) GTEST_SKIP() << "../shared is not beside the checkout: no real samples";
    samples_ /= "samples";
    std::ostringstream errors;
    IndexUpdater updater(schema_, analyzer_, db_path_, errors);
    summary_ = updater.run({samples_});
  }

  /// Ids of the documents that contain the word `word` (stemmed).
  std::vector<std::string> ids_with(const std::string& word) const {
    Xapian::Database db(db_path_.string());
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(stem_term("", analyzer_.stem(word))));
    std::vector<std::string> ids;
    const Xapian::MSet matches = enquire.get_mset(0, 10);
    for (auto it = matches.begin(); it != matches.end(); ++it)
      ids.push_back(StoredDocument::from_data(it.get_document().get_data()).id);
    return ids;
  }

  const Schema& schema_ = testing::project_schema();
  DanishAnalyzer analyzer_{schema_};
  fs::path samples_;
  testing::TempDir data_;
  fs::path db_path_ = data_.path() / "db";
  IndexSummary summary_;
};

TEST_F(SharedSamplesTest, IndexesBothRealDocuments) {
  EXPECT_EQ(summary_.added, 2);
  EXPECT_EQ(summary_.failed, 0);
}

TEST_F(SharedSamplesTest, ReadsTheRealTitlesAndDatesPastTheCookieBanner) {
  Xapian::Database db(db_path_.string());
  std::map<std::string, StoredDocument> docs;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    StoredDocument doc = StoredDocument::from_data(db.get_document(*it).get_data());
    docs[doc.id] = doc;
  }
  ASSERT_EQ(docs.size(), 2u);
  const StoredDocument& column = docs["000_057cc9bac7dab85c.txt"];
  EXPECT_EQ(column.title, "Ny digitaliseringsstrategi sætter kursen frem mod 2020");
  EXPECT_EQ(column.date, "2016-05-12");
  EXPECT_EQ(column.type, "klumme");
  EXPECT_EQ(column.body.find("cookies"), std::string::npos);
  const StoredDocument& release = docs["003_ca8500a00bfc9853.txt"];
  EXPECT_EQ(release.title, "Ny digital strategi for det offentlige er på plads");
  EXPECT_EQ(release.date, "2007-06-26");
  EXPECT_TRUE(release.body.starts_with("J.nr. 126-27")) << release.body.substr(0, 40);
}

TEST_F(SharedSamplesTest, FindsTheColumnByAWordOnlyItContains) {
  EXPECT_EQ(ids_with("flagskib"), std::vector<std::string>{"000_057cc9bac7dab85c.txt"});
}

TEST_F(SharedSamplesTest, FindsThePressReleaseByAWordOnlyItContains) {
  EXPECT_EQ(ids_with("høringssvarene"), std::vector<std::string>{"003_ca8500a00bfc9853.txt"});
}

}  // namespace
}  // namespace opslag
