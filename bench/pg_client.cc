// pg-client: top 10 with snippets from PostgreSQL full-text search (libpq), timed like
// xapian-reference.
//
// Per query, one prepared statement: websearch_to_tsquery('danish', $1) (words AND-ed, quoted
// phrases, as a search box), the documents whose stored tsvector matches it (GIN index),
// ordered by ts_rank_cd, the top 10, and ts_headline('danish', body, q) for those 10 only.
#include <libpq-fe.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "bench/load_timer.h"

namespace {

constexpr const char* kSearch = R"(
SELECT id, title, ts_headline('danish', body, q, 'StartSel=<mark>, StopSel=</mark>') AS snippet
FROM (SELECT id, title, body, q, ts_rank_cd(tsv, q) AS rank
      FROM docs, websearch_to_tsquery('danish', $1) AS q
      WHERE tsv @@ q
      ORDER BY rank DESC
      LIMIT 10) AS top
ORDER BY rank DESC)";

struct ConnectionFinish {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultClear {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultClear>;

/// One thread's connection, with the search prepared on it.
class PgWorker : public opslag::bench::SearchWorker {
 public:
  explicit PgWorker(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_.get()) != CONNECTION_OK)
      throw std::runtime_error("cannot connect (" + conninfo + "): " + PQerrorMessage(conn_.get()));
    // A query of stop words only gets a NOTICE and no hits; the notices are not wanted.
    PQsetNoticeProcessor(
        conn_.get(), [](void*, const char*) {}, nullptr);
    const Result prepared(PQprepare(conn_.get(), "search", kSearch, 1, nullptr));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
      throw std::runtime_error(std::string("prepare: ") + PQerrorMessage(conn_.get()));
  }

  std::size_t search(const std::string& query) override {
    return static_cast<std::size_t>(PQntuples(run(query).get()));
  }

  std::string show(const std::string& query) override {
    const Result result = run(query);
    std::string out;
    for (int i = 0; i < PQntuples(result.get()); ++i)
      out += std::string(PQgetvalue(result.get(), i, 0)) + ": " + PQgetvalue(result.get(), i, 2) +
             "\n";
    return out;
  }

 private:
  Result run(const std::string& query) {
    const char* values[] = {query.c_str()};
    Result result(PQexecPrepared(conn_.get(), "search", 1, values, nullptr, nullptr, 0));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
      throw std::runtime_error(PQerrorMessage(conn_.get()));
    return result;
  }

  std::unique_ptr<PGconn, ConnectionFinish> conn_;
};

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"pg-client: top 10 with ts_headline from PostgreSQL full-text search, timed."};
  opslag::bench::TimerOptions options;
  std::string conninfo;
  app.add_option("--conninfo", conninfo, "libpq connection string")->required();
  opslag::bench::add_timer_options(app, options);
  CLI11_PARSE(app, argc, argv);
  return opslag::bench::run_timer("postgresql", options,
                                  [&] { return std::make_unique<PgWorker>(conninfo); });
} catch (const std::exception& e) {
  std::cerr << "pg-client: " << e.what() << '\n';
  return 2;
}
