// Tests snippets: the right passage, match ranges, plain text, no cut words.
#include "server/engine/snippet_maker.h"

#include <gtest/gtest.h>

#include "schema/analysis/icu_text.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

class SnippetMakerTest : public ::testing::Test {
 protected:
  std::string snippet(std::string_view text, std::string_view query, std::size_t length = 240) {
    return snippets_.make(text, parser_.parse(query), length).with_marks("<mark>", "</mark>");
  }
  DanishAnalyzer analyzer_{testing::project_schema()};
  QueryParser parser_{testing::project_schema(), analyzer_};
  SnippetMaker snippets_{analyzer_};
};

TEST_F(SnippetMakerTest, MarksTheWordAsWritten) {
  EXPECT_EQ(snippet("Log på med NemID i dag.", "nemid"), "Log på med <mark>NemID</mark> i dag.");
}

TEST_F(SnippetMakerTest, MarksStemmedFormsToo) {
  EXPECT_EQ(snippet("Strategierne er klar.", "strategi"), "<mark>Strategierne</mark> er klar.");
}

TEST_F(SnippetMakerTest, MarksAFormWhoseStemItDoesNotBeginWith) {
  // "kommissoriet" has the stem of "kommissorium", which it does not begin with: found where a
  // long text is scanned for the place to show, and marked in the whole text's view.
  EXPECT_EQ(snippet("Kommissoriet er klar.", "kommissorium"), "<mark>Kommissoriet</mark> er klar.");
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Ordførerne talte længe om andre sager. ";
  const std::size_t at = text.size();
  text += "Til sidst kom kommissoriet for arbejdet.";
  EXPECT_NE(snippet(text, "kommissorium").find("<mark>kommissoriet</mark>"), std::string::npos);
  const auto marks = snippets_.marks(text, parser_.parse("kommissorium"));
  EXPECT_EQ(marks, (std::vector<std::pair<std::size_t, std::size_t>>{
                       {at + 14, at + 14 + std::string_view("kommissoriet").size()}}));
}

TEST_F(SnippetMakerTest, GivesPlainTextAndTheRangesThatMatched) {
  const Snippet s = snippets_.make("Vis <b>  &  tekst\nog tekster", parser_.parse("tekst"));
  EXPECT_EQ(s.text, "Vis <b> & tekst og tekster");
  const std::vector<std::pair<std::size_t, std::size_t>> expected = {{10, 15}, {19, 26}};
  EXPECT_EQ(s.marks, expected);
}

TEST_F(SnippetMakerTest, MarksAJoinedFormWhole) {
  EXPECT_EQ(snippet("Brevet ligger i e-Boks nu.", "eboks"),
            "Brevet ligger i <mark>e-Boks</mark> nu.");
}

TEST_F(SnippetMakerTest, MarksADomainNameWholeWhenOnePartMatches) {
  EXPECT_EQ(snippet("Se sundhed.dk for mere.", "\"sundhed\""),
            "Se <mark>sundhed.dk</mark> for mere.");
}

TEST_F(SnippetMakerTest, PicksThePassageWithTheMostQueryTerms) {
  const std::string filler(400, 'x');
  const std::string text = "NemID nævnes her. " + std::string(60, ' ') +
                           "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
                           "tempor incididunt ut labore et dolore magna aliqua ut enim ad minim "
                           "veniam quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea "
                           "commodo consequat duis aute irure dolor in reprehenderit in voluptate "
                           "velit esse cillum dolore. Her står både NemID og MitID sammen.";
  const std::string s = snippet(text, "NemID MitID", 80);
  EXPECT_NE(s.find("<mark>MitID</mark>"), std::string::npos) << s;
  EXPECT_TRUE(s.starts_with("…")) << s;
}

TEST_F(SnippetMakerTest, PicksThePassageWithTheRarerWordOverOneWithMoreCommonOnes) {
  const std::string filler =
      " Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt "
      "ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco "
      "laboris nisi ut aliquip ex ea commodo consequat duis aute irure dolor in reprehenderit. ";
  const std::string text = "Vi går og går videre med planen." + filler + filler +
                           "En analog løsning er en god reserve." + filler;
  ParsedQuery query = parser_.parse("analog går planen");
  // Without weights, each term counts alike: the two common words win.
  EXPECT_EQ(snippets_.make(text, query, 120).with_marks("<", ">").find("<analog>"),
            std::string::npos);
  query.stem_weights = {{analyzer_.stem("analog"), 8.0},
                        {analyzer_.stem("går"), 1.5},
                        {analyzer_.stem("planen"), 2.0}};
  const std::string s = snippets_.make(text, query, 120).with_marks("<", ">");
  EXPECT_NE(s.find("<analog>"), std::string::npos) << s;
}

