// opslag-search's options and the search request they make.
#include "server/cli/search_options.h"

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
  app.add_option("--sort", o.sort, "relevance, date (oldest first) or -date (newest first)")
      ->check(CLI::IsMember({"relevance", "date", "-date"}))
      ->capture_default_str();
  app.add_flag("--json", o.json, "print the server's JSON");
  app.add_option("--show", o.show,
                 "show the document with this id whole, the matches of QUERY (if given) marked, "
                 "through $PAGER on a terminal");
  app.add_flag("--no-pager", o.no_pager, "never show the output through a pager");
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
  return request;
}

}  // namespace opslag
