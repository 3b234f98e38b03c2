// opslag-server: options, then serve the routes until SIGINT or SIGTERM.
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <thread>

#include "danish_analyzer.h"
#include "database_sources.h"
#include "routes.h"
#include "schema.h"
#include "searcher.h"
#include "suggester.h"
#include "web_routes.h"

int main(int argc, char** argv) try {
  CLI::App app{"opslag-server: the Opslag search API over HTTP."};
  std::vector<std::string> databases;
  std::string host = "127.0.0.1", schema_file = OPSLAG_SCHEMA_DEFAULT;
  int port = 8080;
  app.add_option("--db", databases,
                 "database built by opslag-index: a folder, a Xapian stub file, or tcp:HOST:PORT "
                 "(xapian-tcpsrv); repeat it to search several as one")
      ->required()
      ->allow_extra_args(false);
  opslag::ShardPolicy shards;
  app.add_option("--shard-timeout", shards.timeouts.answer_ms,
                 "milliseconds a remote shard may take to answer")
      ->check(CLI::Range(100u, 600000u))
      ->capture_default_str();
  app.add_flag("--partial", shards.allow_partial,
               "when a remote shard cannot be reached, answer from the others with "
               "\"partial\": true instead of 503");
  app.add_option("--lexicon", shards.lexicon,
                 "local copy of the shards' spelling and compound data (DIR/lexicon beside "
                 "the shards), for suggestions when the shards are remote");
  app.add_option("--host", host, "address to listen on")->capture_default_str();
  app.add_option("--port", port, "port to listen on")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  std::vector<std::string> origins;
  app.add_option("--allow-origin", origins,
                 "origin whose pages may call the API from a browser, as "
                 "http://intranet.example:8000, or * for any; repeat it for several (default: "
                 "only pages the server serves itself)")
      ->allow_extra_args(false);
  app.add_option("--schema", schema_file, "schema.json")
      ->envname("OPSLAG_SCHEMA")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  const opslag::Schema schema = opslag::Schema::load(schema_file);
  const opslag::DanishAnalyzer analyzer(schema);
  const opslag::Searcher searcher(schema, analyzer, databases, shards);
  httplib::Server server;
  const opslag::Suggester suggester(schema, analyzer, databases, shards.timeouts);
  const opslag::Routes routes(searcher);
  const opslag::WebRoutes web_routes(suggester, origins);
  routes.install(server);
  web_routes.install(server);

  // Signals go to one thread that stops the server; the listener then returns and main exits.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  stopper.detach();

  if (!server.bind_to_port(host, port)) {
    std::cerr << "opslag-server: cannot listen on " << host << ":" << port << '\n';
    return 1;
  }
  std::cout << "opslag-server: serving " << opslag::describe(databases) << " on http://" << host
            << ":" << port << "/" << std::endl;
  server.listen_after_bind();
  return 0;
} catch (const std::exception& e) {
  std::cerr << "opslag-server: " << e.what() << '\n';
  return 2;
}