TEST_F(SnippetMakerTest, ShowsEveryMatchOfThePassageItChose) {
  // The snippet starts a little before its first match, so a match at the far end of a
  // 240-byte window would fall off its end: here MitID stands 205 bytes after the first NemID.
  const std::string text =
      "Indledning om andre emner i teksten her og mere tekst før navnet. NemID" +
      std::string(200, ' ') + "MitID er afslutningen." + std::string(300, ' ') +
      "Både NemID og MitID.";
  const std::string s = snippet(text, "NemID MitID", 240);
  EXPECT_NE(s.find("<mark>NemID</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find("<mark>MitID</mark>"), std::string::npos) << s;
}

TEST_F(SnippetMakerTest, NeverCutsAWordOrAUtf8Sequence) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "ærø blåbær øl ";
  text += "NemID";
  for (int i = 0; i < 60; ++i) text += " søndag æblegrød";
  for (std::size_t length : {20u, 41u, 77u, 120u, 239u}) {
    const std::string s = snippet(text, "nemid", length);
    EXPECT_TRUE(text::is_valid_utf8(s)) << length;
    EXPECT_NE(s.find("<mark>NemID</mark>"), std::string::npos) << s;
    const std::string inner = s.substr(s.find("…") + 3, s.rfind(" …") - s.find("…") - 3);
    for (const AnalyzedWord& w : analyzer_.analyze(inner)) {
      EXPECT_TRUE(w.word == "ærø" || w.word == "blåbær" || w.word == "øl" || w.word == "nemid" ||
                  w.word == "mark" || w.word == "søndag" || w.word == "æblegrød")
          << "cut word \"" << w.word << "\" in " << s;
    }
  }
}

TEST_F(SnippetMakerTest, MarksAQuotedPhraseOnlyWhereItsWordsStandTogether) {
  EXPECT_EQ(snippet("Digital selvbetjening og Digital Post til alle.", "\"Digital Post\""),
            "Digital selvbetjening og <mark>Digital Post</mark> til alle.");
}

TEST_F(SnippetMakerTest, MarksLettersAndDigitsTypedTogetherWhereOneOtherWordStandsAmongThem) {
  // "iso27001" also finds "ISO/IEC 27001": the mark covers the whole name.
  EXPECT_EQ(snippet("Kravene svarer til ISO/IEC 27001 i alt.", "iso27001"),
            "Kravene svarer til <mark>ISO/IEC 27001</mark> i alt.");
  EXPECT_EQ(snippet("ISO 9001 og ikke 27001.", "iso27001"), "ISO 9001 og ikke 27001.");
}

TEST_F(SnippetMakerTest, MarksAQuotedWordOnlyInThatExactForm) {
  EXPECT_EQ(snippet("Strategien og strategierne.", "\"strategien\""),
            "<mark>Strategien</mark> og strategierne.");
}

TEST_F(SnippetMakerTest, MarksAccentedFormsOfAWord) {
  std::string filler;
  for (int i = 0; i < 80; ++i) filler += "fyld ";
  const std::string s = snippet(filler + "En god IDÉ og en idé.", "ide", 60);
  EXPECT_NE(s.find("<mark>IDÉ</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find("<mark>idé</mark>"), std::string::npos) << s;
}

TEST_F(SnippetMakerTest, NeverCutsACharacterWhenRunningOnOverClosingPunctuation) {
  // Found by fuzzing: the run past the length over a word's closing punctuation stopped in the
  // middle of "·" (two bytes), and the snippet was not UTF-8.
  static constexpr char kText[] =
      "NemID afl\xc3\xb8kID ALLERtal Pos]\0\0\0\0\0\0\0]\0\xc2\xb7hID. Digital oPst iLER "
      "\"D)talisQeringsstyrel ";
  const std::string out = snippet(std::string_view(kText, sizeof kText - 1), "NemID t\"", 30);
  EXPECT_TRUE(text::is_valid_utf8(out)) << out;
}

TEST_F(SnippetMakerTest, StartsAtTheBeginningWhenNothingMatches) {
  EXPECT_EQ(snippet("Kort tekst om portaler.", "nemid"), "Kort tekst om portaler.");
}

TEST_F(SnippetMakerTest, ShowsWhereTextWasLeftOut) {
  std::string text = "Begyndelsen. ";
  for (int i = 0; i < 50; ++i) text += "fyld ";
  text += "NemID i midten. ";
  for (int i = 0; i < 50; ++i) text += "fyld ";
  const std::string s = snippet(text, "nemid", 60);
  EXPECT_TRUE(s.starts_with("…")) << s;
  EXPECT_TRUE(s.ends_with(" …")) << s;
}

TEST_F(SnippetMakerTest, FoldsLineBreaksIntoSpaces) {
  EXPECT_EQ(snippet("Første linje\n\nNemID her", "nemid"), "Første linje <mark>NemID</mark> her");
}

TEST_F(SnippetMakerTest, MarksEveryMatchOfAWholeTextForItsView) {
  const std::string text = "NemID kom i 2010.\n\n" + std::string(2000, 'x') +
                           "\n\nSiden afløste MitID nemid, og NemID'et lukkede.";
  using Marks = std::vector<std::pair<std::size_t, std::size_t>>;
  const Marks marks = snippets_.marks(text, parser_.parse("nemid"));
  ASSERT_EQ(marks.size(), 3u);
  EXPECT_EQ(text.substr(marks[0].first, marks[0].second - marks[0].first), "NemID");
  EXPECT_EQ(text.substr(marks[1].first, marks[1].second - marks[1].first), "nemid");
  EXPECT_EQ(text.substr(marks[2].first, marks[2].second - marks[2].first), "NemID'et");
  EXPECT_EQ(snippets_.marks(text, parser_.parse("sundhed")), Marks{});
}

}  // namespace
}  // namespace opslag
