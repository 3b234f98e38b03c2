// Tests kilde: by the words of a source, exactly with quotes, and facets by the whole source.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "indexer/index_updater.h"
#include "server/engine/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_request.h"

namespace opslag {
namespace {

class SourceFilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("kl.txt", "Kommunerne og MitID\n\n01-02-2021 Nyhed\n\nMitID i kommunerne.\n\n"
                            "Kilde: KL\n");
    corpus_.write("strategi.txt",
                  "Strategi for digitalisering\n\n01-05-2022 Rapport\n\nMitID og digital post i "
                  "strategien.\n\nKilde: Digitaliseringsministeriet, KL og Danske Regioner\n");
    corpus_.write("regioner.txt", "Regionerne og MitID\n\n01-03-2021 Nyhed\n\nMitID i "
                                  "regionerne.\n\nKilde: Danske Regioner\n");
    std::ostringstream errors;
    IndexUpdater(testing::project_schema(), analyzer_, db_path(), errors).run({corpus_.path()});
  }

  [[nodiscard]] std::string db_path() const { return (data_.path() / "db").string(); }

  /// The ids `query` finds, sorted.
  std::vector<std::string> ids(const std::string& query) const {
    std::vector<std::string> out;
    for (const Hit& hit : Searcher(testing::project_schema(), analyzer_, db_path())
                              .search(testing::request(query))
                              .hits)
      out.push_back(hit.doc.id);
    std::sort(out.begin(), out.end());
    return out;
  }

  testing::TempDir corpus_;
  testing::TempDir data_;
  DanishAnalyzer analyzer_{testing::project_schema()};
};

TEST_F(SourceFilterTest, KildeFindsEverySourceWithTheWordInIt) {
  EXPECT_EQ(ids("mitid kilde:KL"), (std::vector<std::string>{"kl.txt", "strategi.txt"}));
  EXPECT_EQ(ids("mitid kilde:regioner"),
            (std::vector<std::string>{"regioner.txt", "strategi.txt"}));
}

TEST_F(SourceFilterTest, QuotesAskForTheWholeSource) {
  EXPECT_EQ(ids("mitid kilde:\"KL\""), std::vector<std::string>{"kl.txt"});
  EXPECT_EQ(ids("mitid kilde:\"Danske Regioner\""), std::vector<std::string>{"regioner.txt"});
}

TEST_F(SourceFilterTest, ExcludingASourceWordLeavesTheOthers) {
  EXPECT_EQ(ids("mitid -kilde:KL"), std::vector<std::string>{"regioner.txt"});
}

TEST_F(SourceFilterTest, TheFacetAndItsFilterStayByTheWholeSource) {
  const Searcher searcher(testing::project_schema(), analyzer_, db_path());
  const SearchResult all = searcher.search(testing::request("mitid"));
  std::vector<std::string> values;
  for (const FacetCount& f : all.sources) values.push_back(f.value);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<std::string>{"Danske Regioner",
                                              "Digitaliseringsministeriet, KL og Danske Regioner",
                                              "KL"}));
  SearchRequest only_kl = testing::request("mitid");
  only_kl.sources = {"KL"};
  const SearchResult kl = searcher.search(only_kl);
  ASSERT_EQ(kl.hits.size(), 1u);
  EXPECT_EQ(kl.hits[0].doc.id, "kl.txt");
}

}  // namespace
}  // namespace opslag
