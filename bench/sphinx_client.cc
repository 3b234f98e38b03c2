// sphinx-client: top 10 with snippets from Sphinx's searchd over SphinxQL (its MySQL protocol,
// libmariadb), timed like xapian-reference.
//
// Per query: SELECT id, title, body FROM <index> WHERE MATCH('<query>') LIMIT 10 (Sphinx's
// default ranker, proximity_bm25; title and body are string attributes as well as fields, so
// searchd hands the bodies back), then one CALL SNIPPETS over the bodies of those hits with
// the query in extended syntax (query_mode, so phrases are highlighted as phrases) and a limit
// of 240 characters, about opslag's length. The query's double quotes (phrases) are kept and
// every other operator character of Sphinx's syntax is escaped, so words mean words.
#include <mariadb/mysql.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "bench/load_timer.h"

namespace {

/// About as many characters as opslag's snippets have bytes (SnippetMaker::kLength,
/// server/engine/snippet_maker.h).
constexpr int kSnippetLength = 240;

/// `text` as the inside of a single-quoted SphinxQL string.
std::string sql_string(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

/// `query` with Sphinx's operators escaped, phrase quotes kept.
std::string match_text(std::string_view query) {
  std::string out;
  for (const char c : query) {
    if (std::string_view(R"(\()|-!@~&/^$=<')").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

struct ResultFree {
  void operator()(MYSQL_RES* r) const { mysql_free_result(r); }
};
struct ConnectionClose {
  void operator()(MYSQL* m) const { mysql_close(m); }
};

/// One thread's connection to searchd.
class SphinxWorker : public opslag::bench::SearchWorker {
 public:
  SphinxWorker(const std::string& socket, std::string index)
      : conn_(mysql_init(nullptr)), index_(std::move(index)) {
    if (!conn_) throw std::runtime_error("mysql_init failed");
    if (!mysql_real_connect(conn_.get(), nullptr, "", "", nullptr, 0, socket.c_str(), 0))
      throw std::runtime_error("cannot connect to searchd at " + socket + ": " +
                               mysql_error(conn_.get()));
  }

  std::size_t search(const std::string& query) override { return search(query, nullptr); }

  std::string show(const std::string& query) override {
    std::string out;
    search(query, &out);
    return out;
  }

 private:
  /// The search; with `out`, each hit's id and snippet appended to it.
  std::size_t search(const std::string& query, std::string* out) {
    const std::string match = sql_string(match_text(query));
    std::vector<std::string> ids, bodies;
    {
      const auto hits =
          run("SELECT id, title, body FROM " + index_ + " WHERE MATCH(" + match + ") LIMIT 10");
      while (MYSQL_ROW row = mysql_fetch_row(hits.get())) {
        ids.emplace_back(row[0] ? row[0] : "");
        bodies.emplace_back(row[2] ? row[2] : "");
      }
    }
    if (bodies.empty()) return 0;
    std::string call = "CALL SNIPPETS((";
    for (std::size_t i = 0; i < bodies.size(); ++i) call += (i ? "," : "") + sql_string(bodies[i]);
    call += "), '" + index_ + "', " + match + ", " + std::to_string(kSnippetLength) +
            " AS limit, 1 AS query_mode, '<mark>' AS before_match, '</mark>' AS after_match, "
            "'…' AS chunk_separator)";
    const auto snippets = run(call);
    std::size_t n = 0;
    while (MYSQL_ROW row = mysql_fetch_row(snippets.get())) {
      if (out && n < ids.size()) *out += "#" + ids[n] + ": " + (row[0] ? row[0] : "") + "\n";
      ++n;
    }
    if (n != bodies.size()) throw std::runtime_error("CALL SNIPPETS gave too few snippets");
    return bodies.size();
  }

  std::unique_ptr<MYSQL_RES, ResultFree> run(const std::string& sql) {
    if (mysql_real_query(conn_.get(), sql.data(), sql.size()) != 0)
      throw std::runtime_error(mysql_error(conn_.get()));
    std::unique_ptr<MYSQL_RES, ResultFree> result(mysql_store_result(conn_.get()));
    if (!result) throw std::runtime_error(std::string("no result: ") + mysql_error(conn_.get()));
    return result;
  }

  std::unique_ptr<MYSQL, ConnectionClose> conn_;
  std::string index_;
};

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"sphinx-client: top 10 with snippets from Sphinx searchd (SphinxQL), timed."};
  opslag::bench::TimerOptions options;
  std::string socket, index = "bench";
  app.add_option("--socket", socket, "searchd's SphinxQL (mysql41) Unix socket")->required();
  app.add_option("--index", index, "index name")->capture_default_str();
  opslag::bench::add_timer_options(app, options);
  CLI11_PARSE(app, argc, argv);
  return opslag::bench::run_timer("sphinx", options,
                                  [&] { return std::make_unique<SphinxWorker>(socket, index); });
} catch (const std::exception& e) {
  std::cerr << "sphinx-client: " << e.what() << '\n';
  return 2;
}
