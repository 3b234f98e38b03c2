// Tests the index layout: which terms and values a document gets.
#include "schema/document_terms.h"

#include <gtest/gtest.h>

#include <set>

#include "schema/errors.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

std::set<std::string> terms_of(const Xapian::Document& doc) {
  return {doc.termlist_begin(), doc.termlist_end()};
}

class DocumentTermsTest : public ::testing::Test {
 protected:
  DocumentTermsTest() {
    doc_.id = "2010-nemid.txt";
    doc_.title = "NemID lanceres";
    doc_.body = "Den nye digitale signatur hedder NemID.";
    doc_.date = "2010-07-01";
    doc_.source = "Digitaliseringsstyrelsen";
    doc_.type = "pressemeddelelse";
    doc_.hash = "abc";
  }
  const Schema& schema_ = testing::project_schema();
  DanishAnalyzer analyzer_{schema_};
  StoredDocument doc_;
};

TEST_F(DocumentTermsTest, IndexesWordsAsWrittenAndTheirStems) {
  const auto terms = terms_of(make_xapian_document(schema_, analyzer_, doc_));
  EXPECT_TRUE(terms.contains("digitale"));
  EXPECT_TRUE(terms.contains("Z" + analyzer_.stem("digitale")));
}

TEST_F(DocumentTermsTest, TitleWordsCountMoreThanBodyWords) {
  const Xapian::Document xdoc = make_xapian_document(schema_, analyzer_, doc_);
  auto wdf = [&](const std::string& term) {
    auto it = xdoc.termlist_begin();
    it.skip_to(term);
    return it != xdoc.termlist_end() && *it == term ? it.get_wdf() : 0;
  };
  EXPECT_EQ(wdf("lanceres"), static_cast<Xapian::termcount>(schema_.field("title").weight));
  EXPECT_EQ(wdf("signatur"), static_cast<Xapian::termcount>(schema_.field("body").weight));
  EXPECT_GT(wdf("lanceres"), wdf("signatur"));
}

TEST_F(DocumentTermsTest, ATitleWordCountsItsWeightOnceHoweverOftenTheTitleRepeatsIt) {
  doc_.title = "NemLog-in: spørgsmål om NemLog-in og NemLog-in";
  doc_.body = "Om login.";
  const Xapian::Document xdoc = make_xapian_document(schema_, analyzer_, doc_);
  auto it = xdoc.termlist_begin();
  it.skip_to("nemlog");
  ASSERT_EQ(*it, "nemlog");
  EXPECT_EQ(it.get_wdf(), static_cast<Xapian::termcount>(schema_.field("title").weight));
  EXPECT_EQ(it.positionlist_count(), 3u);  // every place kept, for phrases and snippets
  it.skip_to("Snemlog");
  EXPECT_EQ(it.get_wdf(), 3u);  // the title's own terms count each occurrence
}

TEST_F(DocumentTermsTest, KeepsWhenADocumentWasFirstIndexedInAValueNotInItsData) {
  doc_.indexed = "2026-12-05T07:12:33.000001Z";
  const Xapian::Document xdoc = make_xapian_document(schema_, analyzer_, doc_);
  EXPECT_EQ(xdoc.get_value(*schema_.field("indexed").value_slot), doc_.indexed);
  EXPECT_EQ(xdoc.get_data().find("2026-12-05T"), std::string::npos);
  EXPECT_EQ(read_stored_document(schema_, xdoc).indexed, doc_.indexed);
}

TEST_F(DocumentTermsTest, TitleWordsAlsoGetTheTitlePrefix) {
  const auto terms = terms_of(make_xapian_document(schema_, analyzer_, doc_));
  EXPECT_TRUE(terms.contains("Snemid"));
  EXPECT_FALSE(terms.contains("Ssignatur"));
}

TEST_F(DocumentTermsTest, BodyPositionsStartAfterAGapSoNoPhraseSpansTitleAndBody) {
  const Xapian::Document xdoc = make_xapian_document(schema_, analyzer_, doc_);
  auto it = xdoc.termlist_begin();
  it.skip_to("den");
  ASSERT_EQ(*it, "den");
  EXPECT_GE(*it.positionlist_begin(), 3 + kFieldGap);
}

TEST_F(DocumentTermsTest, AddsFilterTermsAndValues) {
  const Xapian::Document xdoc = make_xapian_document(schema_, analyzer_, doc_);
  const auto terms = terms_of(xdoc);
  EXPECT_TRUE(terms.contains("Q2010-nemid.txt"));
  EXPECT_TRUE(terms.contains("D20100701"));
  EXPECT_TRUE(terms.contains("Y2010"));
  EXPECT_TRUE(terms.contains("XKdigitaliseringsstyrelsen"));
  EXPECT_TRUE(terms.contains("XTpressemeddelelse"));
  EXPECT_EQ(xdoc.get_value(*schema_.field("year").value_slot), "2010");
  EXPECT_EQ(xdoc.get_value(*schema_.field("source").value_slot), "Digitaliseringsstyrelsen");
  EXPECT_EQ(xdoc.get_value(*schema_.field("hash").value_slot), "abc");
}

