// opslag-search's options and the search request they make.
#include "server/cli/search_options.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "schema/indexed_time.h"
#include "schema/option_sources.h"
#include "schema/program_info.h"
#include "server/engine/date_bounds.h"

namespace opslag {

void add_search_options(CLI::App& app, SearchOptions& o) {
  app.add_option("--db", o.databases,
                 "database built by opslag-index (a folder, stub file or tcp:HOST:PORT); "
                 "repeat it to search several as one")
      ->allow_extra_args(false);
  app.add_option("--lexicon", o.shards.lexicon,
                 "local copy of the shards' spelling and compound data (DIR/lexicon beside "
                 "the shards), for suggestions when the shards are remote");
  app.add_option("--analyze", o.analyze,
                 "print word, stem and compound parts of each word of TEXT ('-': stdin)");
  app.add_option("--schema", o.schema_file, std::string("schema.json; ") + kDefaultSchemaHelp)
      ->envname("OPSLAG_SCHEMA");
  // The engine checks page, size, the query and the filters, in the words the API uses.
  app.add_option("--page", o.page, "page of results");
  app.add_option("--size", o.size, "hits per page");
  app.add_option("--source", o.sources, "only documents from this publisher (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--type", o.types, "only documents of this type (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--from", o.from, "only documents dated on or after: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--to", o.to, "only documents dated on or before: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--sort", o.sort,
                 "relevance, date (oldest first), -date (newest first), indexed or -indexed (by "
                 "when Opslag first indexed each document)")
      ->check(CLI::IsMember({"relevance", "date", "-date", "indexed", "-indexed"}))
      ->capture_default_str();
  app.add_option("--since", o.since,
                 "only documents Opslag first indexed on or after this UTC date or time: "
                 "YYYY-MM-DD or YYYY-MM-DDTHH:MM");
  app.add_flag("--new-since-last-run", o.new_since_last_run,
               "only documents indexed after the newest this search printed last time, oldest "
               "first (for a cron job); the first run prints every match");
  app.add_option("--last-run-file", o.last_run_file,
                 "where --new-since-last-run keeps its time (default: one file per search under "
                 "$XDG_STATE_HOME/opslag or ~/.local/state/opslag)");
  app.add_flag("--json", o.json, "print the server's JSON (as --format json)");
  app.add_option("--format", o.format,
                 "text, json (the server's JSON of the page), csv or jsonl (every match, up to "
                 "--max-export, as /search.csv and /search.jsonl give them)")
      ->check(CLI::IsMember({"text", "json", "csv", "jsonl"}))
      ->capture_default_str();
  app.add_option("--max-export", o.max_export, "most matches --format csv or jsonl prints")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
      ->capture_default_str();
  app.add_option("--show", o.show,
                 "show the document with this id whole, the matches of QUERY (if given) marked, "
                 "through $PAGER on a terminal");
  app.add_flag("--no-pager", o.no_pager, "never show the output through a pager");
  app.add_option("--color", o.color,
                 "colour the matches: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("query", o.words, "what to search for");
  read_options_from_environment_and_file(app);
}

SearchRequest search_request_of(const SearchOptions& o) {
  SearchRequest request;
  for (const std::string& w : o.words) request.query += (request.query.empty() ? "" : " ") + w;
  request.page = o.page;
  request.size = o.size;
  request.sources = o.sources;
  request.types = o.types;
  if (!o.from.empty()) request.from = date_bound(o.from, false, "--from");
  if (!o.to.empty()) request.to = date_bound(o.to, true, "--to");
  request.sort = parse_sort_order(o.sort, "--sort");
  if (!o.since.empty()) request.since = indexed_since_bound(o.since, "--since");
  // What arrived since the last run comes oldest first, so a run that prints only some of it
  // leaves the rest for the next.
  if (o.new_since_last_run && request.sort == SortOrder::kRelevance)
    request.sort = SortOrder::kIndexedAscending;
  return request;
}

OutputStyle output_style(const SearchOptions& options, bool is_terminal, std::size_t columns,
                         bool no_color, const char* columns_variable) {
  OutputStyle style;
  style.colour = options.color == "always" || (options.color == "auto" && is_terminal && !no_color);
  if (is_terminal) {
    // $COLUMNS, as ls and man read it, before the terminal's own size.
    std::size_t width = 0;
    if (columns_variable) {
      const std::string_view text(columns_variable);
      (void)std::from_chars(text.data(), text.data() + text.size(), width);
    }
    style.width = width >= 20 ? width : columns;
  }
  style.pager = is_terminal && !options.no_pager;
  return style;
}

namespace {

/// The edits (insert, delete, replace, swap two neighbours) from `a` to `b`, up to 3.
std::size_t edits(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string option_hints(const CLI::App& app, const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (!arg.starts_with("--")) continue;
    const std::string name = arg.substr(2, arg.find('=') - 2);
    if (name.empty() || app.get_option_no_throw("--" + name)) continue;
    std::string best;
    std::size_t best_edits = 3;
    for (const CLI::Option* option : app.get_options()) {
      for (const std::string& known : option->get_lnames()) {
        const std::size_t e = edits(name, known);
        if (e < best_edits) {
          best_edits = e;
          best = known;
        }
      }
    }
    if (!best.empty())
      out += "opslag-search: --" + name + " is no option: did you mean --" + best + "?\n";
  }
  return out;
}

}  // namespace opslag
