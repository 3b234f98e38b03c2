// opslag-read: reads one PDF or office file for opslag-index, in a process of its own whose
// memory and CPU time it first bounds, and writes the document to standard output.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <new>

#include "indexer/address_sanitizer.h"
#include "indexer/readers/document_reader.h"
#include "schema/errors.h"
#include "schema/program_info.h"

int main(int argc, char** argv) {
  CLI::App app{"opslag-read: read one PDF, .docx or .odt file for opslag-index (not for people)"};
  app.set_version_flag("--version", opslag::version_line("opslag-read"));
  std::size_t memory_mb = 256, max_text = SIZE_MAX;
  rlim_t cpu_seconds = 60;
  std::string file;
  app.add_option("--max-memory-mb", memory_mb)->check(CLI::Range(64, 1 << 20));
  app.add_option("--max-cpu-seconds", cpu_seconds)->check(CLI::Range(1, 86400));
  app.add_option("--max-document-bytes", max_text);
  app.add_option("file", file)->required();
  CLI11_PARSE(app, argc, argv);
  const rlimit memory{memory_mb << 20, memory_mb << 20};
  const rlimit cpu{cpu_seconds, cpu_seconds + 1};  // SIGXCPU at the first, SIGKILL after
  // AddressSanitizer reserves terabytes of address space: under it, only time is bounded.
  const bool bound_memory = !opslag::kAddressSanitizer;
  if ((bound_memory && setrlimit(RLIMIT_AS, &memory) != 0) || setrlimit(RLIMIT_CPU, &cpu) != 0) {
    std::cerr << "cannot bound the reader's memory and time\n";
    return 2;
  }
  try {
    char head[64] = {};
    std::ifstream in(file, std::ios::binary);
    in.read(head, sizeof head);
    const opslag::StoredDocument doc =
        opslag::read_binary_file(file, std::string_view(head, in.gcount()), max_text);
    std::cout << doc.to_data() << std::flush;
    return std::cout ? 0 : 2;
  } catch (const std::bad_alloc&) {
    return 3;
  } catch (const opslag::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
}
