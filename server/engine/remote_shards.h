// Reads a page's documents from every remote shard at once: Xapian 1.4 asks remote shards for
// one document at a time, one shard after another.
#pragma once

#include <xapian.h>

#include <vector>

namespace opslag {

/// The documents `ids` of `all` (shards searched as one), in the order given, with their data
/// read. `each` are the databases `all` was combined from, in order and sharing its handles
/// (connections, revisions); each is asked for its own documents on a thread of its own, so no
/// other thread may use `all` or `each` meanwhile. When `each` holds fewer than two databases,
/// or `all` holds databases beyond them (a stub of shards given as one source), the documents
/// are read from `all` one after another. Throws what Xapian throws (NetworkError for a shard
/// that went away, DocNotFoundError for an id no shard holds).
[[nodiscard]] std::vector<Xapian::Document> read_documents(
    const Xapian::Database& all, const std::vector<Xapian::Database>& each,
    const std::vector<Xapian::docid>& ids);

}  // namespace opslag
