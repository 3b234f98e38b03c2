// Tests what the searcher gives the document view, and the order of undated documents by date.
#include <gtest/gtest.h>

#include "schema/indexed_time.h"
#include "tests/support/searched_corpus.h"

namespace opslag {
namespace {

class DocumentViewSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("gammel.txt",
                  "Digital signatur\n\n01-07-2001 Nyhed\n\nDen digitale signatur "
                  "kommer.\n");
    corpus_.write("udateret.txt", "Om signaturer\n\nEn tekst uden dato om digital signatur.\n");
    corpus_.write("ny.txt",
                  "NemID afløser signaturen\n\n01-07-2010 Nyhed\n\nNemID afløser den "
                  "digitale signatur. Signaturen udfases.\n");
    corpus_.index();
  }

  std::vector<std::string> ids(SortOrder sort) const {
    SearchRequest r = testing::request("signatur");
    r.sort = sort;
    std::vector<std::string> out;
    for (const Hit& hit : searcher().search(r).hits) out.push_back(hit.doc.id);
    return out;
  }

  Searcher searcher() const {
    return Searcher(testing::project_schema(), analyzer_, corpus_.db_path());
  }

  DanishAnalyzer analyzer_{testing::project_schema()};
  testing::SearchedCorpus corpus_;
};

TEST_F(DocumentViewSearchTest, UndatedDocumentsComeLastInBothDateOrders) {
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids(SortOrder::kDateAscending), (Ids{"gammel.txt", "ny.txt", "udateret.txt"}));
  EXPECT_EQ(ids(SortOrder::kDateDescending), (Ids{"ny.txt", "gammel.txt", "udateret.txt"}));
}

TEST_F(DocumentViewSearchTest, NewestArrivalsComeFirstWhateverTheirDatesAndSinceKeepsOnlyThem) {
  std::string before;  // the newest stamp of the first run
  for (const char* id : {"gammel.txt", "udateret.txt", "ny.txt"})
    before = std::max(before, searcher().document(id)->indexed);
  ASSERT_FALSE(before.empty());
  corpus_.write("aeldst.txt", "Signaturens forløber\n\n01-01-1999 Nyhed\n\nEn signatur.\n");
  corpus_.index();
  using Ids = std::vector<std::string>;
  const Ids newest = ids(SortOrder::kIndexedDescending);
  ASSERT_EQ(newest.size(), 4u);
  EXPECT_EQ(newest.front(), "aeldst.txt");  // dated 1999, indexed last
  EXPECT_EQ(ids(SortOrder::kIndexedAscending).back(), "aeldst.txt");

  SearchRequest since = testing::request("signatur");
  since.since = just_after(before);
  const SearchResult result = searcher().search(since);
  EXPECT_EQ(result.total, 1u);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].doc.id, "aeldst.txt");
  EXPECT_GT(result.hits[0].doc.indexed, before);
}

TEST_F(DocumentViewSearchTest, AStreamOfEveryMatchGivesThemInPiecesInTheSearchsOrder) {
  SearchRequest r = testing::request("signatur");
  r.sort = SortOrder::kDateAscending;
  const Searcher searching = searcher();  // a stream reads through its Searcher
  const auto stream = searching.stream_matches(r, 10);
  EXPECT_EQ(stream->total(), 3u);
  EXPECT_EQ(stream->size(), 3u);
  std::vector<std::string> out;
  for (auto hits = stream->next(2); !hits.empty(); hits = stream->next(2)) {
    EXPECT_LE(hits.size(), 2u);
    for (const Hit& hit : hits) {
      out.push_back(hit.doc.id);
      EXPECT_TRUE(hit.doc.body.empty());
      EXPECT_FALSE(hit.snippet.text.empty());
    }
  }
  EXPECT_EQ(out, (std::vector<std::string>{"gammel.txt", "ny.txt", "udateret.txt"}));
  const auto cut = searching.stream_matches(r, 2);
  EXPECT_EQ(cut->total(), 3u);
  EXPECT_EQ(cut->size(), 2u);
  EXPECT_EQ(cut->next(5).size(), 2u);
}

TEST_F(DocumentViewSearchTest, AViewMarksTheQuerysMatchesInTitleAndBody) {
  const auto view = searcher().view("ny.txt", "signaturerne NemID");
  ASSERT_TRUE(view);
  EXPECT_EQ(view->doc.title, "NemID afløser signaturen");
  const auto marked = [](const std::string& text, const auto& marks) {
    std::vector<std::string> out;
    for (const auto& [begin, end] : marks) out.push_back(text.substr(begin, end - begin));
    return out;
  };
  using Words = std::vector<std::string>;
  EXPECT_EQ(marked(view->doc.title, view->title_marks), (Words{"NemID", "signaturen"}));
  EXPECT_EQ(marked(view->doc.body, view->body_marks), (Words{"NemID", "signatur", "Signaturen"}));
}

TEST_F(DocumentViewSearchTest, AViewWithoutAQueryMarksNothingAndAnUnknownIdHasNone) {
  const auto view = searcher().view("ny.txt", "");
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->body_marks.empty());
  EXPECT_NE(view->doc.body.find("Signaturen udfases."), std::string::npos);
  EXPECT_FALSE(searcher().view("findes-ikke.txt", "NemID"));
}

}  // namespace
}  // namespace opslag
