// Tests reading a page's documents from shards searched as one, shard by shard at once.
#include "server/engine/remote_shards.h"

#include <gtest/gtest.h>

#include <string>

namespace opslag {
namespace {

/// `count` documents in memory whose data is `name` and their number: "b3".
Xapian::Database shard(const std::string& name, int count) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= count; ++i) {
    Xapian::Document doc;
    doc.set_data(name + std::to_string(i));
    db.add_document(doc);
  }
  return db;
}

std::vector<std::string> data_of(const std::vector<Xapian::Document>& docs) {
  std::vector<std::string> out;
  for (const Xapian::Document& doc : docs) out.push_back(doc.get_data());
  return out;
}

Xapian::Database combined(const std::vector<Xapian::Database>& each) {
  Xapian::Database all;
  for (const Xapian::Database& db : each) all.add_database(db);
  return all;
}

TEST(RemoteShardsTest, ReadsEachDocumentFromItsShardInTheOrderAsked) {
  const std::vector<Xapian::Database> each{shard("a", 4), shard("b", 4), shard("c", 4)};
  const Xapian::Database all = combined(each);
  // Documents of the whole are numbered a1 b1 c1 a2 b2 c2 ...
  const std::vector<Xapian::docid> ids{8, 1, 12, 2, 3, 4};
  EXPECT_EQ(data_of(read_documents(all, each, ids)),
            (std::vector<std::string>{"b3", "a1", "c4", "b1", "c1", "a2"}));
}

TEST(RemoteShardsTest, ReadsTheSameDocumentsAsTheCombinedDatabase) {
  const std::vector<Xapian::Database> each{shard("a", 7), shard("b", 3)};
  const Xapian::Database all = combined(each);
  std::vector<Xapian::docid> ids;
  for (Xapian::PostingIterator it = all.postlist_begin(""); it != all.postlist_end(""); ++it)
    ids.push_back(*it);
  std::vector<std::string> expected;
  for (Xapian::docid id : ids) expected.push_back(all.get_document(id).get_data());
  EXPECT_EQ(data_of(read_documents(all, each, ids)), expected);
}

TEST(RemoteShardsTest, ReadsFromTheWholeWhenTheShardsAreNotItsParts) {
  // A stub of two shards given as one source: its parts are not known one by one.
  const Xapian::Database stub = combined({shard("a", 2), shard("b", 2)});
  const std::vector<Xapian::Database> each{stub, shard("c", 2)};
  const Xapian::Database all = combined(each);
  EXPECT_EQ(data_of(read_documents(all, each, {2, 3, 4})),
            (std::vector<std::string>{"b1", "c1", "a2"}));
  EXPECT_EQ(data_of(read_documents(all, {}, {1, 6})), (std::vector<std::string>{"a1", "c2"}));
}

TEST(RemoteShardsTest, ThrowsForADocumentNoShardHolds) {
  const std::vector<Xapian::Database> each{shard("a", 2), shard("b", 2)};
  EXPECT_THROW((void)read_documents(combined(each), each, {1, 9}), Xapian::DocNotFoundError);
}

}  // namespace
}  // namespace opslag
