// RelevanceMetrics: nDCG@10, reciprocal rank, recall and "right first" on hand-made rankings,
// and the judgment file's errors.
#include "server/eval/relevance_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

TEST(RelevanceMetricsTest, RightFirstCountsOnlyATopGradeDocumentAtRankOne) {
  EXPECT_EQ(score_ranking({"a", "b"}, {{"a", 3}, {"b", 2}}).first_right, 1);
  EXPECT_EQ(score_ranking({"b", "a"}, {{"a", 3}, {"b", 2}}).first_right, 0);
  EXPECT_EQ(score_ranking({"x", "a"}, {{"a", 3}}).first_right, 0);
  EXPECT_EQ(score_ranking({"b"}, {{"b", 2}}).first_right, 1);  // 2 is this query's best grade
}

TEST(RelevanceMetricsTest, APerfectRankingScoresOne) {
  const RelevanceScore s = score_ranking({"a", "b", "x"}, {{"a", 3}, {"b", 2}});
  EXPECT_DOUBLE_EQ(s.ndcg10, 1.0);
  EXPECT_DOUBLE_EQ(s.reciprocal_rank, 1.0);
  EXPECT_DOUBLE_EQ(s.recall10, 1.0);
}

TEST(RelevanceMetricsTest, SwappedGradesScoreBelowOne) {
  const RelevanceScore s = score_ranking({"b", "a"}, {{"a", 3}, {"b", 1}});
  // DCG = 1/log2(2) + 7/log2(3); ideal = 7/log2(2) + 1/log2(3).
  EXPECT_NEAR(s.ndcg10, (1.0 + 7.0 / std::log2(3.0)) / (7.0 + 1.0 / std::log2(3.0)), 1e-12);
}

TEST(RelevanceMetricsTest, ReciprocalRankAndRecallCountFromTheFirstRelevant) {
  const RelevanceScore s = score_ranking({"x", "y", "a"}, {{"a", 2}, {"b", 2}});
  EXPECT_DOUBLE_EQ(s.reciprocal_rank, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.recall10, 0.5);
}

TEST(RelevanceMetricsTest, OnlyTheTopTenCount) {
  std::vector<std::string> ranked(10, "x");
  ranked.push_back("a");
  const RelevanceScore s = score_ranking(ranked, {{"a", 3}});
  EXPECT_EQ(s.ndcg10, 0);
  EXPECT_EQ(s.reciprocal_rank, 0);
}

TEST(RelevanceMetricsTest, AMalformedJudgmentLineIsNamedByLine) {
  testing::TempDir dir;
  const fs::path file = dir.write("j.tsv", "# kommentar\nNemID\ta.txt:3\nMitID\tb.txt:9\n");
  try {
    (void)read_judgments(file);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("j.tsv:3: \"b.txt:9\" is not id:grade"), std::string::npos)
        << e.what();
  }
}

TEST(RelevanceMetricsTest, ReadsACategoryColumnAndADashForNothingRelevant) {
  testing::TempDir dir;
  const fs::path file =
      dir.write("j.tsv", "NemID\ta.txt:3\ncompound\taffaldsdata\tb:2 c:1\njunk\tqwerty\t-\n");
  const Judgments j = read_judgments(file);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0].category, "");
  EXPECT_EQ(j[0].query, "NemID");
  EXPECT_EQ(j[1].category, "compound");
  EXPECT_EQ(j[1].query, "affaldsdata");
  EXPECT_EQ(j[1].grades, (std::map<std::string, int>{{"b", 2}, {"c", 1}}));
  EXPECT_EQ(j[2].category, "junk");
  EXPECT_TRUE(j[2].grades.empty());
}

TEST(RelevanceMetricsTest, AJunkQueryScoresOneOnlyWhenNothingIsRanked) {
  EXPECT_EQ(score_ranking({}, {}).ndcg10, 1);
  EXPECT_EQ(score_ranking({}, {}).success1, 1);
  EXPECT_EQ(score_ranking({"a"}, {}).ndcg10, 0);
  EXPECT_EQ(score_ranking({"a"}, {}).reciprocal_rank, 0);
}

TEST(RelevanceMetricsTest, SuccessAtOneAndThreeCountAnyRelevantDocument) {
  const RelevanceScore s = score_ranking({"x", "y", "b"}, {{"a", 2}, {"b", 1}});
  EXPECT_EQ(s.success1, 0);
  EXPECT_EQ(s.success3, 1);
  EXPECT_EQ(score_ranking({"b"}, {{"a", 2}, {"b", 1}}).success1, 1);
}

