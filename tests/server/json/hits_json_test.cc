// Tests the API's JSON shapes built from the engine's results.
#include "server/json/hits_json.h"

#include <gtest/gtest.h>

#include "schema/program_info.h"
#include "tests/support/sample_hit.h"
#include "tests/support/test_request.h"

namespace opslag {
namespace {

using testing::nemid_hit;
using testing::request;

TEST(HitsJsonTest, AHitCarriesItsMetadataRoundedScoreAndSnippetAsHtml) {
  SearchResult result;
  result.total = 1;
  result.hits.push_back(nemid_hit());
  const nlohmann::json j = search_json(request("NemID"), result, 1.23456);
  ASSERT_EQ(j["hits"].size(), 1u);
  const nlohmann::json& hit = j["hits"][0];
  EXPECT_EQ(hit["id"], "nemid.txt");
  EXPECT_EQ(hit["title"], "NemID lanceres");
  EXPECT_EQ(hit["date"], "2010-07-01");
  EXPECT_EQ(hit["source"], "IT- og Telestyrelsen");
  EXPECT_EQ(hit["type"], "pressemeddelelse");
  EXPECT_EQ(hit["url"], "https://example.dk/nemid");
  EXPECT_DOUBLE_EQ(hit["score"].get<double>(), 1.235);
  EXPECT_EQ(hit["snippet"], "Log på med <mark>NemID</mark> &amp; mere");
  EXPECT_EQ(hit["snippet_text"], "Log på med NemID & mere");
  EXPECT_TRUE(hit["page"].is_null());
  EXPECT_EQ(hit["view"], "/d/nemid.txt?q=NemID");
  EXPECT_FALSE(hit.contains("file"));
  EXPECT_DOUBLE_EQ(j["took_ms"].get<double>(), 1.235);
}

TEST(HitsJsonTest, APageOfAPdfIsANumber) {
  SearchResult result;
  Hit hit = nemid_hit();
  hit.page = 3;
  result.hits.push_back(hit);
  EXPECT_EQ(search_json(request("NemID"), result, 0)["hits"][0]["page"], 3);
}

TEST(HitsJsonTest, EchoesTheRequestAndCountsOfTheResult) {
  SearchResult result;
  result.total = 5000;
  result.estimated = true;
  result.ignored = {"og"};
  result.partial = true;
  const nlohmann::json j = search_json(request("NemID og MitID", 3, 20), result, 0);
  EXPECT_EQ(j["query"], "NemID og MitID");
  EXPECT_EQ(j["page"], 3);
  EXPECT_EQ(j["size"], 20);
  EXPECT_EQ(j["total"], 5000);
  EXPECT_EQ(j["estimated"], true);
  EXPECT_EQ(j["ignored"], nlohmann::json::array({"og"}));
  EXPECT_EQ(j["partial"], true);
}

TEST(HitsJsonTest, NoSuggestionIsNullAndASuggestionIsText) {
  SearchResult result;
  EXPECT_TRUE(search_json(request("nemid"), result, 0)["suggestion"].is_null());
  result.suggestion = "nemid";
  EXPECT_EQ(search_json(request("nemdi"), result, 0)["suggestion"], "nemid");
}

TEST(HitsJsonTest, FacetsAndExpansionsKeepTheirOrder) {
  SearchResult result;
  result.sources = {{"KL", 3}, {"Digitaliseringsstyrelsen", 1}};
  result.years = {{"2016", 2}};
  result.expansions = {{"compound", "portal", "borgerportal"}};
  const nlohmann::json j = search_json(request("portal"), result, 0);
  EXPECT_EQ(j["facets"]["source"],
            nlohmann::json::parse(R"([{"value":"KL","count":3},)"
                                  R"({"value":"Digitaliseringsstyrelsen","count":1}])"));
  EXPECT_EQ(j["facets"]["year"], nlohmann::json::parse(R"([{"value":"2016","count":2}])"));
  EXPECT_EQ(j["facets"]["type"], nlohmann::json::array());
  EXPECT_EQ(j["expansions"],
            nlohmann::json::parse(R"([{"type":"compound","from":"portal","to":"borgerportal"}])"));
}

TEST(HitsJsonTest, SimilarDocumentsCarryNoSnippet) {
  const nlohmann::json j = similar_json("nemid.txt", {nemid_hit()});
  EXPECT_EQ(j["id"], "nemid.txt");
  ASSERT_EQ(j["similar"].size(), 1u);
  EXPECT_EQ(j["similar"][0]["title"], "NemID lanceres");
  EXPECT_FALSE(j["similar"][0].contains("snippet"));
}

TEST(HitsJsonTest, ADocumentShowsItsPathOnlyWhenAsked) {
  StoredDocument doc = nemid_hit().doc;
  doc.path = "/arkiv/nemid.txt";
  doc.body = "Med NemID logger borgerne på.";
  doc.language = "da";
  EXPECT_FALSE(document_json(doc, false).contains("path"));
  const nlohmann::json j = document_json(doc, true);
  EXPECT_EQ(j["path"], "/arkiv/nemid.txt");
  EXPECT_EQ(j["body"], "Med NemID logger borgerne på.");
  EXPECT_EQ(j["language"], "da");
}

TEST(HitsJsonTest, HealthNamesTheRevisionOnlyForOneDatabase) {
  IndexStatus one{.documents = 44, .revision = 7};
  nlohmann::json expected =
      nlohmann::json::parse(R"({"status":"ok","documents":44,"revision":7,"shards":1})");
  expected["version"] = version();
  EXPECT_EQ(health_json(one), expected);
  IndexStatus two{.documents = 44, .revision = 0, .shards = 2};
  EXPECT_TRUE(health_json(two)["revision"].is_null());
}

TEST(HitsJsonTest, HealthSaysTheServersVersion) {
  const std::string said = health_json(IndexStatus{})["version"];
  EXPECT_TRUE(said.starts_with(OPSLAG_PROJECT_VERSION " ") || said == OPSLAG_PROJECT_VERSION)
      << said;
}

}  // namespace
}  // namespace opslag
