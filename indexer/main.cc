// opslag-index: options, the run, progress, the summary and the exit status; the work is in
// IndexUpdater.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <thread>

#include "indexer/document_list.h"
#include "indexer/index_updater.h"
#include "indexer/progress_printer.h"
#include "schema/analysis/danish_analyzer.h"
#include "schema/error_exit.h"
#include "schema/errors.h"
#include "schema/option_sources.h"
#include "schema/program_info.h"
#include "schema/schema.h"

int main(int argc, char** argv) try {
  CLI::App app{
      "opslag-index: index Danish documents (.txt, .md, .html, .pdf, JSON lines) into a Xapian\n"
      "database. The database mirrors its inputs: changed documents are reindexed, gone ones "
      "removed."};
  app.set_version_flag("--version", opslag::version_line("opslag-index"));
  std::string db_dir;
  std::string schema_file = opslag::default_schema_file();
  std::vector<std::string> paths, jsonl;
  bool quiet = false;
  int shards = 0;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  opslag::DeletionPolicy deletion;
  bool add_only = false;
  bool follow_symlinks = false;
  std::size_t max_document_bytes = opslag::IndexUpdater::kMaxDocumentBytes;
  bool list = false;
  bool rebuild = false;
  bool dry_run = false;
  std::vector<std::string> delete_ids;
  app.add_option("--db", db_dir, "database folder (created if missing)")->required();
  app.add_option("--schema", schema_file,
                 std::string("schema.json to index with; ") + opslag::kDefaultSchemaHelp)
      ->envname("OPSLAG_SCHEMA");
  app.add_option("paths", paths, "files or folders to index");
  app.add_option("--jsonl", jsonl, "JSON-lines file (.jsonl or .jsonl.gz), one document a line");
  app.add_option("--shards", shards,
                 "split a new database into N shards (by a hash of the id) for xapian-tcpsrv")
      ->check(CLI::Range(1, 256));
  app.add_flag("--add", add_only,
               "add and update documents, delete none (for indexing a few new files)");
  app.add_option("--max-delete-percent", deletion.max_delete_percent,
                 "delete nothing when a run would delete more than this share of the documents "
                 "(a mistyped or empty folder)")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  app.add_flag("--allow-mass-delete", deletion.allow_mass_delete,
               "delete however many documents are gone from the inputs");
  app.add_flag("--follow-symlinks", follow_symlinks,
               "also read files that symbolic links in a folder point to outside it");
  app.add_option("--max-document-bytes", max_document_bytes,
                 "most bytes of text a document keeps after extraction; beyond, it is cut (and "
                 "said so), which bounds the indexer's memory")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30))
      ->capture_default_str();
  app.add_flag("--list", list, "print what the index holds, a line a document: id, date, title");
  app.add_option("--delete", delete_ids, "delete the documents with these ids, and nothing else");
  app.add_flag("--rebuild", rebuild,
               "build a new database from the paths beside the live one (DB.rebuild), searchable "
               "meanwhile, and put it in the live one's place in one step when done");
  app.add_option("--threads", threads,
                 "write a --rebuild on N threads, as N parts compacted into one at the end "
                 "(default: one a core; other runs write on one)")
      ->check(CLI::Range(1, 64));
  app.add_flag("--dry-run", dry_run,
               "change nothing: print a line for each document that would be added, updated or "
               "deleted (add ID, update ID, delete ID)");
  app.add_flag("-q,--quiet", quiet, "print nothing but errors");
  opslag::read_options_from_environment_and_file(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);  // prints the help, the version or the error
    return status == 0 ? 0 : 2;
  }
  const bool indexing = !paths.empty() || !jsonl.empty();
  if (indexing + list + !delete_ids.empty() != 1) {
    std::cerr << "opslag-index: give files or folders to index (or --jsonl FILE), or --list, or "
                 "--delete ID...: one of them\n";
    return 2;
  }
  if ((rebuild && (!indexing || add_only)) || (dry_run && list)) {
    std::cerr << "opslag-index: --rebuild builds the whole database from the files or folders "
                 "given (not with --add), and --dry-run goes with indexing or --delete\n";
    return 2;
  }

  const opslag::Schema schema = opslag::Schema::load(schema_file);
  if (list) {
    opslag::list_documents(schema, db_dir, std::cout);
    return 0;
  }
  const opslag::DanishAnalyzer analyzer(schema);
  opslag::IndexUpdater updater(schema, analyzer, db_dir, std::cerr);
  updater.set_shards(shards);
  updater.set_threads(threads);
  deletion.delete_gone = !add_only;
  updater.set_deletion(deletion);
  updater.set_follow_symlinks(follow_symlinks);
  updater.set_max_document_bytes(max_document_bytes);
  if (dry_run) updater.set_dry_run(&std::cout);
  opslag::ProgressPrinter progress(std::cerr, isatty(STDERR_FILENO) != 0);
  if (!quiet) updater.on_progress([&](const opslag::IndexProgress& p) { progress.update(p); });
  const opslag::IndexInputs inputs{std::vector<std::filesystem::path>(paths.begin(), paths.end()),
                                   std::vector<std::filesystem::path>(jsonl.begin(), jsonl.end())};
  // A dry run of a rebuild shows what the live database would gain and lose: the same plan.
  const opslag::IndexSummary summary = !indexing             ? updater.remove(delete_ids)
                                       : rebuild && !dry_run ? updater.rebuild(inputs)
                                                             : updater.run(inputs);
  if (!quiet) {
    progress.finish();
    std::cout << (dry_run ? "dry run, nothing was changed: " : "") << summary.to_string() << '\n';
  }
  return summary.failed > 0 ? 1 : 0;
} catch (...) {
  return opslag::exit_status_of_exception("opslag-index", 2);
}
