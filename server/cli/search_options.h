// The options of opslag-search: what to search, how to show it, or text to analyse instead.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "server/engine/searcher.h"

namespace opslag {

/// Everything opslag-search can be told.
struct SearchOptions {
  std::vector<std::string> databases;
  ShardPolicy shards;
  std::string schema_file;
  std::string analyze;             ///< text to analyse instead of searching ("-": standard input)
  std::vector<std::string> words;  ///< the query, as the shell split it
  std::string show;  ///< the id of a document to show whole, the query's matches marked
  bool no_pager = false;
  int page = 1;
  int size = 10;
  std::vector<std::string> sources;
  std::vector<std::string> types;
  std::string from, to, sort = "relevance";
  std::string since;                ///< only documents first indexed at or after (--since)
  bool new_since_last_run = false;  ///< only documents indexed after the newest printed last time
  std::string last_run_file;        ///< where that is kept; empty: LastRun::default_file
  bool json = false;
  std::string color = "auto";   ///< auto (on a terminal, unless NO_COLOR is set), always, never
  std::string format = "text";  ///< text, json (as --json), csv or jsonl (every match)
  std::size_t max_export = Limits{}.max_export;
};

/// How opslag-search writes to its standard output.
struct OutputStyle {
  bool colour = false;
  std::size_t width = 0;  ///< columns to wrap at; 0: no wrapping (not a terminal)
  bool pager = false;     ///< through $PAGER
};

/// The style for `options` when standard output `is_terminal` with `columns` columns (0:
/// unknown) and the environment says `no_color` (NO_COLOR set) and `columns_variable`
/// ($COLUMNS, or nullptr).
[[nodiscard]] OutputStyle output_style(const SearchOptions& options, bool is_terminal,
                                       std::size_t columns, bool no_color,
                                       const char* columns_variable);

/// "did you mean --source?" for each option in `args` (argv without the program) that `app`
/// does not know but that is one or two edits from one it does; empty when there is none.
[[nodiscard]] std::string option_hints(const CLI::App& app, const std::vector<std::string>& args);

/// Registers every option of SearchOptions on `app`, each also read from OPSLAG_<NAME> and from
/// --config FILE.
void add_search_options(CLI::App& app, SearchOptions& options);

/// The search `options` ask for. Throws BadInput naming the option for a date or sort order it
/// cannot read; the Searcher checks the rest, in the words the API uses.
[[nodiscard]] SearchRequest search_request_of(const SearchOptions& options);

}  // namespace opslag
