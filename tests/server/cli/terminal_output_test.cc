// Tests what opslag-search prints.
#include "server/cli/terminal_output.h"

#include <gtest/gtest.h>

#include "tests/support/sample_hit.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_request.h"

namespace opslag {
namespace {

using testing::request;

SearchResult one_hit() {
  SearchResult result;
  result.total = 1;
  result.hits.push_back(testing::nemid_hit());
  return result;
}

TEST(TerminalOutputTest, PlainOutputHasNoMarkupOrEscapes) {
  const std::string out = format_hits(request("NemID", 1, 10), one_hit(), false);
  EXPECT_NE(out.find("1. NemID lanceres"), std::string::npos) << out;
  EXPECT_NE(out.find("2010-07-01 · IT- og Telestyrelsen · pressemeddelelse"), std::string::npos);
  EXPECT_NE(out.find("Log på med NemID & mere"), std::string::npos) << out;
  EXPECT_EQ(out.find('\033'), std::string::npos);
}

TEST(TerminalOutputTest, AHitWithoutDateOrSourceShowsNoEmptyPlaceForThem) {
  SearchResult result = one_hit();
  result.hits[0].doc.date.clear();
  result.hits[0].doc.source.clear();
  const std::string out = format_hits(request("NemID", 1, 10), result, false);
  EXPECT_NE(out.find("   uden dato · pressemeddelelse\n"), std::string::npos) << out;
}

TEST(TerminalOutputTest, ColourOutputHighlightsMatches) {
  const std::string out = format_hits(request("NemID", 1, 10), one_hit(), true);
  EXPECT_NE(out.find("\033[1;33mNemID\033[0m"), std::string::npos) << out;
}

TEST(TerminalOutputTest, ADocumentCannotSendTheTerminalEscapeSequences) {
  SearchResult result = one_hit();
  result.hits[0].doc.title = "Titel\033]0;hacked\007";
  result.hits[0].snippet = {"A\033[2J B \xC2\x9B C NemID", {{13, 18}}};
  result.sources = {{"KL\033[31m", 1}};
  const std::string out = format_hits(request("NemID", 1, 10), result, false);
  EXPECT_EQ(out.find('\033'), std::string::npos) << out;
  EXPECT_EQ(out.find('\007'), std::string::npos) << out;
  EXPECT_EQ(out.find("\xC2\x9B"), std::string::npos) << out;
  EXPECT_NE(out.find("A [2J B    C NemID"), std::string::npos) << out;
  const std::string coloured = format_hits(request("NemID", 1, 10), result, true);
  EXPECT_NE(coloured.find("\033[1;33mNemID\033[0m"), std::string::npos) << coloured;
}

TEST(TerminalOutputTest, ShowsTheSpellingSuggestion) {
  SearchResult result;
  result.suggestion = "nemid";
  const std::string out = format_hits(request("nemdi", 1, 10), result, false);
  EXPECT_NE(out.find("Mente du: nemid?"), std::string::npos) << out;
}

TEST(TerminalOutputTest, SaysWhatTheSearchTookInBesidesTheWordsTyped) {
  SearchResult result = one_hit();
  result.expansions = {{"form", "aldersverificering", "aldersverifikation"},
                       {"synonym", "digst", "digitaliseringsstyrelsen"}};
  const std::string out = format_hits(request("aldersverificering digst", 1, 10), result, false);
  EXPECT_NE(out.find("Søgningen omfattede også: aldersverifikation (bøjningsform), "
                     "digitaliseringsstyrelsen (synonym)\n"),
            std::string::npos)
      << out;
  for (int i = 0; i < 10; ++i)
    result.expansions.push_back({"compound", "portal", "portal" + std::to_string(i)});
  const std::string many = format_hits(request("portal", 1, 10), result, false);
  EXPECT_NE(many.find("portal5 (sammensat ord), …\n"), std::string::npos) << many;
  EXPECT_EQ(many.find("portal6"), std::string::npos) << many;
  EXPECT_EQ(format_hits(request("NemID", 1, 10), one_hit(), false).find("omfattede"),
            std::string::npos);
}

TEST(TerminalOutputTest, SaysWhichWordItSearchedInsteadOfTheWordTyped) {
  SearchResult result = one_hit();
  result.expansions = {{"respelled", "inteligens", "intelligens"},
                       {"synonym", "intelligens", "ai"}};
  const std::string out = format_hits(request("kunstig inteligens", 1, 10), result, false);
  EXPECT_NE(out.find("Søgte efter intelligens i stedet for inteligens\n"), std::string::npos)
      << out;
  // The respelling is no word searched besides: only the synonym is.
  EXPECT_NE(out.find("Søgningen omfattede også: ai (synonym)\n"), std::string::npos) << out;
}

TEST(TerminalOutputTest, ShowsTheFacetsToNarrowBy) {
  SearchResult result = one_hit();
  result.sources = {{"KL", 3}, {"Digitaliseringsstyrelsen", 1}};
  result.years = {{"2016", 2}, {"2010", 1}};
  const std::string out = format_hits(request("NemID", 1, 10), result, false);
  EXPECT_NE(out.find("Kilder: KL (3), Digitaliseringsstyrelsen (1)\n"), std::string::npos) << out;
  EXPECT_NE(out.find("År: 2016 (2), 2010 (1)\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("Typer:"), std::string::npos) << out;
}

TEST(TerminalOutputTest, NumbersHitsFromThePageStart) {
  const std::string out = format_hits(request("NemID", 3, 10), one_hit(), false);
  EXPECT_NE(out.find("21. NemID lanceres"), std::string::npos) << out;
}

TEST(TerminalOutputTest, AnalysisPrintsWordTabStemPerLine) {
  const DanishAnalyzer analyzer;
  EXPECT_EQ(format_analysis(analyzer, "Strategierne og e-Boks"),
            "strategierne\tstrategi\nog\tog\ne\te\nboks\tbok\n+eboks\tebok\n");
}

TEST(TerminalOutputTest, AnalysisPrintsThePartsOfACompound) {
  const DanishAnalyzer analyzer(testing::project_schema());
  EXPECT_EQ(format_analysis(analyzer, "Sundhedsportalen"),
            "sundhedsportalen\tsundhedsportal\tsundhed+portal\n");
}

TEST(TerminalOutputTest, ADocumentIsShownWholeWithItsMatchesAndPageLines) {
  DocumentView view;
  view.doc.id = "rapport.pdf";
  view.doc.title = "NemID-rapport";
  view.doc.date = "2011-05-01";
  view.doc.type = "rapport";
  view.doc.body = "Side et om NemID.\fSide to om NemID\x1b[31m.";
  view.title_marks = {{0, 5}};
  view.body_marks = {{11, 16}, {30, 35}};
  const std::string plain = format_document(view, false);
  EXPECT_EQ(plain,
            "NemID-rapport\n2011-05-01 · rapport\n2 fundsteder\n\nSide et om NemID.\n\n── side 2 "
            "──\n\nSide to om NemID [31m.\n");
  const std::string colour = format_document(view, true);
  EXPECT_NE(colour.find("om \033[1;33mNemID\033[0m."), std::string::npos) << colour;
  EXPECT_NE(colour.find("\033[1m\033[1;33mNemID\033[0m\033[1m-rapport\033[0m"), std::string::npos)
      << colour;
}

TEST(TerminalOutputTest, SaysWhichHitsAreShownOfHowManyAndHowToGetMore) {
  SearchResult result = one_hit();
  result.total = 30'000;
  result.estimated = true;
  const std::string out = format_hits(request("NemID", 3, 1), result, false);
  EXPECT_TRUE(out.starts_with("3 af ca. 30.000 dokumenter for \"NemID\" — næste: --page 4\n"))
      << out;
  result.total = 1;
  result.estimated = false;
  EXPECT_TRUE(format_hits(request("NemID", 1, 10), result, false)
                  .starts_with("1 af 1 dokument for \"NemID\"\n"));
  EXPECT_TRUE(format_hits(request("NemID", 1, 10), SearchResult{}, false)
                  .starts_with("Ingen dokumenter for \"NemID\"\n"));
}

TEST(TerminalOutputTest, EachHitShowsItsIdAndItsUrlOrFile) {
  SearchResult result = one_hit();
  EXPECT_NE(format_hits(request("NemID", 1, 10), result, false)
                .find("   nemid.txt  https://example.dk/nemid\n"),
            std::string::npos);
  result.hits[0].doc.url.clear();
  result.hits[0].doc.file = "/srv/opslag/nemid.txt";
  EXPECT_NE(format_hits(request("NemID", 1, 10), result, false)
                .find("   nemid.txt  /srv/opslag/nemid.txt\n"),
            std::string::npos);
}

TEST(TerminalOutputTest, WrapsLinesAtWordsToTheWidthKeepingMarksWhole) {
  const std::string text =
      "Med NemID logger borgerne på hos banken og det offentlige i hele landet";
  // 27 characters a line: 30 columns less the indent; "på" is one character of two bytes.
  const std::string wrapped = wrap_marked(text, {{4, 9}, {34, 40}}, 30, "   ", "[", "]");
  EXPECT_EQ(wrapped,
            "Med [NemID] logger borgerne\n   på hos [banken] og det\n   offentlige i hele landet");
  // A mark the break falls inside is closed before it and opened again after.
  const std::string across = wrap_marked("aaaa bbbb cccc", {{5, 14}}, 12, "  ", "[", "]");
  EXPECT_EQ(across, "aaaa [bbbb]\n  [cccc]");
  EXPECT_EQ(wrap_marked(text, {}, 0, "   ", "", ""), text);
}

TEST(TerminalOutputTest, AWrappedHitFitsTheWidthEvenWithDanishLetters) {
  SearchResult result = one_hit();
  result.hits[0].snippet = {"Ærø og Æbelø får både bredbånd og fælles løsninger på øerne nu", {}};
  const std::string out = format_hits(request("NemID", 1, 10), result, false, 30);
  std::size_t begin = 0;
  while (begin < out.size()) {
    const std::size_t end = out.find('\n', begin);
    const std::string line = out.substr(begin, end - begin);
    std::size_t characters = 0;
    for (const char c : line) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (line.find(' ') != std::string::npos) {
      EXPECT_LE(characters, 30u) << line;
    }
    begin = end + 1;
  }
  EXPECT_NE(out.find("   Ærø og Æbelø får både\n   bredbånd og fælles"), std::string::npos) << out;
}

TEST(TerminalOutputTest, WritesNumbersTheDanishWay) {
  EXPECT_EQ(danish_number(0), "0");
  EXPECT_EQ(danish_number(999), "999");
  EXPECT_EQ(danish_number(1000), "1.000");
  EXPECT_EQ(danish_number(1234567), "1.234.567");
}

}  // namespace
}  // namespace opslag
