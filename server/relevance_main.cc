// opslag-relevance: runs the judged queries against a database and prints nDCG@10, MRR, recall@10.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "relevance_metrics.h"
#include "schema.h"
#include "searcher.h"

int main(int argc, char** argv) try {
  CLI::App app{"opslag-relevance: measure ranking against hand-written judgments."};
  std::string db_dir, schema_file = OPSLAG_SCHEMA_DEFAULT;
  std::string judgments_file = OPSLAG_JUDGMENTS_DEFAULT;
  bool quiet = false;
  app.add_option("--db", db_dir, "database built from corpus/")->required();
  app.add_option("--judgments", judgments_file, "judgments.tsv")->capture_default_str();
  app.add_option("--schema", schema_file, "schema.json")
      ->envname("OPSLAG_SCHEMA")
      ->capture_default_str();
  app.add_flag("-q,--quiet", quiet, "print only the means");
  CLI11_PARSE(app, argc, argv);

  const opslag::Schema schema = opslag::Schema::load(schema_file);
  const opslag::DanishAnalyzer analyzer(schema);
  const opslag::Searcher searcher(schema, analyzer, db_dir);
  const opslag::Judgments judgments = opslag::read_judgments(judgments_file);
  const std::vector<opslag::RelevanceScore> scores = opslag::run_judgments(searcher, judgments);
  for (std::size_t i = 0; i < scores.size() && !quiet; ++i)
    std::printf("%-40s nDCG@10 %.3f  RR %.3f  recall@10 %.3f\n", judgments[i].first.c_str(),
                scores[i].ndcg10, scores[i].reciprocal_rank, scores[i].recall10);
  const opslag::RelevanceScore m = opslag::mean(scores);
  std::printf("%zu queries: nDCG@10 %.3f  MRR %.3f  recall@10 %.3f\n", scores.size(), m.ndcg10,
              m.reciprocal_rank, m.recall10);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "opslag-relevance: " << e.what() << '\n';
  return 2;
}
