// Tests the Atom feed's text: escaping, the characters XML cannot hold, dates; and HTTP dates.
#include "server/http/atom_feed.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

Hit hit_of(std::string id, std::string title, std::string date, std::string indexed) {
  Hit hit;
  hit.doc.id = std::move(id);
  hit.doc.title = std::move(title);
  hit.doc.date = std::move(date);
  hit.doc.indexed = std::move(indexed);
  hit.doc.source = "KL & Danske Regioner";
  hit.snippet.text = "Om NemID\f og <script>";
  hit.snippet.marks = {{3, 8}};
  return hit;
}

class AtomFeedTest : public ::testing::Test {
 protected:
  AtomFeedTest() { request_.query = "NemID <&>"; }
  std::string feed() const {
    return atom_feed(request_, result_, address_, "2026-01-01T00:00:00.000000Z");
  }
  SearchRequest request_;
  SearchResult result_;
  FeedAddress address_{"http://127.0.0.1:8080", "q=NemID%20%3C%26%3E"};
};

TEST_F(AtomFeedTest, EscapesEveryTextAndTurnsCharactersXmlCannotHoldIntoSpaces) {
  result_.hits.push_back(
      hit_of("a&b.txt", "Titel med <b> & \x01", "2016-05-12", "2026-12-05T07:12:33.000042Z"));
  const std::string xml = feed();
  EXPECT_NE(xml.find("<title>Opslag: NemID &lt;&amp;&gt;</title>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<title>Titel med &lt;b&gt; &amp;  </title>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<name>KL &amp; Danske Regioner</name>"), std::string::npos) << xml;
  // The snippet's HTML (matches in <b>), escaped once more for XML; the form feed a space.
  EXPECT_NE(xml.find("Om &lt;b&gt;NemID&lt;/b&gt;  og &amp;lt;script&amp;gt;"), std::string::npos)
      << xml;
  for (const char c : xml)
    EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\n') << static_cast<int>(c);
}

TEST_F(AtomFeedTest, EntriesCarryWhenFirstIndexedAndTheirDateAndTheFeedItsNewest) {
  result_.hits.push_back(hit_of("ny.txt", "Ny", "2016", "2026-12-05T07:12:33.000042Z"));
  result_.hits.push_back(hit_of("gammel.txt", "Gammel", "", "2026-11-01T00:00:00.000000Z"));
  const std::string xml = feed();
  EXPECT_NE(xml.find("<feed xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
  EXPECT_NE(xml.find("  <updated>2026-12-05T07:12:33.000042Z</updated>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<published>2016-01-01T00:00:00Z</published>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<published>", xml.find("gammel.txt")), std::string::npos) << xml;
  EXPECT_NE(xml.find("<id>http://127.0.0.1:8080/d/ny.txt</id>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("href=\"http://127.0.0.1:8080/d/ny.txt?q=NemID%20%3C%26%3E\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("href=\"http://127.0.0.1:8080/search.atom?q=NemID%20%3C%26%3E\""),
            std::string::npos)
      << xml;
}

TEST_F(AtomFeedTest, AFeedWithoutEntriesIsUpdatedWhenTheIndexWas) {
  EXPECT_NE(feed().find("<updated>2026-01-01T00:00:00.000000Z</updated>"), std::string::npos);
  EXPECT_EQ(feed().find("<entry>"), std::string::npos);
}

TEST(HttpDateTest, WritesAndReadsTheFormOfRfc9110) {
  EXPECT_EQ(http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date(http_date(1796454753)), 1796454753);
  for (const char* bad :
       {"", "yesterday", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 CET",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 36 Nov 1994 08:49:37 GMT"})
    EXPECT_EQ(parse_http_date(bad), -1) << bad;
}

}  // namespace
}  // namespace opslag
