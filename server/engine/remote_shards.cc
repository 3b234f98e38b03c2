// Reading a page's documents, the shards side by side.
#include "server/engine/remote_shards.h"

#include <exception>
#include <future>

namespace opslag {

namespace {

/// Whether `each` are the parts of `all` one by one, and more than one.
bool side_by_side(const Xapian::Database& all, const std::vector<Xapian::Database>& each) {
  return each.size() >= 2 && all.size() == each.size();
}

/// The document with its data read: a remote document's data otherwise travels when first
/// asked for, which would be after the threads are gone.
Xapian::Document read_one(const Xapian::Database& db, Xapian::docid id) {
  Xapian::Document doc = db.get_document(id);
  (void)doc.get_data();
  return doc;
}

}  // namespace

std::vector<Xapian::Document> read_documents(const Xapian::Database& all,
                                             const std::vector<Xapian::Database>& each,
                                             const std::vector<Xapian::docid>& ids) {
  std::vector<Xapian::Document> docs(ids.size());
  if (!side_by_side(all, each) || ids.size() < 2) {
    for (std::size_t i = 0; i < ids.size(); ++i) docs[i] = read_one(all, ids[i]);
    return docs;
  }
  // Xapian numbers the documents of combined databases in turn: document d of the whole is
  // document (d - 1) / n + 1 of database (d - 1) % n.
  const std::size_t shards = each.size();
  std::vector<std::vector<std::size_t>> of_shard(shards);
  for (std::size_t i = 0; i < ids.size(); ++i) of_shard[(ids[i] - 1) % shards].push_back(i);
  // Each thread alone uses its shard's handle; this one waits for all before going on.
  std::vector<std::future<void>> reading;
  for (std::size_t s = 0; s < shards; ++s) {
    if (of_shard[s].empty()) continue;
    reading.push_back(std::async(std::launch::async, [&, s] {
      for (std::size_t i : of_shard[s])
        docs[i] = read_one(each[s], static_cast<Xapian::docid>((ids[i] - 1) / shards + 1));
    }));
  }
  std::exception_ptr failed;
  for (std::future<void>& f : reading) {
    try {
      f.get();
    } catch (...) {
      if (!failed) failed = std::current_exception();
    }
  }
  if (failed) std::rethrow_exception(failed);
  return docs;
}

}  // namespace opslag
