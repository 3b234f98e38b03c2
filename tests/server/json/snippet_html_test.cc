// Tests the snippet as HTML: escaped text, <mark> around each match and nowhere else.
#include "server/json/snippet_html.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

TEST(SnippetHtmlTest, EscapesEverythingButItsOwnMarks) {
  const std::string text = "Vis <script>alert(1)</script> & \"citat\" som tekst";
  const Snippet snippet{text, {{text.size() - 5, text.size()}}};
  EXPECT_EQ(snippet_html(snippet),
            "Vis &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot; som "
            "<mark>tekst</mark>");
}

TEST(SnippetHtmlTest, EscapesTheTextInsideAMark) {
  EXPECT_EQ(snippet_html({"R&D i dag", {{0, 3}}}), "<mark>R&amp;D</mark> i dag");
}

TEST(SnippetHtmlTest, MarksEachMatchInTurn) {
  EXPECT_EQ(snippet_html({"NemID og MitID", {{0, 5}, {9, 14}}}),
            "<mark>NemID</mark> og <mark>MitID</mark>");
}

TEST(SnippetHtmlTest, AnEmptySnippetIsEmptyHtml) { EXPECT_EQ(snippet_html({}), ""); }

TEST(SnippetHtmlTest, HtmlEscapeEscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(html_escape("<a href='x'>\"&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
}

}  // namespace
}  // namespace opslag
