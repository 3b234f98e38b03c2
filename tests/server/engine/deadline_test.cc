// Tests that a search's time limit stops the match itself, not only the answer.
#include "server/engine/deadline.h"

#include <gtest/gtest.h>

#include <thread>

#include "schema/errors.h"
#include "tests/support/thrown_message.h"

namespace opslag {
namespace {

/// An in-memory database of `count` documents, each holding the word "ord".
Xapian::Database documents_with_ord(int count) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < count; ++i) {
    Xapian::Document doc;
    doc.add_term("ord");
    db.add_document(doc);
  }
  return db;
}

TEST(DeadlineTest, AMatchPastItsDeadlineStopsWithA503NamingTheLimit) {
  Xapian::Enquire enquire(documents_with_ord(1000));
  enquire.set_query(Xapian::Query("ord"));
  const Deadline deadline(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  DeadlineSpy spy(deadline);
  enquire.add_matchspy(&spy);
  try {
    (void)enquire.get_mset(0, 10, 1000);
    FAIL() << "the match ran on past its deadline";
  } catch (const LimitExceeded& e) {
    EXPECT_EQ(e.status(), 503);
    EXPECT_NE(std::string(e.what()).find("while matching"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--request-timeout-ms"), std::string::npos) << e.what();
  }
}

TEST(DeadlineTest, AMatchWithinItsDeadlineIsNotDisturbed) {
  Xapian::Enquire enquire(documents_with_ord(1000));
  enquire.set_query(Xapian::Query("ord"));
  const Deadline deadline(60000);
  DeadlineSpy spy(deadline);
  enquire.add_matchspy(&spy);
  EXPECT_EQ(enquire.get_mset(0, 10, 1000).get_matches_estimated(), 1000u);
}

TEST(DeadlineTest, CheckSaysWhatTheSearchWasDoing) {
  const Deadline deadline(0.001);
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_NE(testing::thrown_message<LimitExceeded>([&] {
              deadline.check("while making the snippets");
            }).find("stopped while making the snippets"),
            std::string::npos);
}

}  // namespace
}  // namespace opslag
