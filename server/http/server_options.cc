// opslag-server's options, their defaults and checks.
#include "server/http/server_options.h"

#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "schema/errors.h"
#include "schema/option_sources.h"
#include "schema/program_info.h"

namespace opslag {

unsigned default_threads() { return std::max(8u, 4 * std::thread::hardware_concurrency()); }

void raise_open_file_limit() {
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur >= files.rlim_max) return;
  files.rlim_cur = files.rlim_max;
  setrlimit(RLIMIT_NOFILE, &files);
}

namespace {

/// What to serve: the databases, the shards' policy, the schema.
void add_database_options(CLI::App& app, ServerOptions& o) {
  app.add_option("--db", o.databases,
                 "database built by opslag-index: a folder, a Xapian stub file, or tcp:HOST:PORT "
                 "(xapian-tcpsrv); repeat it to search several as one")
      ->required()
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--shard-timeout", o.shards.timeouts.answer_ms,
                 "milliseconds a remote shard may take to answer")
      ->check(CLI::Range(100u, 600000u))
      ->capture_default_str();
  app.add_flag("--partial", o.shards.allow_partial,
               "when a remote shard cannot be reached, answer from the others with "
               "\"partial\": true instead of 503");
  app.add_option("--lexicon", o.shards.lexicon,
                 "local copy of the shards' spelling and compound data (DIR/lexicon beside "
                 "the shards), for suggestions when the shards are remote");
  app.add_option("--schema", o.schema_file, std::string("schema.json; ") + kDefaultSchemaHelp);
}

/// Where and how to listen, who may call, and what is logged.
void add_serving_options(CLI::App& app, ServerOptions& o) {
  app.add_option("--host", o.host, "address to listen on")->capture_default_str();
  app.add_option("--port", o.port, "port to listen on")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  app.add_option("--threads", o.threads,
                 "worker threads, each answering one request at a time (default: 4 a core, at "
                 "least 8: " +
                     std::to_string(default_threads()) + " here)")
      ->check(CLI::Range(1u, 1024u));
  app.add_option("--allow-origin", o.allowed_origins,
                 "origin whose pages may call the API from a browser, as "
                 "http://intranet.example:8000, or * for any; repeat it for several (default: "
                 "only pages the server serves itself)")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--access-log", o.access_log,
                 "where the access log's JSON lines go: a file, - for standard output, none")
      ->capture_default_str();
  app.add_option("--admin-token-file", o.admin_token_file,
                 "file whose first line is the bearer token of /admin/stats and of file paths "
                 "in /documents (or OPSLAG_ADMIN_TOKEN; without either, both are off)")
      ->check(CLI::ExistingFile);
  app.add_option("--public-url", o.public_url,
                 "the address readers reach the server at (https://opslag.example.dk), for the "
                 "links in feeds; without, http:// and the Host the reader asked for")
      ->check([](const std::string& url) -> std::string {
        const bool scheme = url.starts_with("http://") || url.starts_with("https://");
        if (!scheme || url.find_first_of(" \"<>'") != std::string::npos || url.ends_with('/'))
          return "must begin with http:// or https://, hold no spaces or quotes, and not end "
                 "with /";
        return "";
      });
}

/// The limits: every option that sets one of Limits or TransportLimits, in one table.
void add_limit_options(CLI::App& app, ServerOptions& o) {
  Limits& l = o.limits;
  app.add_option("--max-query-bytes", l.max_query_bytes, "longest q, in bytes")
      ->check(CLI::Range(1u, 8000u))
      ->capture_default_str();
  app.add_option("--max-query-words", l.max_query_words, "most words in q")
      ->check(CLI::Range(1u, 1000u))
      ->capture_default_str();
  app.add_option("--max-wildcard-terms", l.max_wildcard_terms,
                 "most words a prefix* stands for (the most frequent)")
      ->check(CLI::Range(1u, 10000u))
      ->capture_default_str();
  app.add_option("--max-page-size", l.max_page_size, "largest size (hits a page)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--max-result-depth", l.max_result_depth, "deepest page × size ranked")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  app.add_option("--max-export", l.max_export,
                 "most matches /search.csv and /search.jsonl give (more are cut, and said so)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
      ->capture_default_str();
  TransportLimits& t = o.transport;
  app.add_option("--max-request-line", t.max_request_line, "longest URL asked for, in bytes")
      ->check(CLI::Range(std::size_t{64}, std::size_t{65536}))
      ->capture_default_str();
  app.add_option("--max-header-bytes", t.max_header_bytes, "most bytes of request headers")
      ->check(CLI::Range(std::size_t{256}, std::size_t{1} << 20))
      ->capture_default_str();
  app.add_option("--max-header-count", t.max_header_count, "most request header lines")
      ->check(CLI::Range(std::size_t{8}, std::size_t{10000}))
      ->capture_default_str();
  app.add_option("--max-connections", t.max_connections,
                 "connections open at once; beyond, a client gets 503")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
      ->capture_default_str();
  app.add_option("--max-connections-per-client", t.max_connections_per_client,
                 "connections open at once from one address; beyond, it gets 503")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
      ->capture_default_str();
  app.add_option("--header-timeout-ms", t.header_timeout_ms,
                 "milliseconds from a connection's opening, or its previous answer, to the end "
                 "of its next request's headers; a slower client is disconnected")
      ->check(CLI::Range(std::size_t{10}, std::size_t{3600000}))
      ->capture_default_str();
  app.add_option("--idle-timeout", t.idle_timeout_s,
                 "seconds a connection may send nothing before it is closed")
      ->check(CLI::Range(1u, 3600u))
      ->capture_default_str();
  app.add_option("--request-timeout-ms", l.request_timeout_ms,
                 "milliseconds one search may take; counting every match stops then, and a "
                 "search that still takes longer gets 503")
      ->check(CLI::Range(0.001, 600000.0))
      ->capture_default_str();
  app.add_option("--exact-matches", l.exact_matches,
                 "matches counted exactly for the total and the facets; beyond, they are "
                 "estimated (\"estimated\": true), which keeps broad searches fast")
      ->check(CLI::Range(10u, 100000000u))
      ->capture_default_str();
}

}  // namespace

void add_server_options(CLI::App& app, ServerOptions& o) {
  add_database_options(app, o);
  add_serving_options(app, o);
  add_limit_options(app, o);
  read_options_from_environment_and_file(app);
}

std::string read_admin_token(const ServerOptions& options) {
  if (options.admin_token_file.empty()) {
    const char* token = std::getenv("OPSLAG_ADMIN_TOKEN");
    return token ? token : "";
  }
  std::ifstream in(options.admin_token_file);
  std::string token;
  if (!in || !std::getline(in, token))
    throw Error("cannot read the admin token from " + options.admin_token_file);
  while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
  if (token.empty())
    throw Error(options.admin_token_file + " holds no admin token on its first line");
  return token;
}

}  // namespace opslag
