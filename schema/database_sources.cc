// Opening local, stub and remote databases.
#include "schema/database_sources.h"

#include <charconv>

#include "schema/errors.h"

namespace opslag {

Xapian::Database open_source(const std::string& source, const RemoteTimeouts& timeouts) {
  try {
    if (source.starts_with("tcp:")) {
      const std::string address = source.substr(4);
      const auto colon = address.rfind(':');
      unsigned port = 0;
      const char* end = address.data() + address.size();
      if (colon == std::string::npos || colon == 0 ||
          std::from_chars(address.data() + colon + 1, end, port).ptr != end || port == 0 ||
          port > 65535)
        throw Error("database " + source + ": expected tcp:HOST:PORT");
      return Xapian::Remote::open(address.substr(0, colon), port, timeouts.answer_ms,
                                  timeouts.connect_ms);
    }
    return Xapian::Database(source);
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot open database " + source + ": " + e.get_msg() +
                           (source.starts_with("tcp:")
                                ? " (is xapian-tcpsrv running there?)"
                                : " (build it with: opslag-index --db " + source + " PATH...)"));
  }
}

std::vector<Xapian::Database> open_each(const std::vector<std::string>& sources,
                                        const Schema& schema, const RemoteTimeouts& timeouts) {
  if (sources.empty()) throw Error("no database to search");
  std::vector<Xapian::Database> each;
  for (const std::string& source : sources) {
    each.push_back(open_source(source, timeouts));
    schema.check_compatible(each.back(), source);
  }
  return each;
}

Xapian::Database combine(const std::vector<Xapian::Database>& databases) {
  Xapian::Database all;
  for (const Xapian::Database& one : databases) all.add_database(one);
  return all;
}

Xapian::Database open_sources(const std::vector<std::string>& sources, const Schema& schema,
                              const RemoteTimeouts& timeouts) {
  return combine(open_each(sources, schema, timeouts));
}

std::string describe(const std::vector<std::string>& sources) {
  std::string out;
  for (const std::string& s : sources) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace opslag
