// Fuzzes snippets: the first line of the input is the query, the rest the document's text.
#include "server/engine/query_parser.h"
#include "server/engine/snippet_maker.h"
#include "tests/fuzz/fuzz_support.h"

namespace opslag::fuzz {
namespace {

/// What SnippetMaker promises: whole UTF-8 sequences, marks in order inside the text and on
/// character boundaries, an offset inside the text.
void check_snippet(std::string_view body, const ParsedQuery& query, std::size_t length) {
  static const SnippetMaker snippets(analyzer());
  std::size_t match_at = 0;
  const Snippet snippet = snippets.make(body, query, length, &match_at);
  FUZZ_CHECK(text::is_valid_utf8(snippet.text));
  std::size_t at = 0;
  for (const auto& [begin, end] : snippet.marks) {
    FUZZ_CHECK(at <= begin && begin < end && end <= snippet.text.size());
    FUZZ_CHECK(text::is_valid_utf8(std::string_view(snippet.text).substr(begin, end - begin)));
    at = end;
  }
  FUZZ_CHECK(match_at <= body.size());
}

}  // namespace
}  // namespace opslag::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  const std::string_view input = fuzz::as_text(data, size);
  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  static const QueryParser parser(fuzz::schema(), fuzz::analyzer());
  ParsedQuery query;
  std::string body;
  try {
    query = parser.parse(input.substr(0, newline));
    body = fuzz::analyzer().normalize(input.substr(newline + 1));  // stored text is NFC
  } catch (const BadInput&) {
    return 0;  // documented: not UTF-8, or a query with no word
  }
  fuzz::check_snippet(body, query, SnippetMaker::kLength);
  fuzz::check_snippet(body, query, 30);
  // Again with each stem and phrase word weighing something of 0 to 8, as the searcher's
  // weights (ParsedQuery::stem_weights) do, drawn from the input.
  std::size_t next = 0;
  const auto weight = [&] { return static_cast<double>(data[next++ % size] % 17) / 2.0; };
  for (const std::string& stem : query.stems) query.stem_weights[stem] = weight();
  for (const auto& [stem, word] : query.part_stems) query.stem_weights[stem] = weight();
  for (const auto& phrase : query.phrases)
    for (const std::string& word : phrase) query.word_weights[word] = weight();
  fuzz::check_snippet(body, query, SnippetMaker::kLength);
  fuzz::check_snippet(body, query, 30);
  return 0;
}
