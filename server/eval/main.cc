// opslag-relevance: runs the judged queries against a database and prints nDCG@10, MRR,
// recall@10 and how often the right document comes first; --compare-stock beside stock Xapian.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "schema/schema.h"
#include "server/engine/searcher.h"
#include "server/eval/relevance_metrics.h"
#include "server/eval/stock_xapian.h"

namespace {

void print_mean(const char* who, const std::vector<opslag::RelevanceScore>& scores) {
  const opslag::RelevanceScore m = opslag::mean(scores);
  std::printf("%-14s %zu queries: nDCG@10 %.3f  MRR %.3f  recall@10 %.3f  right first %.0f/%zu\n",
              who, scores.size(), m.ndcg10, m.reciprocal_rank, m.recall10,
              m.first_right * static_cast<double>(scores.size()), scores.size());
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"opslag-relevance: measure ranking against hand-written judgments."};
  std::string db_dir, schema_file = OPSLAG_SCHEMA_DEFAULT;
  std::string judgments_file = OPSLAG_JUDGMENTS_DEFAULT;
  bool quiet = false, compare_stock = false;
  app.add_option("--db", db_dir, "database built from corpus/")->required();
  app.add_option("--judgments", judgments_file, "judgments.tsv")->capture_default_str();
  app.add_option("--schema", schema_file, "schema.json")
      ->envname("OPSLAG_SCHEMA")
      ->capture_default_str();
  app.add_flag("-q,--quiet", quiet, "print only the means");
  app.add_flag("--compare-stock", compare_stock,
               "also index the same documents as stock Xapian does (Snowball Danish, "
               "QueryParser) and score it beside Opslag");
  CLI11_PARSE(app, argc, argv);

  const opslag::Schema schema = opslag::Schema::load(schema_file);
  const opslag::DanishAnalyzer analyzer(schema);
  const opslag::Searcher searcher(schema, analyzer, db_dir);
  const opslag::Judgments judgments = opslag::read_judgments(judgments_file);
  const std::vector<opslag::RelevanceScore> scores = opslag::run_judgments(searcher, judgments);
  std::vector<opslag::RelevanceScore> stock;
  if (compare_stock) {
    const opslag::StockXapian baseline{Xapian::Database(db_dir)};
    stock = opslag::run_judgments([&](const std::string& query) { return baseline.search(query); },
                                  judgments);
  }
  for (std::size_t i = 0; i < scores.size() && !quiet; ++i) {
    std::printf("%-40s nDCG@10 %.3f  RR %.3f  recall@10 %.3f", judgments[i].first.c_str(),
                scores[i].ndcg10, scores[i].reciprocal_rank, scores[i].recall10);
    if (compare_stock)
      std::printf("   stock: nDCG@10 %.3f  RR %.3f", stock[i].ndcg10, stock[i].reciprocal_rank);
    std::printf("\n");
  }
  print_mean("Opslag", scores);
  if (compare_stock) print_mean("stock Xapian", stock);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "opslag-relevance: " << e.what() << '\n';
  return 2;
}
