// opslag-server: options, then serve the routes until SIGINT or SIGTERM.
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "schema/analysis/danish_analyzer.h"
#include "schema/database_sources.h"
#include "schema/error_exit.h"
#include "schema/program_info.h"
#include "schema/schema.h"
#include "server/engine/searcher.h"
#include "server/engine/suggester.h"
#include "server/http/access_log.h"
#include "server/http/http_server.h"
#include "server/http/metrics.h"
#include "server/http/routes.h"
#include "server/http/server_options.h"
#include "server/http/web_routes.h"

int main(int argc, char** argv) try {
  // Signals go to one thread that stops the server: it stops accepting, the requests in flight
  // are answered, then the listener returns and main exits. Blocked before any thread starts,
  // so every thread inherits the mask and none dies of them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  CLI::App app{"opslag-server: the Opslag search API over HTTP."};
  app.set_version_flag("--version", opslag::version_line("opslag-server"));
  opslag::ServerOptions options;
  options.schema_file = opslag::default_schema_file();
  opslag::add_server_options(app, options);
  CLI11_PARSE(app, argc, argv);

  const opslag::Schema schema = opslag::Schema::load(options.schema_file);
  const opslag::DanishAnalyzer analyzer(schema);
  const opslag::Searcher searcher(schema, analyzer, options.databases, options.shards,
                                  options.limits);
  const opslag::Suggester suggester(schema, analyzer, options.databases, options.shards.timeouts);
  opslag::Metrics metrics;
  std::optional<opslag::AccessLog> access_log;
  if (options.access_log != "none") access_log.emplace(options.access_log);
  const unsigned threads = options.threads ? options.threads : opslag::default_threads();
  opslag::HttpServer server({options.transport, options.allowed_origins, threads, &metrics,
                             access_log ? &*access_log : nullptr});
  const opslag::Routes routes(searcher, {&metrics, opslag::read_admin_token(options),
                                         options.transport, options.public_url});
  const opslag::WebRoutes web_routes(suggester, options.limits);
  routes.add_to(server);
  web_routes.add_to(server);

  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  stopper.detach();

  opslag::raise_open_file_limit();
  if (!server.bind(options.host, options.port)) {
    std::cerr << "opslag-server: cannot listen on " << options.host << ":" << options.port << '\n';
    return 1;
  }
  std::cerr << "opslag-server: serving " << opslag::describe(options.databases) << " on http://"
            << options.host << ":" << options.port << "/ with " << threads << " threads"
            << std::endl;
  if (!server.listen()) {
    std::cerr << "opslag-server: cannot start serving on " << options.host << ":" << options.port
              << '\n';
    return 1;
  }
  return 0;
} catch (...) {
  return opslag::exit_status_of_exception("opslag-server", 2);
}
