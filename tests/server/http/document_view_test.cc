// Tests the document view (/d/{id}) and the original files (/documents/{id}/file) on a real
// server over loopback, on a corpus written by the test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <sstream>

#include "indexer/index_updater.h"
#include "server/http/routes.h"
#include "tests/server/http/http_answers.h"
#include "tests/server/http/server_thread.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_request.h"

namespace opslag {
namespace {

using nlohmann::json;
using testing::body_of;
using ::testing::HasSubstr;
using ::testing::Not;

class DocumentViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto testdata = std::filesystem::path(OPSLAG_SOURCE_DIR) / "tests" / "testdata";
    std::filesystem::copy_file(testdata / "nemid-rapport.pdf", corpus_.path() / "rapport.pdf");
    corpus_.write("nemid.txt",
                  "NemID lanceres\n\n01-07-2010 Pressemeddelelse\n\nNemID afløser den digitale "
                  "signatur.\n\nMed NemID logger borgerne på hos banken og det offentlige.\n\n"
                  "Kilde: IT- og Telestyrelsen\n");
    corpus_.write("xss.txt",
                  "Sikkerhed på hjemmesider\n\n02-02-2020 Notat\n\nEn side må aldrig køre "
                  "<script>alert(1)</script> fra et dokument om NemID.\n");
    corpus_.write("side.html",
                  "<html><head><title>NemID på en side</title></head><body><p>NemID i HTML."
                  "</p><script>alert(1)</script></body></html>");
    corpus_.write("mitid.txt",
                  "MitID afløser NemID\n\n18-10-2021 Nyhed\n\nMitID erstatter "
                  "NemID for alle borgerne.\n");
    index();
    searcher_ = std::make_unique<Searcher>(testing::project_schema(), analyzer_, db_path());
    routes_ = std::make_unique<Routes>(*searcher_);
    routes_->add_to(server_);
    running_ = std::make_unique<testing::ServerThread>(server_);
  }

  void index(const std::vector<std::filesystem::path>& jsonl = {}) {
    std::ostringstream errors;
    IndexInputs inputs{{corpus_.path()}, jsonl};
    IndexUpdater(testing::project_schema(), analyzer_, db_path(), errors).run(inputs);
  }

  [[nodiscard]] std::string db_path() const { return (data_.path() / "db").string(); }

  httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", running_->port());
    client.set_url_encode(false);
    return client.Get(path);
  }

  DanishAnalyzer analyzer_{testing::project_schema()};
  testing::TempDir corpus_;
  testing::TempDir data_;
  std::unique_ptr<Searcher> searcher_;
  std::unique_ptr<Routes> routes_;
  HttpServer server_{HttpSettings{}};
  std::unique_ptr<testing::ServerThread> running_;
};

TEST_F(DocumentViewTest, EveryHitLinksToItsViewWithTheQueryAndToItsOriginalFile) {
  const auto res = get("/search?q=NemID%20signatur");
  ASSERT_TRUE(res);
  const json body = body_of(res);
  ASSERT_FALSE(body["hits"].empty());
  for (const json& hit : body["hits"]) {
    const std::string id = hit["id"];
    EXPECT_EQ(hit["view"], "/d/" + id + "?q=NemID%20signatur");
    EXPECT_EQ(hit["file"].get<std::string>().substr(0, 11 + id.size() + 5),
              "/documents/" + id + "/file");
  }
}

TEST_F(DocumentViewTest, APdfHitsFileLinkOpensAtThePageOfItsSnippet) {
  const json body = body_of(get("/search?q=login"));
  ASSERT_EQ(body["hits"].size(), 1u);
  EXPECT_EQ(body["hits"][0]["file"], "/documents/rapport.pdf/file#page=3");
}

TEST_F(DocumentViewTest, TheOriginalFileIsServedAsIndexedWithItsTypeAndName) {
  const auto pdf = get("/documents/rapport.pdf/file");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->get_header_value("Content-Disposition"),
            "inline; filename=\"rapport.pdf\"; filename*=UTF-8''rapport.pdf");
  EXPECT_EQ(pdf->body, testing::read_file(corpus_.path() / "rapport.pdf"));

  const auto text = get("/documents/nemid.txt/file");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(text->body, testing::read_file(corpus_.path() / "nemid.txt"));
  EXPECT_EQ(text->get_header_value("Content-Security-Policy"), "sandbox");
}

