// The options of opslag-server: what to serve, where, and the limits, from flags, OPSLAG_*
// variables or a config file.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "server/engine/request_limits.h"
#include "server/engine/searcher.h"
#include "server/http/transport_limits.h"

namespace opslag {

/// Everything opslag-server can be told.
struct ServerOptions {
  std::vector<std::string> databases;
  ShardPolicy shards;
  std::string host = "127.0.0.1";
  int port = 8080;
  unsigned threads = 0;  ///< 0: default_threads()
  std::vector<std::string> allowed_origins;
  std::string access_log = "-";  ///< a file, "-" for standard output, "none" for no log
  std::string admin_token_file;  ///< the admin token is read from it, or from OPSLAG_ADMIN_TOKEN
  std::string public_url;        ///< where readers reach the server, for feed links (--public-url)
  std::string schema_file;
  Limits limits;              ///< what one search may ask of the engine
  TransportLimits transport;  ///< how large one request may be
};

/// Registers every option of ServerOptions on `app` with its help, its default and the checks
/// of its value, each also read from OPSLAG_<NAME> and from --config FILE.
void add_server_options(CLI::App& app, ServerOptions& options);

/// Worker threads when --threads is not given: four a core, at least eight. cpp-httplib keeps a
/// worker for each open keep-alive connection, so there must be more than cores.
[[nodiscard]] unsigned default_threads();

/// Raises this process's limit of open files to the most it may have, so --max-connections
/// connections fit beside the databases' files.
void raise_open_file_limit();

/// The admin token: the first line of `options.admin_token_file` if given, else the variable
/// OPSLAG_ADMIN_TOKEN, else empty (administration off). Throws Error naming the file if it
/// cannot be read or holds no token.
[[nodiscard]] std::string read_admin_token(const ServerOptions& options);

}  // namespace opslag
