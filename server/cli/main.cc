// opslag-search: search a database from the terminal, or show what the analyzer makes of text.
// Exit status as grep's: 0 when something matched, 1 when nothing did, 2 on an error.
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>

#include "schema/analysis/danish_analyzer.h"
#include "schema/error_exit.h"
#include "schema/indexed_time.h"
#include "schema/program_info.h"
#include "schema/schema.h"
#include "server/cli/last_run.h"
#include "server/cli/pager.h"
#include "server/cli/search_options.h"
#include "server/cli/terminal_output.h"
#include "server/engine/searcher.h"
#include "server/json/export_rows.h"
#include "server/json/hits_json.h"

namespace {

/// The columns of the terminal on standard output, or 0.
std::size_t terminal_columns() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

/// What opslag-search does once its options are read; the exit status.
int run(const opslag::SearchOptions& options, bool show) {
  const opslag::Schema schema = opslag::Schema::load(options.schema_file);
  const opslag::DanishAnalyzer analyzer(schema);
  if (!options.analyze.empty()) {
    std::string text = options.analyze;
    if (text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), {});
    std::cout << opslag::format_analysis(analyzer, text);
    return 0;
  }
  if (options.databases.empty() || (options.words.empty() && !show))
    throw opslag::BadInput("give --db DIR and a QUERY (or --show ID, or --analyze TEXT)");
  const bool terminal = isatty(STDOUT_FILENO);
  const opslag::OutputStyle style = opslag::output_style(
      options, terminal, terminal ? terminal_columns() : 0,
      std::getenv("NO_COLOR") && *std::getenv("NO_COLOR"), std::getenv("COLUMNS"));
  opslag::SearchRequest request = opslag::search_request_of(options);
  std::optional<opslag::LastRun> last_run;
  if (options.new_since_last_run && !show) {
    last_run.emplace(!options.last_run_file.empty()
                         ? std::filesystem::path(options.last_run_file)
                         : opslag::LastRun::default_file(request, options.databases,
                                                         std::getenv("XDG_STATE_HOME"),
                                                         std::getenv("HOME")));
    if (const std::string last = last_run->read(); !last.empty())
      request.since = std::max(request.since, opslag::just_after(last));
  }
  // Remembers the newest document printed, once it is printed.
  const auto remember = [&](const std::vector<opslag::Hit>& hits) {
    if (!last_run) return;
    std::string newest;
    for (const opslag::Hit& hit : hits) newest = std::max(newest, hit.doc.indexed);
    if (!newest.empty()) last_run->write(newest);
  };
  const opslag::Searcher searcher(schema, analyzer, options.databases, options.shards);
  if (show) {
    const auto view = searcher.view(options.show, request.query);
    if (!view)
      throw opslag::BadInput("no document with id \"" + options.show +
                             "\" (opslag-index --list --db DIR lists them)");
    if (options.json) {
      nlohmann::json j = opslag::document_json(view->doc, false);
      j["marks"] = view->body_marks;
      std::cout << j.dump(2) << '\n';
    } else {
      opslag::show_paged(opslag::format_document(*view, style.colour), style.pager);
    }
    return 0;
  }
  if (options.format == "csv" || options.format == "jsonl") {
    const bool csv = options.format == "csv";
    const auto stream = searcher.stream_matches(request, options.max_export);
    std::cout << (csv ? opslag::csv_header() : "");
    std::vector<opslag::Hit> printed;
    for (auto hits = stream->next(200); !hits.empty(); hits = stream->next(200)) {
      for (opslag::Hit& hit : hits) {
        std::cout << (csv ? opslag::csv_row(hit) : opslag::jsonl_row(hit));
        if (last_run) printed.push_back(std::move(hit));
      }
    }
    if (stream->total() > stream->size())
      std::cerr << "opslag-search: the first " << stream->size() << " of "
                << (stream->estimated() ? "about " : "") << stream->total()
                << " matches (--max-export)\n";
    std::cout.flush();
    remember(printed);
    return stream->total() > 0 ? 0 : 1;
  }
  const opslag::SearchResult result = searcher.search(request);
  if (options.json) {
    std::cout << opslag::search_json(request, result, 0).dump(2) << '\n';
  } else {
    opslag::show_paged(
        opslag::format_hits(request, result, style.colour, style.width, last_run.has_value()),
        style.pager);
  }
  std::cout.flush();
  remember(result.hits);
  return result.total > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "opslag-search: search an Opslag database from the terminal.\n\n"
      "Eksempler:\n"
      "  opslag-search --db data/opslag.db NemID\n"
      "  opslag-search --db data/opslag.db '\"Digital Post\"' --source KL --from 2014\n"
      "  opslag-search --db data/opslag.db --sort -date strategi --page 2\n"
      "  opslag-search --db data/opslag.db --show nemid.txt NemID\n"
      "  opslag-search --db data/opslag.db --format csv MitID > mitid.csv\n"
      "  opslag-search --db data/opslag.db --new-since-last-run --size 100 MitID\n"
      "  opslag-search --analyze 'Sundhedsportalen'\n\n"
      "Exit status: 0 when something matched, 1 when nothing did, 2 on an error."};
  app.set_version_flag("--version", opslag::version_line("opslag-search"));
  opslag::SearchOptions options;
  options.schema_file = opslag::default_schema_file();
  opslag::add_search_options(app, options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);  // prints the help, the version or the error
    if (status == 0) return 0;
    std::cerr << opslag::option_hints(app, std::vector<std::string>(argv + 1, argv + argc));
    return 2;
  }
  if (options.format == "json") options.json = true;
  try {
    return run(options, app.count("--show") > 0);
  } catch (...) {
    if (!options.json) return opslag::exit_status_of_exception("opslag-search", 2);
    // With --json, the error is JSON too, on standard output, as the server would answer it.
    std::cout << nlohmann::json{{"error", opslag::current_exception_message()}}.dump(2) << '\n';
    return 2;
  }
}
