// opslag-server's two route modules over one HttpServer on a loopback port, for HTTP tests.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>
#include <vector>

#include "server/http/http_server.h"
#include "server/http/routes.h"
#include "server/http/web_routes.h"
#include "tests/server/http/server_thread.h"

namespace opslag::testing {

/// Default settings but CORS allowing `origins`.
inline HttpSettings allowing(const std::vector<std::string>& origins) {
  HttpSettings settings;
  settings.allowed_origins = origins;
  return settings;
}

/// The API and the browser routes of `searcher` and `suggester` on an ephemeral port of
/// 127.0.0.1, CORS allowing `origins`, until destroyed.
class TestServer {
 public:
  TestServer(const Searcher& searcher, const Suggester& suggester,
             const std::vector<std::string>& origins, const Limits& limits = {})
      : routes_(searcher), web_routes_(suggester, limits), server_(allowing(origins)) {
    routes_.add_to(server_);
    web_routes_.add_to(server_);
    running_ = std::make_unique<ServerThread>(server_);
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  /// A client that sends paths as written, percent signs and dots included.
  [[nodiscard]] httplib::Client client() const {
    httplib::Client c("127.0.0.1", running_->port());
    c.set_url_encode(false);
    return c;
  }

  [[nodiscard]] const HttpServer& server() const { return server_; }

 private:
  Routes routes_;
  WebRoutes web_routes_;
  HttpServer server_;
  std::unique_ptr<ServerThread> running_;
};

}  // namespace opslag::testing
