// Tests opslag-server's options: defaults, the limits they set, their checks, the admin token.
#include "server/http/server_options.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "schema/errors.h"
#include "tests/support/parse_options.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

/// `args` parsed as opslag-server's command line; throws CLI::ParseError as CLI11 does.
ServerOptions parse(const std::vector<std::string>& args) {
  return testing::parse_options(&add_server_options, args);
}

TEST(ServerOptionsTest, DefaultsServeOnLoopbackWithTheDefaultLimits) {
  const ServerOptions o = parse({"--db", "data/opslag.db"});
  EXPECT_EQ(o.databases, std::vector<std::string>{"data/opslag.db"});
  EXPECT_EQ(o.host, "127.0.0.1");
  EXPECT_EQ(o.port, 8080);
  EXPECT_EQ(o.limits.max_page_size, Limits{}.max_page_size);
  EXPECT_EQ(o.transport.max_connections, TransportLimits{}.max_connections);
  EXPECT_EQ(o.transport.header_timeout_ms, TransportLimits{}.header_timeout_ms);
}

TEST(ServerOptionsTest, EachLimitOptionSetsItsLimit) {
  const ServerOptions o =
      parse({"--db", "db", "--max-page-size", "20", "--max-query-words", "8", "--max-request-line",
             "1024", "--max-connections-per-client", "3", "--header-timeout-ms", "500",
             "--idle-timeout", "2", "--exact-matches", "100"});
  EXPECT_EQ(o.limits.max_page_size, 20);
  EXPECT_EQ(o.limits.max_query_words, 8u);
  EXPECT_EQ(o.limits.exact_matches, 100u);
  EXPECT_EQ(o.transport.max_request_line, 1024u);
  EXPECT_EQ(o.transport.max_connections_per_client, 3u);
  EXPECT_EQ(o.transport.header_timeout_ms, 500u);
  EXPECT_EQ(o.transport.idle_timeout_s, 2u);
}

TEST(ServerOptionsTest, SeveralDatabasesAreSearchedAsOne) {
  EXPECT_EQ(parse({"--db", "a,b", "--db", "c"}).databases,
            (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ServerOptionsTest, ValuesOutOfRangeAreRefused) {
  EXPECT_THROW(parse({"--db", "db", "--port", "70000"}), CLI::ValidationError);
  EXPECT_THROW(parse({"--db", "db", "--max-page-size", "0"}), CLI::ValidationError);
  EXPECT_THROW(parse({"--db", "db", "--max-request-line", "100000"}), CLI::ValidationError);
  EXPECT_THROW(parse({"--db", "db", "--threads", "0"}), CLI::ValidationError);
  EXPECT_THROW(parse({"--db", "db", "--header-timeout-ms", "0"}), CLI::ValidationError);
}

TEST(ServerOptionsTest, ThePublicUrlOfFeedsMustBeAPlainHttpAddress) {
  EXPECT_EQ(parse({"--db", "db", "--public-url", "https://opslag.example.dk"}).public_url,
            "https://opslag.example.dk");
  EXPECT_EQ(parse({"--db", "db"}).public_url, "");
  for (const char* bad : {"opslag.example.dk", "ftp://x", "https://x/", "https://x\"><b>"})
    EXPECT_THROW(parse({"--db", "db", "--public-url", bad}), CLI::ValidationError) << bad;
}

TEST(ServerOptionsTest, TheDatabaseIsRequired) { EXPECT_THROW(parse({}), CLI::RequiredError); }

TEST(ServerOptionsTest, AnOptionMayComeFromTheEnvironment) {
  ::setenv("OPSLAG_MAX_RESULT_DEPTH", "300", 1);
  const ServerOptions o = parse({"--db", "db"});
  ::unsetenv("OPSLAG_MAX_RESULT_DEPTH");
  EXPECT_EQ(o.limits.max_result_depth, 300);
}

TEST(ServerOptionsTest, TheAdminTokenIsTheFirstLineOfItsFile) {
  testing::TempDir dir;
  ServerOptions o;
  o.admin_token_file = dir.write("token", "s3cret \r\nnext line\n").string();
  EXPECT_EQ(read_admin_token(o), "s3cret");
  o.admin_token_file = dir.write("empty", "\n").string();
  EXPECT_THROW((void)read_admin_token(o), Error);
  o.admin_token_file = (dir.path() / "missing").string();
  EXPECT_THROW((void)read_admin_token(o), Error);
}

TEST(ServerOptionsTest, WithoutAFileTheAdminTokenComesFromTheEnvironmentOrIsOff) {
  ::unsetenv("OPSLAG_ADMIN_TOKEN");
  EXPECT_EQ(read_admin_token(ServerOptions{}), "");
  ::setenv("OPSLAG_ADMIN_TOKEN", "fra-miljøet", 1);
  EXPECT_EQ(read_admin_token(ServerOptions{}), "fra-miljøet");
  ::unsetenv("OPSLAG_ADMIN_TOKEN");
}

}  // namespace
}  // namespace opslag