TEST_F(DocumentTermsTest, KeepsTheDocumentAsJsonData) {
  const Xapian::Document xdoc = make_xapian_document(schema_, analyzer_, doc_);
  const StoredDocument back = StoredDocument::from_data(xdoc.get_data());
  EXPECT_EQ(back.title, doc_.title);
  EXPECT_EQ(back.body, doc_.body);
  EXPECT_EQ(back.date, doc_.date);
}

TEST_F(DocumentTermsTest, SpellingWordsAreUnprefixedLetterWordsOnly) {
  doc_.body = "NemID kom i 2010 til sundhed.dk";
  const auto words = spelling_words(make_xapian_document(schema_, analyzer_, doc_));
  const std::set<std::string> set(words.begin(), words.end());
  EXPECT_TRUE(set.contains("nemid"));
  EXPECT_TRUE(set.contains("sundhed"));
  EXPECT_FALSE(set.contains("2010"));
  EXPECT_FALSE(set.contains("sundhed.dk"));
  EXPECT_FALSE(set.contains("i"));  // too short to correct anything
  for (const std::string& w : words) EXPECT_TRUE(w[0] >= 'a' || (w[0] & 0x80)) << w;
}

// Guards a bug the fuzzer found: an id over 244 bytes (a long JSON id or a deep path) made an id
// term longer than Xapian's 245 bytes, and adding the document aborted the indexer.
TEST_F(DocumentTermsTest, RefusesAnIdTooLongForAXapianTerm) {
  doc_.id = std::string(244, 'x');
  EXPECT_NO_THROW((void)make_xapian_document(schema_, analyzer_, doc_));
  doc_.id += "x";
  EXPECT_THROW((void)make_xapian_document(schema_, analyzer_, doc_), BadInput);
}

TEST_F(DocumentTermsTest, ADocumentWithoutDateHasNoDateTerms) {
  doc_.date.clear();
  const auto terms = terms_of(make_xapian_document(schema_, analyzer_, doc_));
  for (const std::string& term : terms) {
    EXPECT_FALSE(term.starts_with("D2")) << term;
    EXPECT_FALSE(term.starts_with("Y2")) << term;
  }
}

TEST(DocumentTermsLayoutTest, TellsPlainStemsAndWordsFromPrefixedTerms) {
  EXPECT_TRUE(is_plain_stem_term(stem_term("", "strategi")));
  EXPECT_FALSE(is_plain_stem_term(stem_term("S", "strategi")));
  EXPECT_FALSE(is_plain_stem_term("strategi"));
  EXPECT_TRUE(is_word_term("strategi"));
  EXPECT_TRUE(
      is_word_term("\xc3\xa6"
                   "ble"));  // æble: UTF-8 bytes sort after every prefix
  EXPECT_FALSE(is_word_term(stem_term("", "strategi")));
  EXPECT_FALSE(is_word_term(filter_term("XK", "KL")));
  EXPECT_LT(std::string("Zzzz"), std::string(kPastPrefixedTerms));
  EXPECT_LT(std::string(kPastPrefixedTerms), std::string("a"));
}

TEST(DocumentTermsLayoutTest, ReadsTheStemBackFromAStemOrCompoundPartTermOnly) {
  EXPECT_EQ(term_stem(stem_term("", "strategi")), "strategi");
  EXPECT_EQ(term_stem(stem_term("S", "strategi")), "strategi");
  EXPECT_EQ(term_stem(stem_term("", "2016")), "2016");
  EXPECT_EQ(term_stem(part_term("portal")), "portal");
  EXPECT_EQ(term_stem("strategi"), "");
  EXPECT_EQ(term_stem(filter_term("XK", "KL")), "");
  EXPECT_EQ(term_stem("Z"), "");
}

TEST(DocumentTermsLayoutTest, ALongFilterValueIsCutToATermXapianTakesOnACharacterBoundary) {
  std::string value;
  for (int i = 0; i < 200; ++i) value += "\xc3\xb8";  // ø, two bytes each
  const std::string term = filter_term("XK", value);
  EXPECT_LE(term.size(), kMaxTermBytes);
  EXPECT_GE(term.size(), kMaxTermBytes - 1);
  EXPECT_EQ((term.size() - 2) % 2, 0u) << "cut inside a character";
}

}  // namespace
}  // namespace opslag
