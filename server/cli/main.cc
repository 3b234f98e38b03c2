// opslag-search: search a database from the terminal, or show what the analyzer makes of text.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>

#include "schema/analysis/danish_analyzer.h"
#include "schema/error_exit.h"
#include "schema/option_sources.h"
#include "schema/schema.h"
#include "server/cli/terminal_output.h"
#include "server/engine/date_bounds.h"
#include "server/engine/searcher.h"
#include "server/json/hits_json.h"

int main(int argc, char** argv) try {
  CLI::App app{"opslag-search: search an Opslag database from the terminal."};
  std::vector<std::string> databases;
  std::string analyze, schema_file = OPSLAG_SCHEMA_DEFAULT;
  std::vector<std::string> words;
  opslag::SearchRequest request;
  bool json = false;
  app.add_option("--db", databases,
                 "database built by opslag-index (a folder, stub file or tcp:HOST:PORT); "
                 "repeat it to search several as one")
      ->allow_extra_args(false);
  opslag::ShardPolicy shards;
  app.add_option("--lexicon", shards.lexicon,
                 "local copy of the shards' spelling and compound data (DIR/lexicon beside "
                 "the shards), for suggestions when the shards are remote");
  app.add_option("--analyze", analyze,
                 "print word, stem and compound parts of each word of TEXT ('-': stdin)");
  app.add_option("--schema", schema_file, "schema.json")
      ->envname("OPSLAG_SCHEMA")
      ->capture_default_str();
  // The engine checks page, size, the query and the filters, in the words the API uses.
  app.add_option("--page", request.page, "page of results");
  app.add_option("--size", request.size, "hits per page");
  app.add_option("--source", request.sources, "only documents from this publisher (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--type", request.types, "only documents of this type (repeatable)")
      ->allow_extra_args(false);
  std::string from, to, sort = "relevance";
  app.add_option("--from", from, "only documents dated on or after: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--to", to, "only documents dated on or before: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--sort", sort, "relevance, date (oldest first) or -date (newest first)")
      ->check(CLI::IsMember({"relevance", "date", "-date"}))
      ->capture_default_str();
  app.add_flag("--json", json, "print the server's JSON");
  app.add_option("query", words, "what to search for");
  opslag::read_options_from_environment_and_file(app);
  CLI11_PARSE(app, argc, argv);

  const opslag::Schema schema = opslag::Schema::load(schema_file);
  const opslag::DanishAnalyzer analyzer(schema);
  if (app.count("--analyze")) {
    if (analyze == "-") analyze.assign(std::istreambuf_iterator<char>(std::cin), {});
    std::cout << opslag::format_analysis(analyzer, analyze);
    return 0;
  }
  if (databases.empty() || words.empty()) {
    std::cerr << "opslag-search: give --db DIR and a QUERY (or --analyze TEXT)\n";
    return 2;
  }
  for (const std::string& w : words) request.query += (request.query.empty() ? "" : " ") + w;
  if (!from.empty()) request.from = opslag::date_bound(from, false, "--from");
  if (!to.empty()) request.to = opslag::date_bound(to, true, "--to");
  request.sort = opslag::parse_sort_order(sort, "--sort");
  const opslag::Searcher searcher(schema, analyzer, databases, shards);
  const opslag::SearchResult result = searcher.search(request);
  if (json) {
    std::cout << opslag::search_json(request, result, 0).dump(2) << '\n';
  } else {
    std::cout << opslag::format_hits(request, result, isatty(STDOUT_FILENO));
  }
  return 0;
} catch (...) {
  return opslag::exit_status_of_exception("opslag-search", 2);
}
