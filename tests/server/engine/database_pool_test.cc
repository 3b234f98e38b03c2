// Tests the pool of database handles: new revisions are followed, bad sources stop the start.
#include "server/engine/database_pool.h"

#include <gtest/gtest.h>

#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

class DatabasePoolTest : public ::testing::Test {
 protected:
  DatabasePoolTest() {
    Xapian::WritableDatabase db(path_, Xapian::DB_CREATE);
    testing::project_schema().stamp(db);
    db.add_document(Xapian::Document());
    db.commit();
  }
  void add_document() {
    Xapian::WritableDatabase db(path_);
    db.add_document(Xapian::Document());
    db.commit();
  }
  testing::TempDir dir_;
  std::string path_ = (dir_.path() / "db").string();
};

TEST_F(DatabasePoolTest, EachRequestSeesTheLatestRevision) {
  const DatabasePool pool(testing::project_schema(), {path_});
  const auto count = [&] {
    return pool.with([](DatabasePool::Handles& h) { return h.all.get_doccount(); });
  };
  EXPECT_EQ(count(), 1u);
  add_document();
  EXPECT_EQ(count(), 2u);
  EXPECT_EQ(pool.reopens(), 1u);
}

TEST_F(DatabasePoolTest, WithoutALexiconTheLexiconIsTheDatabaseItself) {
  const DatabasePool pool(testing::project_schema(), {path_});
  pool.with([](DatabasePool::Handles& h) { EXPECT_EQ(h.lexicon.get_doccount(), 1u); });
}

TEST_F(DatabasePoolTest, AHandleIsGivenBackWhenTheWorkThrows) {
  const DatabasePool pool(testing::project_schema(), {path_});
  EXPECT_THROW(pool.with([](DatabasePool::Handles&) -> int { throw BadInput("no"); }), BadInput);
  add_document();
  // The handle given back is the one reopened: the pool did not lose it.
  EXPECT_EQ(pool.with([](DatabasePool::Handles& h) { return h.all.get_doccount(); }), 2u);
  EXPECT_EQ(pool.reopens(), 1u);
}

TEST_F(DatabasePoolTest, WorkWhoseRevisionWasReplacedRunsAgainOnTheNewest) {
  const DatabasePool pool(testing::project_schema(), {path_});
  int attempts = 0;
  const auto count = pool.with([&](DatabasePool::Handles& h) {
    if (++attempts == 1) throw Xapian::DatabaseModifiedError("revision replaced");
    return h.all.get_doccount();
  });
  EXPECT_EQ(attempts, 2);
  EXPECT_EQ(count, 1u);
}

TEST_F(DatabasePoolTest, WorkWhoseRevisionKeepsBeingReplacedGivesUpAfterTheRetries) {
  const DatabasePool pool(testing::project_schema(), {path_});
  int attempts = 0;
  EXPECT_THROW(pool.with([&](DatabasePool::Handles&) -> int {
    ++attempts;
    throw Xapian::DatabaseModifiedError("revision replaced");
  }),
               Xapian::DatabaseModifiedError);
  EXPECT_EQ(attempts, DatabasePool::kModifiedRetries);
}

TEST_F(DatabasePoolTest, AfterANetworkErrorTheNextRequestOpensNewHandles) {
  const DatabasePool pool(testing::project_schema(), {path_});
  EXPECT_THROW(pool.with([](DatabasePool::Handles&) -> int {
    throw Xapian::NetworkError("shard went away");
  }),
               Xapian::NetworkError);
  add_document();
  EXPECT_EQ(pool.with([](DatabasePool::Handles& h) { return h.all.get_doccount(); }), 2u);
  EXPECT_EQ(pool.reopens(), 0u);  // opened afresh, not a dropped handle reopened
}

TEST_F(DatabasePoolTest, AFolderReplacedByARebuiltDatabaseIsOpenedAfresh) {
  const DatabasePool pool(testing::project_schema(), {path_});
  const auto count = [&] {
    return pool.with([](DatabasePool::Handles& h) { return h.all.get_doccount(); });
  };
  EXPECT_EQ(count(), 1u);
  // A database of three documents at the same revision as the live one (1), moved into its
  // place: reopen() alone sees no new revision and keeps reading the old one's tables.
  const std::string rebuilt = (dir_.path() / "db.rebuild").string();
  {
    Xapian::WritableDatabase db(rebuilt, Xapian::DB_CREATE);
    testing::project_schema().stamp(db);
    Xapian::Document doc;
    doc.add_term("ny");
    for (int i = 0; i < 3; ++i) db.add_document(doc);
    db.commit();
  }
  std::filesystem::remove_all(path_);
  std::filesystem::rename(rebuilt, path_);
  EXPECT_EQ(count(), 3u);
  EXPECT_EQ(pool.with([](DatabasePool::Handles& h) { return h.all.get_termfreq("ny"); }), 3u);
  EXPECT_EQ(pool.reopens(), 1u);
}

TEST_F(DatabasePoolTest, AMissingDatabaseStopsTheStart) {
  EXPECT_THROW(DatabasePool(testing::project_schema(), {(dir_.path() / "none").string()}), Error);
}

TEST_F(DatabasePoolTest, ADatabaseOfAnotherSchemaStopsTheStart) {
  const std::string other = (dir_.path() / "other").string();
  Xapian::WritableDatabase(other, Xapian::DB_CREATE).commit();
  EXPECT_THROW(DatabasePool(testing::project_schema(), {other}), IndexMismatch);
}

}  // namespace
}  // namespace opslag
