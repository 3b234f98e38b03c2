// Indexes the shipped corpus/ and checks every document got its metadata from its own text.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "indexer/index_updater.h"
#include "schema/stored_document.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

class ShippedCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexUpdater updater(schema_, analyzer_, db_path_, errors_);
    summary_ = updater.run({fs::path(OPSLAG_SOURCE_DIR) / "corpus"});
  }

  std::vector<StoredDocument> documents() const {
    Xapian::Database db(db_path_.string());
    std::vector<StoredDocument> docs;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
      docs.push_back(StoredDocument::from_data(db.get_document(*it).get_data()));
    return docs;
  }

  const Schema& schema_ = testing::project_schema();
  DanishAnalyzer analyzer_{schema_};
  testing::TempDir data_;
  fs::path db_path_ = data_.path() / "db";
  std::ostringstream errors_;
  IndexSummary summary_;
};

TEST_F(ShippedCorpusTest, IndexesAtLeastFortyDocumentsWithoutFailures) {
  EXPECT_GE(summary_.added, 40);
  EXPECT_EQ(summary_.failed, 0) << errors_.str();
}

TEST_F(ShippedCorpusTest, EveryDocumentHasATitleDateSourceAndTypeFromItsText) {
  for (const StoredDocument& doc : documents()) {
    EXPECT_GE(doc.title.size(), 8u) << doc.id;
    EXPECT_NE(doc.title.find(' '), std::string::npos) << doc.id << ": " << doc.title;
    EXPECT_EQ(doc.date.size(), 10u) << doc.id;
    // File names start with the date the text gives: the reader must have found it.
    EXPECT_EQ(doc.id.substr(0, 4), doc.date.substr(0, 4)) << doc.id << ": " << doc.date;
    EXPECT_FALSE(doc.source.empty()) << doc.id;
    EXPECT_NE(doc.type, "dokument") << doc.id;
  }
}

TEST_F(ShippedCorpusTest, NoCookieBannerReachesATitleOrABody) {
  for (const StoredDocument& doc : documents()) {
    EXPECT_EQ(doc.title.find("cookie"), std::string::npos) << doc.id;
    EXPECT_EQ(doc.body.find("Læs mere om cookies"), std::string::npos) << doc.id;
    EXPECT_EQ(doc.body.find("Vi samler statistik"), std::string::npos) << doc.id;
  }
}

TEST_F(ShippedCorpusTest, SpansEveryNationalStrategyPeriod) {
  std::set<std::string> years;
  for (const StoredDocument& doc : documents()) years.insert(doc.year());
  for (const char* year : {"2001", "2004", "2007", "2011", "2016", "2022", "2025"})
    EXPECT_TRUE(years.contains(year)) << year;
}

}  // namespace
}  // namespace opslag
