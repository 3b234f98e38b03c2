// xapian-reference: the work of one search done with bare Xapian calls in-process, over an
// index built by scriptindex, as the yardstick opslag-server is measured against.
//
// Per query: Xapian::QueryParser (Stem("danish"), STEM_SOME, default flags: phrases, boolean
// operators, love/hate), Enquire with BM25 (the default), get_mset(0, 10), and for each hit
// MSet::snippet of its body with the default flags (background model, exhaustive), about as
// long as opslag's (SnippetMaker::kLength bytes). No stop words, synonyms, spelling
// suggestions or facets: that is what opslag adds on top.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <stdexcept>

#include "bench/load_timer.h"

namespace {

/// Bytes of snippet opslag shows (server/engine/snippet_maker.h, SnippetMaker::kLength).
constexpr std::size_t kSnippetLength = 240;

/// A field from scriptindex's document data: "name=value" lines sorted by name, the lines of
/// a multi-line value joined by spaces, so each field is one line. Empty if it is not there.
std::string field_of(const std::string& data, const std::string& name) {
  const std::string key = name + "=";
  std::size_t at = 0;
  if (data.compare(0, key.size(), key) == 0)
    at = key.size();
  else if ((at = data.find("\n" + key)) != std::string::npos)
    at += key.size() + 1;
  else
    return {};
  const std::size_t end = data.find('\n', at);
  return data.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::string body_of(const std::string& data) { return field_of(data, "body"); }

/// One thread's searches: its own Database handle, parser and Enquire.
class XapianWorker : public opslag::bench::SearchWorker {
 public:
  XapianWorker(const std::string& path, bool snippets)
      : db_(path), stemmer_("danish"), enquire_(db_), snippets_(snippets) {
    parser_.set_database(db_);
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  }

  std::size_t search(const std::string& query) override { return run(query, nullptr); }

  std::string show(const std::string& query) override {
    std::string out;
    run(query, &out);
    return out;
  }

 private:
  /// The search; with `out`, each hit's id and snippet appended to it.
  std::size_t run(const std::string& query, std::string* out) try {
    enquire_.set_query(parser_.parse_query(query));
    const Xapian::MSet mset = enquire_.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string data = it.get_document().get_data();
      if (!snippets_) {
        bytes_ += data.size();
        continue;
      }
      const std::string snippet =
          mset.snippet(body_of(data), kSnippetLength, stemmer_,
                       Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                       "<mark>", "</mark>", "…");
      bytes_ += snippet.size();
      if (out) *out += field_of(data, "id") + ": " + snippet + "\n";
    }
    return mset.size();
  } catch (const Xapian::Error& e) {
    throw std::runtime_error(e.get_description());
  }

  Xapian::Database db_;
  Xapian::Stem stemmer_;
  Xapian::QueryParser parser_;
  Xapian::Enquire enquire_;
  bool snippets_;
  std::size_t bytes_ = 0;  // keeps the snippets from being optimised away
};

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"xapian-reference: top 10 with snippets by bare Xapian calls, timed."};
  opslag::bench::TimerOptions options;
  std::string db;
  bool no_snippets = false;
  app.add_option("--db", db, "Xapian database built by scriptindex")->required();
  app.add_flag("--no-snippets", no_snippets, "fetch each hit's document but make no snippet");
  opslag::bench::add_timer_options(app, options);
  CLI11_PARSE(app, argc, argv);
  return opslag::bench::run_timer(no_snippets ? "xapian-reference-no-snippets" : "xapian-reference",
                                  options,
                                  [&] { return std::make_unique<XapianWorker>(db, !no_snippets); });
} catch (const std::exception& e) {
  std::cerr << "xapian-reference: " << e.what() << '\n';
  return 2;
} catch (const Xapian::Error& e) {
  std::cerr << "xapian-reference: " << e.get_description() << '\n';
  return 2;
}
