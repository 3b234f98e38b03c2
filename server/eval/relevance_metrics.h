// Measures ranking quality against hand-written judgments: nDCG@10, MRR and recall@10.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "server/engine/searcher.h"

namespace opslag {

/// Graded judgments: for each query, the grade (1-3) of each relevant document id.
using Judgments = std::vector<std::pair<std::string, std::map<std::string, int>>>;

/// Reads judgments written as `query<TAB>id:grade id:grade ...`, one query a line, '#' lines
/// ignored. Throws opslag::Error naming the file and line of a malformed line.
[[nodiscard]] Judgments read_judgments(const std::filesystem::path& file);

/// How well one ranking did.
struct RelevanceScore {
  double ndcg10 = 0;           ///< normalised discounted cumulative gain of the top 10
  double reciprocal_rank = 0;  ///< 1 / rank of the first relevant document, 0 if none
  double recall10 = 0;         ///< share of the relevant documents in the top 10
  /// 1 when the first hit is a document of the query's highest grade ("read this first").
  double first_right = 0;
};

/// Scores `ranked` (ids, best first) against `grades`.
[[nodiscard]] RelevanceScore score_ranking(const std::vector<std::string>& ranked,
                                           const std::map<std::string, int>& grades);

/// The ids of the top 10 documents for a query.
using Ranker = std::function<std::vector<std::string>(const std::string& query)>;

/// Runs every judged query through `rank` and scores its ranking.
[[nodiscard]] std::vector<RelevanceScore> run_judgments(const Ranker& rank,
                                                        const Judgments& judgments);

/// run_judgments with `searcher`'s top 10 (no filters).
[[nodiscard]] std::vector<RelevanceScore> run_judgments(const Searcher& searcher,
                                                        const Judgments& judgments);

/// The mean of each figure over `scores`.
[[nodiscard]] RelevanceScore mean(const std::vector<RelevanceScore>& scores);

}  // namespace opslag
