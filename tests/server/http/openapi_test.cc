// Tests the OpenAPI description (server/http/web/openapi.json, served at /openapi.json) against
// the server: every route it registers is described, with the status and media type of each
// answer. Whether the JSON of the answers and examples fits the schemas, Debian's jsonschema
// checks in openapi_check.py, on the same requests.
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "server/engine/suggester.h"
#include "server/http/http_server.h"
#include "server/http/metrics.h"
#include "server/http/routes.h"
#include "server/http/web_routes.h"
#include "tests/server/http/server_thread.h"
#include "tests/support/tiny_index.h"

namespace opslag {
namespace {

using nlohmann::json;

constexpr const char* kToken = "s3cret";

/// The whole server over a tiny index, with metrics and an admin token, and its description.
class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    routes_.add_to(server_);
    web_routes_.add_to(server_);
    running_ = std::make_unique<testing::ServerThread>(server_);
    const auto res = get("/openapi.json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
    spec_ = json::parse(res->body);
  }

  httplib::Result get(const std::string& path, bool admin = false) const {
    httplib::Client client("127.0.0.1", running_->port());
    client.set_url_encode(false);
    if (admin) return client.Get(path, {{"Authorization", std::string("Bearer ") + kToken}});
    return client.Get(path);
  }

  /// The description of the answers of `route` with `status`, or null.
  [[nodiscard]] json described(const std::string& route, int status) const {
    const json::json_pointer at("/paths/" + pointer_escaped(route) + "/get/responses/" +
                                std::to_string(status));
    return spec_.contains(at) ? spec_[at] : json();
  }

  static std::string pointer_escaped(std::string s) {
    for (std::size_t at = 0; (at = s.find('/', at)) != std::string::npos; at += 2)
      s.replace(at, 1, "~1");
    return s;
  }

  testing::TinyIndex index_;
  Searcher searcher_{testing::project_schema(), index_.analyzer(), index_.db_path()};
  Suggester suggester_{testing::project_schema(), index_.analyzer(), {index_.db_path()}};
  Metrics metrics_;
  Routes routes_{searcher_, Operations{.metrics = &metrics_,
                                       .admin_token = kToken,
                                       .transport_limits = TransportLimits{}}};
  WebRoutes web_routes_{suggester_};
  HttpServer server_{HttpSettings{}};
  std::unique_ptr<testing::ServerThread> running_;
  json spec_;
};

TEST_F(OpenApiTest, TheDescriptionNamesEveryRouteTheServerRegistersAndNoOther) {
  EXPECT_EQ(spec_["openapi"], "3.1.0");
  std::set<std::string> registered, paths;
  for (const std::string& route : server_.routes()) registered.insert(route);
  for (const auto& [path, item] : spec_["paths"].items()) paths.insert(path);
  EXPECT_EQ(paths, registered);
}

TEST_F(OpenApiTest, EveryRoutesRealAnswersHaveADescribedStatusAndMediaType) {
  struct Call {
    std::string path;
    bool admin = false;
  };
  const std::vector<Call> calls = {
      {"/search?q=NemID"},
      {"/search?q=digital%20post&source=KL&from=2010&sort=-date&size=2"},
      {"/search?q=nemi"},
      {"/search?q=NemID%20AND"},
      {"/search"},
      {"/search?q=NemID&size=1000"},
      {"/search.atom?q=NemID"},
      {"/search.atom?q=NemID&size=0"},
      {"/search.csv?q=NemID"},
      {"/search.jsonl?q=NemID&source=KL"},
      {"/search.csv"},
      {"/search.jsonl?q=NemID&from=20x"},
      {"/documents/nemid.txt"},
      {"/documents/nemid.txt", true},
      {"/documents/findes-ikke.txt"},
      {"/documents/nemid.txt/similar"},
      {"/documents/nemid.txt/similar?size=0"},
      {"/documents/findes-ikke.txt/similar"},
      {"/documents/nemid.txt/file"},
      {"/documents/findes-ikke.txt/file"},
      {"/d/nemid.txt?q=NemID"},
      {"/d/nemid.txt"},
      {"/d/findes-ikke.txt"},
      {"/d/nemid.txt?q=%FF"},
      {"/suggest?q=nem"},
      {"/suggest?q=NemID%20lan"},
      {"/suggest"},
      {"/health"},
      {"/metrics"},
      {"/admin/stats"},
      {"/admin/stats", true},
      {"/openapi.json"},
      {"/"},
      {"/widget.js"},
      {"/static/app.js"},
      {"/static/findes-ikke.js"},
  };
  std::set<std::string> answered;
  for (const Call& call : calls) {
    SCOPED_TRACE(call.path);
    const auto res = get(call.path, call.admin);
    ASSERT_TRUE(res);
    const std::string route = server_.route_of(call.path.substr(0, call.path.find('?')));
    answered.insert(route);
    const json response = described(route, res->status);
    ASSERT_FALSE(response.is_null()) << route << " answered " << res->status << ", undescribed";
    ASSERT_TRUE(response.contains("content")) << route << " " << res->status;
    // The media type answered must be one the description names for it.
    const std::string answered_type = res->get_header_value("Content-Type");
    const json& content = response["content"];
    std::string matched;
    for (auto it = content.begin(); it != content.end(); ++it)
      if (answered_type.starts_with(it.key())) matched = it.key();
    EXPECT_FALSE(matched.empty()) << answered_type << " is not described: " << content.dump();
  }
  for (const std::string& route : server_.routes()) EXPECT_TRUE(answered.count(route)) << route;
}

}  // namespace
}  // namespace opslag
