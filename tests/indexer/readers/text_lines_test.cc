// Tests the line helpers the readers share.
#include "indexer/readers/text_lines.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace opslag {
namespace {

using ::testing::ElementsAre;

TEST(TextLinesTest, SplitsLinesOnEveryKindOfLineEnding) {
  EXPECT_THAT(split_lines("a\nb\r\nc\rd"), ElementsAre("a", "b", "c", "d"));
  EXPECT_THAT(split_lines("a\n\nb"), ElementsAre("a", "", "b"));
}

TEST(TextLinesTest, TrimsSpacesTabsAndNoBreakSpaces) {
  EXPECT_EQ(trim(" \t\u00a0NemID\u00a0 "), "NemID");
  EXPECT_EQ(trim("   "), "");
}

TEST(TextLinesTest, CountsWords) {
  EXPECT_EQ(count_words("Ny  digital strategi "), 3u);
  EXPECT_EQ(count_words(""), 0u);
}

TEST(TextLinesTest, RecognisesCookieBannersAndNavigation) {
  for (const char* line :
       {"Vi samler statistik ved hjælp af cookies for at forbedre brugeroplevelsen.",
        "Læs mere om cookies", "Vi begynder dog først, når du klikker dig videre til næste side.",
        "Forside > Nyheder > 2014", "Spring til indhold"})
    EXPECT_TRUE(is_boilerplate_line(line)) << line;
  EXPECT_FALSE(is_boilerplate_line("Ny digitaliseringsstrategi sætter kursen frem mod 2020"));
  EXPECT_FALSE(is_boilerplate_line("Digital Post bliver obligatorisk"));
}

TEST(TextLinesTest, KnowsTheDocumentTypeWords) {
  EXPECT_EQ(document_type("Pressemeddelelse"), "pressemeddelelse");
  EXPECT_EQ(document_type(" Nyhed "), "nyhed");
  EXPECT_EQ(document_type("klumme"), "klumme");
  EXPECT_FALSE(document_type("Regeringen"));
}

TEST(TextLinesTest, BodyBuilderMakesParagraphsSeparatedByOneBlankLine) {
  BodyBuilder body;
  for (const char* line : {"", "Første linje", "anden linje", "", "", "Nyt afsnit", ""})
    body.add_line(line);
  EXPECT_EQ(body.take(), "Første linje\nanden linje\n\nNyt afsnit");
}

}  // namespace
}  // namespace opslag
