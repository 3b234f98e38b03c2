// nDCG@10, MRR and recall@10 over graded judgments.
#include "server/eval/relevance_metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "schema/errors.h"

namespace opslag {
namespace {

constexpr std::size_t kDepth = 10;

double gain(int grade) { return std::pow(2.0, grade) - 1; }
double discount(std::size_t rank0) { return std::log2(static_cast<double>(rank0) + 2); }

}  // namespace

Judgments read_judgments(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(file.string() + ": cannot read the judgments");
  Judgments judgments;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto fail = [&](const std::string& problem) {
      return Error(file.string() + ":" + std::to_string(number) + ": " + problem);
    };
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) throw fail("expected QUERY<TAB>id:grade ...");
    std::map<std::string, int> grades;
    std::istringstream entries(line.substr(tab + 1));
    for (std::string entry; entries >> entry;) {
      const auto colon = entry.rfind(':');
      int grade = 0;
      const char* end = entry.data() + entry.size();
      if (colon == std::string::npos ||
          std::from_chars(entry.data() + colon + 1, end, grade).ptr != end || grade < 1 ||
          grade > 3)
        throw fail("\"" + entry + "\" is not id:grade with a grade from 1 to 3");
      grades[entry.substr(0, colon)] = grade;
    }
    if (grades.empty()) throw fail("no judged documents");
    judgments.emplace_back(line.substr(0, tab), std::move(grades));
  }
  return judgments;
}

RelevanceScore score_ranking(const std::vector<std::string>& ranked,
                             const std::map<std::string, int>& grades) {
  RelevanceScore score;
  double dcg = 0;
  std::size_t found = 0;
  for (std::size_t i = 0; i < std::min(ranked.size(), kDepth); ++i) {
    const auto it = grades.find(ranked[i]);
    if (it == grades.end()) continue;
    dcg += gain(it->second) / discount(i);
    ++found;
    if (score.reciprocal_rank == 0) score.reciprocal_rank = 1.0 / static_cast<double>(i + 1);
  }
  std::vector<int> ideal;
  for (const auto& [id, grade] : grades) ideal.push_back(grade);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (std::size_t i = 0; i < std::min(ideal.size(), kDepth); ++i)
    idcg += gain(ideal[i]) / discount(i);
  score.ndcg10 = idcg > 0 ? dcg / idcg : 0;
  score.recall10 =
      grades.empty() ? 0 : static_cast<double>(found) / static_cast<double>(grades.size());
  if (!ranked.empty() && !ideal.empty()) {
    const auto first = grades.find(ranked[0]);
    score.first_right = first != grades.end() && first->second == ideal[0] ? 1 : 0;
  }
  return score;
}

std::vector<RelevanceScore> run_judgments(const Ranker& rank, const Judgments& judgments) {
  std::vector<RelevanceScore> scores;
  for (const auto& [query, grades] : judgments)
    scores.push_back(score_ranking(rank(query), grades));
  return scores;
}

std::vector<RelevanceScore> run_judgments(const Searcher& searcher, const Judgments& judgments) {
  return run_judgments(
      [&](const std::string& query) {
        SearchRequest request;
        request.query = query;
        std::vector<std::string> ranked;
        for (const Hit& hit : searcher.search(request).hits) ranked.push_back(hit.doc.id);
        return ranked;
      },
      judgments);
}

RelevanceScore mean(const std::vector<RelevanceScore>& scores) {
  RelevanceScore m;
  if (scores.empty()) return m;
  for (const RelevanceScore& s : scores) {
    m.ndcg10 += s.ndcg10;
    m.reciprocal_rank += s.reciprocal_rank;
    m.recall10 += s.recall10;
    m.first_right += s.first_right;
  }
  const auto n = static_cast<double>(scores.size());
  return {m.ndcg10 / n, m.reciprocal_rank / n, m.recall10 / n, m.first_right / n};
}

}  // namespace opslag
