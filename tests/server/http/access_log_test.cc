// Tests the access log's JSON lines.
#include "server/http/access_log.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

httplib::Request request(const std::string& target) {
  httplib::Request req;
  req.method = "GET";
  req.target = target;
  req.path = target.substr(0, target.find('?'));
  req.remote_addr = "127.0.0.1";
  return req;
}

TEST(AccessLogTest, ALineHoldsTheRequestTheStatusAndTheTime) {
  httplib::Response res;
  res.status = 200;
  res.body = "{}";
  const auto line = nlohmann::json::parse(AccessLog::line(request("/search?q=NemID"), res, 1.25));
  EXPECT_EQ(line["method"], "GET");
  EXPECT_EQ(line["path"], "/search");
  EXPECT_EQ(line["query"], "q=NemID");
  EXPECT_EQ(line["status"], 200);
  EXPECT_EQ(line["bytes"], 2);
  EXPECT_EQ(line["ms"], 1.25);
  EXPECT_EQ(line["remote"], "127.0.0.1");
  EXPECT_TRUE(line["time"].get<std::string>().ends_with("Z")) << line;
  EXPECT_FALSE(line.contains("error"));
}

TEST(AccessLogTest, AnErrorIsLoggedWithItsCause) {
  httplib::Response res;
  res.status = 503;
  res.body = R"({"error":"the index is not available: no such database"})";
  const auto line = nlohmann::json::parse(AccessLog::line(request("/search?q=x"), res, 0.5));
  EXPECT_EQ(line["status"], 503);
  EXPECT_EQ(line["error"], "the index is not available: no such database");
}

TEST(AccessLogTest, WritesOneWholeLinePerRequestToItsFile) {
  const testing::TempDir dir;
  const auto file = dir.path() / "access.log";
  {
    AccessLog log(file.string());
    httplib::Response res;
    res.status = 404;
    res.body = R"({"error":"no such route: /x"})";
    log.write(request("/x"), res, 0.1);
    log.write(request("/y"), res, 0.2);
  }
  std::ifstream in(file);
  std::vector<nlohmann::json> lines;
  for (std::string text; std::getline(in, text);) lines.push_back(nlohmann::json::parse(text));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["path"], "/x");
  EXPECT_EQ(lines[1]["path"], "/y");
}

TEST(AccessLogTest, AStalledReaderNeverHoldsUpAnsweringLinesAreDroppedAndCounted) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  {
    AccessLog log("/dev/fd/" + std::to_string(fds[1]), 100);
    httplib::Response res;
    res.status = 200;
    // The pipe holds 64 KiB and nobody reads it: these lines fill it, then the queue. Each
    // write() returns at once (were it to wait for the reader, this test would hang).
    for (int i = 0; i < 5000; ++i) log.write(request("/stalled"), res, 0.1);
    EXPECT_GT(log.dropped(), 0u);
    // The reader comes back: lines flow again.
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    std::string read;
    char buffer[65536];
    for (int i = 0; i < 500 && read.find("/resumed") == std::string::npos; ++i) {
      if (i % 10 == 0) log.write(request("/resumed"), res, 0.1);
      const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
      if (n > 0) read.append(buffer, static_cast<std::size_t>(n));
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_NE(read.find("/resumed"), std::string::npos);
  }
  close(fds[0]);
  close(fds[1]);
}

TEST(AccessLogTest, AFileThatCannotBeOpenedIsNamed) {
  try {
    AccessLog log("/no/such/folder/access.log");
    FAIL() << "opened";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/no/such/folder/access.log"), std::string::npos);
  }
}

}  // namespace
}  // namespace opslag
