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

}  // namespace
}  // namespace opslag