TEST(RelevanceMetricsTest, MeansAreTakenPerCategory) {
  const Judgments j{
      {"a", "q1", {{"x", 2}}, {}}, {"b", "q2", {{"y", 2}}, {}}, {"a", "q3", {{"z", 2}}, {}}};
  const std::vector<RelevanceScore> scores{score_ranking({"x"}, j[0].grades),
                                           score_ranking({}, j[1].grades),
                                           score_ranking({"n"}, j[2].grades)};
  const auto by = mean_by_category(j, scores);
  ASSERT_EQ(by.size(), 2u);
  EXPECT_DOUBLE_EQ(by.at("a").ndcg10, 0.5);
  EXPECT_DOUBLE_EQ(by.at("b").ndcg10, 0);
}

TEST(RelevanceMetricsTest, ALineWithNeitherIdsNorADashIsRefused) {
  testing::TempDir dir;
  const fs::path file = dir.write("j.tsv", "compound\taffaldsdata\t\n");
  try {
    (void)read_judgments(file);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("j.tsv:1: no judged documents"), std::string::npos)
        << e.what();
  }
}

/// The message of the Error that add_pooled_grades throws for `pooled`, or "" if none.
std::string pooled_error(const std::string& pooled) {
  testing::TempDir dir;
  Judgments j = read_judgments(dir.write("j.tsv", "compound\taffaldsdata\tb:2\n"));
  try {
    add_pooled_grades(j, dir.write("p.tsv", pooled));
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(RelevanceMetricsTest, PooledGradesJoinTheirNeedAndAZeroCountsAsReadNotRelevant) {
  testing::TempDir dir;
  Judgments j = read_judgments(dir.write("j.tsv", "compound\taffaldsdata\tb:2\n"));
  add_pooled_grades(j, dir.write("p.tsv",
                                 "# pooled\naffaldsdata\tc\t1\tdata om affald\n"
                                 "affaldsdata\td\t0\tnævner det i forbifarten\n"));
  EXPECT_EQ(j[0].grades, (std::map<std::string, int>{{"b", 2}, {"c", 1}}));
  EXPECT_EQ(j[0].not_relevant, (std::set<std::string>{"d"}));
}

TEST(RelevanceMetricsTest, APooledLineForAnUnknownQueryOrAGradedDocumentIsNamedByLine) {
  EXPECT_NE(pooled_error("affaldsdata\tc\t1\tok\nfuldmagt\tc\t1\tx\n")
                .find("p.tsv:2: no judged need has the query \"fuldmagt\""),
            std::string::npos);
  EXPECT_NE(pooled_error("affaldsdata\tb\t1\tx\n").find("p.tsv:1: b is judged"), std::string::npos);
  EXPECT_NE(
      pooled_error("affaldsdata\tc\t0\tx\naffaldsdata\tc\t2\ty\n").find("p.tsv:2: c is judged"),
      std::string::npos);
  EXPECT_NE(pooled_error("affaldsdata\tc\t5\tx\n").find("p.tsv:1: \"5\" is no grade"),
            std::string::npos);
  EXPECT_NE(pooled_error("affaldsdata\tc\t1\n").find("p.tsv:1: expected QUERY"), std::string::npos);
  EXPECT_EQ(pooled_error("affaldsdata\tc\t1\tdata om affald\n"), "");
}

TEST(RelevanceMetricsTest, JudgedAtTenCountsGradedAndReadDocumentsOfTheTopTen) {
  EXPECT_DOUBLE_EQ(score_ranking({"a", "x", "n", "y"}, {{"a", 2}}, {"n"}).judged10, 0.5);
  EXPECT_DOUBLE_EQ(score_ranking({"x"}, {{"a", 2}}).judged10, 0);
  EXPECT_DOUBLE_EQ(score_ranking({"x"}, {}).judged10, 1);  // nothing is relevant: all judged
  // A document read and judged not relevant still scores as not relevant.
  EXPECT_DOUBLE_EQ(score_ranking({"n", "a"}, {{"a", 2}}, {"n"}).ndcg10,
                   score_ranking({"x", "a"}, {{"a", 2}}).ndcg10);
}

}  // namespace
}  // namespace opslag
