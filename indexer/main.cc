// opslag-index: options, the run, the summary and the exit status; the work is in IndexUpdater.
#include <CLI/CLI.hpp>
#include <iostream>

#include "danish_analyzer.h"
#include "errors.h"
#include "index_updater.h"
#include "schema.h"

int main(int argc, char** argv) try {
  CLI::App app{
      "opslag-index: index Danish documents (.txt, .md, .html) into a Xapian database.\n"
      "The database mirrors the PATHs: changed files are reindexed, deleted files removed."};
  std::string db_dir;
  std::string schema_file = OPSLAG_SCHEMA_DEFAULT;
  std::vector<std::string> paths;
  bool quiet = false;
  app.add_option("--db", db_dir, "database folder (created if missing)")->required();
  app.add_option("--schema", schema_file, "schema.json to index with")
      ->envname("OPSLAG_SCHEMA")
      ->capture_default_str();
  app.add_option("paths", paths, "files or folders to index")->required();
  app.add_flag("-q,--quiet", quiet, "print nothing but errors");
  CLI11_PARSE(app, argc, argv);

  const opslag::Schema schema = opslag::Schema::load(schema_file);
  const opslag::DanishAnalyzer analyzer(schema);
  opslag::IndexUpdater updater(schema, analyzer, db_dir, std::cerr);
  const opslag::IndexSummary summary =
      updater.run(std::vector<std::filesystem::path>(paths.begin(), paths.end()));
  if (!quiet) std::cout << summary.to_string() << '\n';
  return summary.failed > 0 ? 1 : 0;
} catch (const std::exception& e) {
  std::cerr << "opslag-index: " << e.what() << '\n';
  return 2;
}
