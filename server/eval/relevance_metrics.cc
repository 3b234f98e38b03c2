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

/// The columns of a tab-separated line.
std::vector<std::string> tab_columns(const std::string& line) {
  std::vector<std::string> columns;
  for (std::size_t start = 0;;) {
    const auto tab = line.find('\t', start);
    columns.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return columns;
    start = tab + 1;
  }
}

/// Calls `read(columns, fail)` for each line of `file` but empty and '#' lines; `fail(problem)`
/// makes an Error naming the file and the line. `what` names the contents in the Error thrown
/// when the file cannot be read.
template <typename Read>
void read_tsv(const std::filesystem::path& file, const std::string& what, const Read& read) {
  std::ifstream in(file);
  if (!in) throw Error(file.string() + ": cannot read the " + what);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    read(tab_columns(line), [&](const std::string& problem) {
      return Error(file.string() + ":" + std::to_string(number) + ": " + problem);
    });
  }
}

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
  Judgments judgments;
  read_tsv(file, "judgments", [&](const std::vector<std::string>& columns, const auto& fail) {
    if (columns.size() < 2 || columns.size() > 3 || columns[columns.size() - 2].empty())
      throw fail("expected [CATEGORY<TAB>]QUERY<TAB>id:grade ...");
    Judgment judgment;
    if (columns.size() == 3) judgment.category = columns[0];
    judgment.query = columns[columns.size() - 2];
    judgment.grades = read_grades(columns.back(), fail);
    judgments.push_back(std::move(judgment));
  });
  return judgments;
}

void add_pooled_grades(Judgments& judgments, const std::filesystem::path& file) {
  std::map<std::string, Judgment*> by_query;
  for (Judgment& judgment : judgments) by_query[judgment.query] = &judgment;
  read_tsv(file, "pooled grades", [&](const std::vector<std::string>& columns, const auto& fail) {
    if (columns.size() != 4 || columns[1].empty())
      throw fail("expected QUERY<TAB>id<TAB>grade<TAB>reason");
    const auto need = by_query.find(columns[0]);
    if (need == by_query.end()) throw fail("no judged need has the query \"" + columns[0] + "\"");
    Judgment& judgment = *need->second;
    const std::string& id = columns[1];
    int grade = 0;
    const char* end = columns[2].data() + columns[2].size();
    if (std::from_chars(columns[2].data(), end, grade).ptr != end || grade < 0 || grade > 3)
      throw fail("\"" + columns[2] + "\" is no grade from 0 to 3");
    if (judgment.grades.count(id) || judgment.not_relevant.count(id))
      throw fail(id + " is judged for \"" + columns[0] + "\" already");
    if (grade == 0)
      judgment.not_relevant.insert(id);
    else
      judgment.grades[id] = grade;
  });
}

RelevanceScore score_ranking(const std::vector<std::string>& ranked,
                             const std::map<std::string, int>& grades,
                             const std::set<std::string>& not_relevant) {
  if (grades.empty()) {
    const double right = ranked.empty() ? 1 : 0;
    return {right, right, right, right, right, right, 1};
  }
  RelevanceScore score;
  double dcg = 0;
  std::size_t found = 0;
  const std::size_t depth = std::min(ranked.size(), kDepth);
  for (std::size_t i = 0; i < depth; ++i) {
    if (not_relevant.count(ranked[i])) score.judged10 += 1;
    const auto it = grades.find(ranked[i]);
    if (it == grades.end()) continue;
    score.judged10 += 1;
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
  score.judged10 = depth > 0 ? score.judged10 / static_cast<double>(depth) : 1;
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
    scores.push_back(score_ranking(rank(judgment.query), judgment.grades, judgment.not_relevant));
  return scores;
}

Ranker top_ten(const Searcher& searcher) {
  return [&searcher](const std::string& query) {
    SearchRequest request;
    request.query = query;
    std::vector<std::string> ranked;
    for (const Hit& hit : searcher.search(request).hits) ranked.push_back(hit.doc.id);
    return ranked;
  };
}

std::vector<RelevanceScore> run_judgments(const Searcher& searcher, const Judgments& judgments) {
  return run_judgments(top_ten(searcher), judgments);
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
    m.judged10 += s.judged10;
  }
  const auto n = static_cast<double>(scores.size());
  return {m.ndcg10 / n,   m.reciprocal_rank / n, m.recall10 / n, m.first_right / n,
          m.success1 / n, m.success3 / n,        m.judged10 / n};
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
