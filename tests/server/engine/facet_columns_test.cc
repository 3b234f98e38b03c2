// Tests the facet values held in memory and the spy that counts them over a search's matches.
#include "server/engine/facet_columns.h"

#include <gtest/gtest.h>

#include "server/engine/facet_spy.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

constexpr Xapian::valueno kSource = 2, kYear = 1;

/// A database of one shard whose documents hold the word "post" and a source and year each
/// (document 3 has no source).
class FacetColumnsTest : public ::testing::Test {
 protected:
  FacetColumnsTest() {
    Xapian::WritableDatabase db(dir_.path().string(), Xapian::DB_CREATE);
    add(db, "KL", "2016");
    add(db, "Digitaliseringsstyrelsen", "2016");
    add(db, "", "2014");
    add(db, "KL", "2020");
    db.commit();
  }
  static void add(Xapian::WritableDatabase& db, const std::string& source,
                  const std::string& year) {
    Xapian::Document doc;
    doc.add_term("post");
    if (!source.empty()) doc.add_value(kSource, source);
    doc.add_value(kYear, year);
    db.add_document(doc);
  }
  /// The counts of each slot over every document with "post", by `spy`.
  static std::vector<std::unordered_map<std::string, Xapian::doccount>> counted(
      const Xapian::Database& db, FacetSpy& spy) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("post"));
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 1, db.get_doccount());
    return {spy.counts(0), spy.counts(1)};
  }
  testing::TempDir dir_;
};

TEST_F(FacetColumnsTest, NumbersEachDistinctValueAndGivesEveryDocumentItsNumber) {
  const Xapian::Database db(dir_.path().string());
  const FacetColumns columns(db, {kSource, kYear});
  EXPECT_EQ(columns.distinct(0), 2u);
  EXPECT_EQ(columns.distinct(1), 3u);
  EXPECT_EQ(columns.value(0, columns.ordinal(0, 1)), "KL");
  EXPECT_EQ(columns.ordinal(0, 4), columns.ordinal(0, 1));
  EXPECT_EQ(columns.value(0, columns.ordinal(0, 2)), "Digitaliseringsstyrelsen");
  EXPECT_EQ(columns.value(1, columns.ordinal(1, 3)), "2014");
  EXPECT_EQ(columns.revision(), db.get_revision());
}

TEST_F(FacetColumnsTest, ADocumentWithoutAValueOrAddedLaterHasNone) {
  const Xapian::Database db(dir_.path().string());
  const FacetColumns columns(db, {kSource, kYear});
  EXPECT_EQ(columns.ordinal(0, 3), 0u);
  EXPECT_EQ(columns.ordinal(0, 99), 0u);
}

TEST_F(FacetColumnsTest, TheSpyCountsFromTheColumnsWhatItCountsAskingEachDocument) {
  const Xapian::Database db(dir_.path().string());
  const FacetColumns columns(db, {kSource, kYear});
  FacetSpy from_columns({kSource, kYear}, &columns);
  FacetSpy asking({kSource, kYear}, nullptr);
  const auto expected = std::vector<std::unordered_map<std::string, Xapian::doccount>>{
      {{"KL", 2}, {"Digitaliseringsstyrelsen", 1}}, {{"2016", 2}, {"2014", 1}, {"2020", 1}}};
  EXPECT_EQ(counted(db, from_columns), expected);
  EXPECT_EQ(counted(db, asking), expected);
  EXPECT_EQ(from_columns.total(), 4u);
}

TEST_F(FacetColumnsTest, RefusesShardsWhoseDocumentsTheMatcherNumbersByShard) {
  Xapian::Database shards(dir_.path().string());
  shards.add_database(Xapian::Database(dir_.path().string()));
  EXPECT_THROW(FacetColumns(shards, {kSource}), std::logic_error);
}

}  // namespace
}  // namespace opslag
