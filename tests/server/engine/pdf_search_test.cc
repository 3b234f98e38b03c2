// Tests that hits in PDFs say which page their snippet is on, through search and JSON.
#include <gtest/gtest.h>

#include <map>

#include "server/json/hits_json.h"
#include "tests/support/searched_corpus.h"

namespace opslag {
namespace {

class PdfSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto testdata = std::filesystem::path(OPSLAG_SOURCE_DIR) / "tests" / "testdata";
    std::filesystem::copy_file(testdata / "nemid-rapport.pdf", corpus_.path() / "rapport.pdf");
    corpus_.write("notat.txt", "Notat om nøglekortet\n\nNøglekortet afløses af en app.\n");
    corpus_.index();
  }
  SearchResult search(const std::string& query) const { return corpus_.search(query); }

  testing::SearchedCorpus corpus_;
};

TEST_F(PdfSearchTest, AHitInAPdfSaysThePageOfItsSnippet) {
  const SearchResult result = search("login");
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].doc.id, "rapport.pdf");
  EXPECT_EQ(result.hits[0].page, 3);
  EXPECT_EQ(search("selvbetjeningsløsninger").hits.at(0).page, 2);
}

TEST_F(PdfSearchTest, TheJsonHasThePageAndNullForDocumentsWithoutPages) {
  const SearchResult result = search("nøglekortet");
  ASSERT_EQ(result.hits.size(), 2u);
  const nlohmann::json json = search_json(testing::request("nøglekortet"), result, 1.0);
  std::map<std::string, nlohmann::json> page_of;
  for (const auto& hit : json["hits"]) page_of[hit["id"].get<std::string>()] = hit["page"];
  EXPECT_EQ(page_of.at("rapport.pdf"), 3);
  EXPECT_TRUE(page_of.at("notat.txt").is_null());
}

TEST_F(PdfSearchTest, TheSnippetHasNoFormFeeds) {
  for (const Hit& hit : search("NemID").hits)
    EXPECT_EQ(hit.snippet.text.find('\f'), std::string::npos) << hit.snippet.text;
}

}  // namespace
}  // namespace opslag
