// nDCG@10, MRR, success@k and recall@10 over graded judgments.
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

/// The grades of `entries` ("id:grade id:grade ...", or "-" for none); `fail` makes the error.
template <typename Fail>
std::map<std::string, int> read_grades(const std::string& entries, const Fail& fail) {
  std::map<std::string, int> grades;
  if (entries == "-") return grades;
  std::istringstream in(entries);
  for (std::string entry; in >> entry;) {
    const auto colon = entry.rfind(':');
    int grade = 0;
    const char* end = entry.data() + entry.size();
    if (colon == std::string::npos ||
        std::from_chars(entry.data() + colon + 1, end, grade).ptr != end || grade < 1 || grade > 3)
      throw fail("\"" + entry + "\" is not id:grade with a grade from 1 to 3");
    grades[entry.substr(0, colon)] = grade;
  }
  if (grades.empty()) throw fail("no judged documents (write - when none is relevant)");
  return grades;
}

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
    std::vector<std::string> columns;
    for (std::size_t start = 0;;) {
      const auto tab = line.find('\t', start);
      columns.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (columns.size() < 2 || columns.size() > 3 || columns[columns.size() - 2].empty())
      throw fail("expected [CATEGORY<TAB>]QUERY<TAB>id:grade ...");
    Judgment judgment;
    if (columns.size() == 3) judgment.category = columns[0];
    judgment.query = columns[columns.size() - 2];
    judgment.grades = read_grades(columns.back(), fail);
    judgments.push_back(std::move(judgment));
  }
  return judgments;
}

RelevanceScore score_ranking(const std::vector<std::string>& ranked,
                             const std::map<std::string, int>& grades) {
  if (grades.empty()) {
    const double right = ranked.empty() ? 1 : 0;
    return {right, right, right, right, right, right};
  }
  RelevanceScore score;
  double dcg = 0;
  std::size_t found = 0;
  for (std::size_t i = 0; i < std::min(ranked.size(), kDepth); ++i) {
    const auto it = grades.find(ranked[i]);
    if (it == grades.end()) continue;
    dcg += gain(it->second) / discount(i);
    ++found;
    if (i == 0) score.success1 = 1;
    if (i < 3) score.success3 = 1;
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
  for (const Judgment& judgment : judgments)
    scores.push_back(score_ranking(rank(judgment.query), judgment.grades));
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
    m.success1 += s.success1;
    m.success3 += s.success3;
  }
  const auto n = static_cast<double>(scores.size());
  return {m.ndcg10 / n,      m.reciprocal_rank / n, m.recall10 / n,
          m.first_right / n, m.success1 / n,        m.success3 / n};
}

std::map<std::string, RelevanceScore> mean_by_category(const Judgments& judgments,
                                                       const std::vector<RelevanceScore>& scores) {
  std::map<std::string, std::vector<RelevanceScore>> grouped;
  for (std::size_t i = 0; i < judgments.size() && i < scores.size(); ++i)
    grouped[judgments[i].category].push_back(scores[i]);
  std::map<std::string, RelevanceScore> means;
  for (const auto& [category, group] : grouped) means[category] = mean(group);
  return means;
}

}  // namespace opslag
