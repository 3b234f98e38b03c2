// opslag-search: search a database from the terminal, or show what the analyzer makes of text.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>

#include "schema/analysis/danish_analyzer.h"
#include "schema/error_exit.h"
#include "schema/program_info.h"
#include "schema/schema.h"
#include "server/cli/pager.h"
#include "server/cli/search_options.h"
#include "server/cli/terminal_output.h"
#include "server/engine/searcher.h"
#include "server/json/hits_json.h"

int main(int argc, char** argv) try {
  CLI::App app{"opslag-search: search an Opslag database from the terminal."};
  app.set_version_flag("--version", opslag::version_line("opslag-search"));
  opslag::SearchOptions options;
  options.schema_file = opslag::default_schema_file();
  opslag::add_search_options(app, options);
  CLI11_PARSE(app, argc, argv);

  const opslag::Schema schema = opslag::Schema::load(options.schema_file);
  const opslag::DanishAnalyzer analyzer(schema);
  if (app.count("--analyze")) {
    std::string text = options.analyze;
    if (text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), {});
    std::cout << opslag::format_analysis(analyzer, text);
    return 0;
  }
  const bool show = app.count("--show") > 0;
  if (options.databases.empty() || (options.words.empty() && !show)) {
    std::cerr << "opslag-search: give --db DIR and a QUERY (or --show ID, or --analyze TEXT)\n";
    return 2;
  }
  const opslag::SearchRequest request = opslag::search_request_of(options);
  const opslag::Searcher searcher(schema, analyzer, options.databases, options.shards);
  const bool terminal = isatty(STDOUT_FILENO);
  if (show) {
    const auto view = searcher.view(options.show, request.query);
    if (!view) {
      std::cerr << "opslag-search: no document with id \"" << options.show
                << "\" (opslag-index --list --db DIR lists them)\n";
      return 2;
    }
    if (options.json) {
      nlohmann::json j = opslag::document_json(view->doc, false);
      j["marks"] = view->body_marks;
      std::cout << j.dump(2) << '\n';
    } else {
      opslag::show_paged(opslag::format_document(*view, terminal), terminal && !options.no_pager);
    }
    return 0;
  }
  const opslag::SearchResult result = searcher.search(request);
  if (options.json) {
    std::cout << opslag::search_json(request, result, 0).dump(2) << '\n';
  } else {
    std::cout << opslag::format_hits(request, result, terminal);
  }
  return 0;
} catch (...) {
  return opslag::exit_status_of_exception("opslag-search", 2);
}