TEST_F(DocumentViewTest, AnHtmlOriginalIsDownloadedNeverRunOnTheServersOrigin) {
  const auto res = get("/documents/side.html/file");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_THAT(res->get_header_value("Content-Disposition"), ::testing::StartsWith("attachment;"));
  EXPECT_EQ(res->get_header_value("Content-Security-Policy"), "sandbox");
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(DocumentViewTest, AFileChangedSinceIndexingIsRefusedWith409NotServed) {
  corpus_.write("nemid.txt", "Helt andre bytes, som aldrig er indekseret.\n");
  const auto res = get("/documents/nemid.txt/file");
  testing::expect_error(res, 409, "changed since it was indexed");
  EXPECT_THAT(res->body, Not(HasSubstr("aldrig er indekseret")));
  // Once the indexer has read the new version, it is served.
  index();
  const auto again = get("/documents/nemid.txt/file");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(again->body, "Helt andre bytes, som aldrig er indekseret.\n");
}

TEST_F(DocumentViewTest, AFileGoneSinceIndexingIs404AndADeletedDocumentToo) {
  std::filesystem::remove(corpus_.path() / "mitid.txt");
  testing::expect_error(get("/documents/mitid.txt/file"), 404, "gone since it was indexed");
  index();
  testing::expect_error(get("/documents/mitid.txt/file"), 404, "no document with id");
}

TEST_F(DocumentViewTest, ADocumentOfAJsonLinesFileHasNoFileToServe) {
  data_.write("linjer.jsonl",
              R"({"id": "linje-1", "title": "NemID i en linje", "body": "NemID i JSON."})"
              "\n");
  index({data_.path() / "linjer.jsonl"});
  const json body = body_of(get("/search?q=linje"));
  ASSERT_EQ(body["hits"].size(), 1u);
  EXPECT_FALSE(body["hits"][0].contains("file"));
  testing::expect_error(get("/documents/linje-1/file"), 404, "no original file");
}

TEST_F(DocumentViewTest, NoRequestReadsAFileTheIndexDidNotRecord) {
  for (const char* path :
       {"/documents/../../../../etc/passwd/file", "/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd/file",
        "/documents/%2fetc%2fpasswd/file", "/documents//etc/passwd/file",
        "/documents/nemid.txt%00/file", "/documents/nemid.txt/../../../etc/passwd/file",
        "/documents/..%2fnemid.txt/file", "/documents/%252e%252e%252fetc%252fpasswd/file",
        "/documents/rapport.pdf/file/../../../etc/passwd", "/documents/./nemid.txt/file",
        "/documents/nemid.txt/./file"}) {
    const auto res = get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << ": " << res->status;
    EXPECT_THAT(res->body, Not(HasSubstr("root:"))) << path;
  }
}

TEST_F(DocumentViewTest, TheViewShowsTheWholeTextWithEveryMatchMarkedAndCounted) {
  const auto res = get("/d/nemid.txt?q=nemid%20signaturen");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const std::string& html = res->body;
  EXPECT_THAT(html, HasSubstr("<title>NemID lanceres – Opslag</title>"));
  EXPECT_THAT(html, HasSubstr("<h1><mark>NemID</mark> lanceres</h1>"));
  // Stems mark inflections: "signaturen" finds "signatur".
  EXPECT_THAT(html, HasSubstr("<mark id=\"m1\">NemID</mark> afløser den digitale "
                              "<mark id=\"m2\">signatur</mark>."));
  EXPECT_THAT(html, HasSubstr("<p>Med <mark id=\"m3\">NemID</mark> logger"));
  EXPECT_THAT(html, HasSubstr("data-count=\"3\""));
  EXPECT_THAT(html, HasSubstr("3 fundsteder"));
  EXPECT_THAT(html, HasSubstr("<time datetime=\"2010-07-01\">1. juli 2010</time>"));
  EXPECT_THAT(html, HasSubstr("href=\"/documents/nemid.txt/file\""));
  EXPECT_THAT(html, HasSubstr("href=\"/?q=nemid%20signaturen\""));
  EXPECT_THAT(html, HasSubstr("<script src=\"/static/view.js\" defer></script>"));
  EXPECT_EQ(res->get_header_value("Content-Security-Policy").substr(0, 19), "default-src 'self';");
}

TEST_F(DocumentViewTest, TheViewListsSimilarDocumentsLinkingToTheirViews) {
  const std::string html = get("/d/mitid.txt")->body;
  EXPECT_THAT(html, HasSubstr("Lignende dokumenter"));
  EXPECT_THAT(html, HasSubstr("<a href=\"/d/nemid.txt\">NemID lanceres</a>"));
}

TEST_F(DocumentViewTest, WithoutAQueryNothingIsMarkedAndNoMatchControlsAreShown) {
  const std::string html = get("/d/nemid.txt")->body;
  EXPECT_THAT(html, Not(HasSubstr("<mark")));
  EXPECT_THAT(html, Not(HasSubstr("fundsted")));
  EXPECT_THAT(html, HasSubstr("NemID afløser den digitale signatur."));
}

TEST_F(DocumentViewTest, AQueryTheTextDoesNotHoldIsSaid) {
  EXPECT_THAT(get("/d/nemid.txt?q=sundhed")->body, HasSubstr("Søgeordene står ikke i teksten."));
}

TEST_F(DocumentViewTest, TheViewEscapesTheDocumentsMarkup) {
  const std::string html = get("/d/xss.txt?q=NemID")->body;
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
}

TEST_F(DocumentViewTest, APdfsViewSaysWhereEachPageBegins) {
  const std::string html = get("/d/rapport.pdf?q=login")->body;
  EXPECT_THAT(html, HasSubstr("<p class=\"side\" id=\"side-1\">Side 1</p>"));
  EXPECT_THAT(html, HasSubstr("<p class=\"side\" id=\"side-3\">Side 3</p>"));
  // The match is on page 3, after its marker.
  EXPECT_LT(html.find("id=\"side-3\""), html.find("<mark id=\"m1\">"));
  EXPECT_THAT(html, HasSubstr("Hent den oprindelige PDF"));
}

TEST_F(DocumentViewTest, AnUnknownDocumentGetsAnHtmlPageWith404) {
  const auto res = get("/d/findes-ikke.txt?q=NemID");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_THAT(res->body, HasSubstr("Dokumentet findes ikke"));
}

TEST_F(DocumentViewTest, ABadQueryGets400NotAPage) {
  testing::expect_error(get("/d/nemid.txt?q=%FF"), 400, "UTF-8");
}

}  // namespace
}  // namespace opslag
