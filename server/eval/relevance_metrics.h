// Measures ranking quality against graded judgments: nDCG@10, MRR, success@1/3 and recall@10,
// overall and per category of need.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "server/engine/searcher.h"

namespace opslag {

/// One judged need: the query typed, the grade (1-3) of each relevant document id, and the kind
/// of need it is ("known-item", "compound", ...; empty when the file names none).
struct Judgment {
  std::string category;
  std::string query;
  std::map<std::string, int> grades;   ///< empty: nothing is relevant (a junk query)
  std::set<std::string> not_relevant;  ///< read and judged not relevant (by add_pooled_grades)
};
using Judgments = std::vector<Judgment>;

/// Reads judgments written as `[category<TAB>]query<TAB>id:grade id:grade ...`, one query a
/// line, '#' lines ignored; `-` in place of the ids says nothing is relevant. Throws
/// opslag::Error naming the file and line of a malformed line.
[[nodiscard]] Judgments read_judgments(const std::filesystem::path& file);

/// Adds to `judgments` the grades of the documents the engines ranked that the judges had not
/// graded, read and judged later (pooling, as TREC does), from `file`: a line each,
/// `QUERY<TAB>id<TAB>grade<TAB>reason` with a grade from 0 (not relevant) to 3, '#' lines
/// ignored. Throws opslag::Error naming the file and line of a malformed line, of a query no
/// judgment has, or of a document its need has graded already.
void add_pooled_grades(Judgments& judgments, const std::filesystem::path& file);

/// How well one ranking did.
struct RelevanceScore {
  double ndcg10 = 0;           ///< normalised discounted cumulative gain of the top 10
  double reciprocal_rank = 0;  ///< 1 / rank of the first relevant document, 0 if none
  double recall10 = 0;         ///< share of the relevant documents in the top 10
  /// 1 when the first hit is a document of the query's highest grade ("read this first").
  double first_right = 0;
  double success1 = 0;  ///< 1 when the first hit is relevant
  double success3 = 0;  ///< 1 when one of the first three hits is relevant
  /// The share of the top 10 whose documents were judged (graded, or read and found not
  /// relevant); all of it for a query where nothing is relevant. What remains scores as not
  /// relevant unread.
  double judged10 = 0;
};

/// Scores `ranked` (ids, best first) against `grades`; `not_relevant` were read and judged so.
/// A query with no relevant documents scores 1 on every figure when nothing is ranked, and 0
/// when anything is.
[[nodiscard]] RelevanceScore score_ranking(const std::vector<std::string>& ranked,
                                           const std::map<std::string, int>& grades,
                                           const std::set<std::string>& not_relevant = {});

/// The ids of the top 10 documents for a query.
using Ranker = std::function<std::vector<std::string>(const std::string& query)>;

/// Runs every judged query through `rank` and scores its ranking.
[[nodiscard]] std::vector<RelevanceScore> run_judgments(const Ranker& rank,
                                                        const Judgments& judgments);

/// `searcher`'s top 10 for a query (no filters).
[[nodiscard]] Ranker top_ten(const Searcher& searcher);

/// run_judgments with `searcher`'s top 10 (no filters).
[[nodiscard]] std::vector<RelevanceScore> run_judgments(const Searcher& searcher,
                                                        const Judgments& judgments);

/// The mean of each figure over `scores`.
[[nodiscard]] RelevanceScore mean(const std::vector<RelevanceScore>& scores);

/// The mean figures of each category of `judgments` (scored as `scores`, in the same order), by
/// category name.
[[nodiscard]] std::map<std::string, RelevanceScore> mean_by_category(
    const Judgments& judgments, const std::vector<RelevanceScore>& scores);

}  // namespace opslag
