// Fuzzes the query language: whatever a user types is parsed, described, run against a tiny
// in-memory index and highlighted, as a search request would be.
#include <xapian.h>

#include "server/engine/query_lexer.h"
#include "server/engine/query_parser.h"
#include "server/engine/snippet_maker.h"
#include "tests/fuzz/fuzz_support.h"

namespace opslag::fuzz {
namespace {

/// Three one-paragraph documents indexed as opslag-index would, built once.
const Xapian::Database& tiny_index() {
  static const Xapian::Database db = [] {
    Xapian::WritableDatabase index(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const auto add = [&](std::string id, std::string title, std::string body, std::string date,
                         std::string source) {
      StoredDocument doc;
      doc.id = std::move(id);
      doc.title = std::move(title);
      doc.body = std::move(body);
      doc.date = std::move(date);
      doc.source = std::move(source);
      doc.type = "pressemeddelelse";
      index.add_document(make_xapian_document(schema(), analyzer(), doc));
    };
    add("a", "Ny digitaliseringsstrategi", "NemID afløses af MitID på borger.dk og e-Boks.",
        "2016-05-12", "Digitaliseringsstyrelsen");
    add("b", "Kommunernes Landsforening om Digital Post",
        "KL's sundhedsportalen: Århus og Aarhus, 2016-2020, J.nr. 126-27.", "2011-02-28", "KL");
    add("c", "Strategien for det offentlige", "Myndighederne og borgerne i sundhed.dk.", "",
        "Danske Regioner");
    index.commit();
    return Xapian::Database(index);
  }();
  return db;
}

const QueryParser& parser() {
  static const QueryParser made(schema(), analyzer());
  return made;
}

}  // namespace
}  // namespace opslag::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  const std::string_view text = fuzz::as_text(data, size);
  for (const Token& token : tokenize(text)) {
    FUZZ_CHECK(token.sign == 0 || token.sign == '+' || token.sign == '-');
    FUZZ_CHECK(token.kind != TokenKind::kNear || (token.distance >= 1 && token.distance <= 100));
  }
  ParsedQuery parsed;
  try {
    parsed = fuzz::parser().parse(text);
  } catch (const BadInput&) {
    return 0;  // documented: not UTF-8, or no word at all
  }
  FUZZ_CHECK(!parsed.query.empty());
  FUZZ_CHECK(!parsed.query.get_description().empty());
  Xapian::Enquire enquire(fuzz::tiny_index());
  enquire.set_query(parsed.query);
  const Xapian::MSet hits = enquire.get_mset(0, 10);
  const SnippetMaker snippets(fuzz::analyzer());
  for (auto hit = hits.begin(); hit != hits.end(); ++hit) {
    const StoredDocument doc = StoredDocument::from_data(hit.get_document().get_data());
    std::size_t match_at = 0;
    const Snippet snippet = snippets.make(doc.body, parsed, SnippetMaker::kLength, &match_at);
    FUZZ_CHECK(text::is_valid_utf8(snippet.text));
    FUZZ_CHECK(match_at <= doc.body.size());
  }
  return 0;
}
