// Opens the databases a search or an index run names: local folders, Xapian stub files, and
// shards served by xapian-tcpsrv ("tcp:HOST:PORT"), as one Xapian::Database.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "schema/schema.h"

namespace opslag {

/// How long a remote shard may take to connect and to answer, in milliseconds.
struct RemoteTimeouts {
  unsigned connect_ms = 2000;
  unsigned answer_ms = 10000;
};

/// Opens one source: "tcp:HOST:PORT" with Xapian's remote backend, anything else as a local
/// database folder or stub file (a folder holding a XAPIANDB stub, as `opslag-index --shards`
/// writes, opens all its shards). Throws Error naming the source and the reason.
[[nodiscard]] Xapian::Database open_source(const std::string& source,
                                           const RemoteTimeouts& timeouts = {});

/// Opens every source, each checked against `schema` (IndexMismatch names the source), in
/// the order given.
[[nodiscard]] std::vector<Xapian::Database> open_each(const std::vector<std::string>& sources,
                                                      const Schema& schema,
                                                      const RemoteTimeouts& timeouts = {});

/// The databases as one (Xapian::Database::add_database): Xapian then ranks over all as over
/// one database. The result shares each database's handle: its connection and revision.
[[nodiscard]] Xapian::Database combine(const std::vector<Xapian::Database>& databases);

/// combine(open_each(sources, schema, timeouts)).
[[nodiscard]] Xapian::Database open_sources(const std::vector<std::string>& sources,
                                            const Schema& schema,
                                            const RemoteTimeouts& timeouts = {});

/// The sources as one line for messages: "a, tcp:host:1234".
[[nodiscard]] std::string describe(const std::vector<std::string>& sources);

}  // namespace opslag
