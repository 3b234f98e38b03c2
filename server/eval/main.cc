// opslag-relevance: runs the judged queries against a database and prints nDCG@10, MRR,
// success@1/3 and recall@10, per category of need; --compare-stock beside stock Xapian.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "schema/error_exit.h"
#include "schema/errors.h"
#include "schema/program_info.h"
#include "schema/schema.h"
#include "server/engine/searcher.h"
#include "server/eval/relevance_metrics.h"
#include "server/eval/stock_xapian.h"

namespace {

void print_score(const char* who, const std::string& category, std::size_t queries,
                 const opslag::RelevanceScore& m) {
  std::printf(
      "%-13s %-11s %3zu queries  nDCG@10 %.3f  MRR %.3f  S@1 %.3f  S@3 %.3f  R@10 %.3f  "
      "judged@10 %.3f\n",
      who, category.empty() ? "all" : category.c_str(), queries, m.ndcg10, m.reciprocal_rank,
      m.success1, m.success3, m.recall10, m.judged10);
}

/// The mean over all judgments and, when the file names categories, the mean of each.
void print_means(const char* who, const opslag::Judgments& judgments,
                 const std::vector<opslag::RelevanceScore>& scores) {
  std::map<std::string, std::size_t> counts;
  for (const opslag::Judgment& j : judgments) ++counts[j.category];
  if (counts.size() > 1 || !counts.begin()->first.empty())
    for (const auto& [category, m] : opslag::mean_by_category(judgments, scores))
      print_score(who, category, counts[category], m);
  print_score(who, "", scores.size(), opslag::mean(scores));
}

/// Writes each ranking it passes on to `out` as `engine<TAB>query<TAB>rank<TAB>id` lines, for
/// judging the documents the engines return that nobody judged yet (pooling).
opslag::Ranker recorded(const opslag::Ranker& rank, const char* engine, std::ostream* out) {
  if (!out) return rank;
  return [=](const std::string& query) {
    std::vector<std::string> ranked = rank(query);
    for (std::size_t i = 0; i < ranked.size() && i < 10; ++i)
      *out << engine << '\t' << query << '\t' << i + 1 << '\t' << ranked[i] << '\n';
    return ranked;
  };
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"opslag-relevance: measure ranking against graded judgments."};
  app.set_version_flag("--version", opslag::version_line("opslag-relevance"));
  std::string db_dir, schema_file = opslag::default_schema_file();
  std::string judgments_file = OPSLAG_JUDGMENTS_DEFAULT, rankings_file, pooled_file;
  bool quiet = false, compare_stock = false;
  app.add_option("--db", db_dir, "database built from the judged documents")->required();
  app.add_option("--judgments", judgments_file, "judgments (.tsv)")->capture_default_str();
  app.add_option("--schema", schema_file, std::string("schema.json; ") + opslag::kDefaultSchemaHelp)
      ->envname("OPSLAG_SCHEMA");
  app.add_flag("-q,--quiet", quiet, "print only the means");
  app.add_option("--pooled", pooled_file,
                 "grades given later to documents the engines ranked that the judgments left "
                 "out (.tsv: query, id, grade 0-3, reason)");
  app.add_option("--rankings", rankings_file,
                 "also write each engine's top 10 of every query to this file, a line each: "
                 "engine, query, rank, document id (tab-separated)");
  app.add_flag("--compare-stock", compare_stock,
               "also index the same documents as stock Xapian does (Snowball Danish, "
               "QueryParser) and score it beside Opslag");
  CLI11_PARSE(app, argc, argv);

  const opslag::Schema schema = opslag::Schema::load(schema_file);
  const opslag::DanishAnalyzer analyzer(schema);
  const opslag::Searcher searcher(schema, analyzer, db_dir);
  opslag::Judgments judgments = opslag::read_judgments(judgments_file);
  if (judgments.empty()) throw opslag::Error(judgments_file + ": no judged queries");
  if (!pooled_file.empty()) opslag::add_pooled_grades(judgments, pooled_file);
  std::ofstream rankings;
  if (!rankings_file.empty()) {
    rankings.open(rankings_file);
    if (!rankings) throw opslag::Error(rankings_file + ": cannot be written");
  }
  std::ostream* const record = rankings_file.empty() ? nullptr : &rankings;
  const std::vector<opslag::RelevanceScore> scores =
      opslag::run_judgments(recorded(opslag::top_ten(searcher), "opslag", record), judgments);
  std::vector<opslag::RelevanceScore> stock;
  if (compare_stock) {
    const opslag::StockXapian baseline{Xapian::Database(db_dir)};
    stock = opslag::run_judgments(
        recorded([&](const std::string& query) { return baseline.search(query); }, "stock", record),
        judgments);
  }
  if (record && !(rankings.flush())) throw opslag::Error(rankings_file + ": writing failed");
  for (std::size_t i = 0; i < scores.size() && !quiet; ++i) {
    std::printf("%-11s %-40s nDCG@10 %.3f  RR %.3f  R@10 %.3f", judgments[i].category.c_str(),
                judgments[i].query.c_str(), scores[i].ndcg10, scores[i].reciprocal_rank,
                scores[i].recall10);
    if (compare_stock)
      std::printf("   stock: nDCG@10 %.3f  RR %.3f", stock[i].ndcg10, stock[i].reciprocal_rank);
    std::printf("\n");
  }
  print_means("Opslag", judgments, scores);
  if (compare_stock) print_means("stock Xapian", judgments, stock);
  return 0;
} catch (...) {
  return opslag::exit_status_of_exception("opslag-relevance", 2);
}
