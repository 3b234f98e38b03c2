// Tests how a suggested word comes to be shown as titles and texts write it.
#include "server/engine/word_casing.h"

#include <gtest/gtest.h>

#include "schema/stored_document.h"
#include "tests/support/memory_database.h"

namespace opslag {
namespace {

/// How `texts` mostly write the folded `word`.
std::string written(const std::string& word, const std::vector<std::string>& texts) {
  WrittenForms forms(word);
  for (const std::string& text : texts) forms.count_in(text);
  return forms.most_written();
}

TEST(WrittenFormsTest, ShowsAWordAsTheTextsMostlyWriteIt) {
  EXPECT_EQ(written("nemid", {"Log på med NemID i dag.", "Brug nemid eller NemID."}), "NemID");
}

TEST(WrittenFormsTest, AWordNoTextHoldsIsShownFolded) {
  EXPECT_EQ(written("nemid", {}), "nemid");
  EXPECT_EQ(written("nemid", {"Intet om det her."}), "nemid");
}

TEST(WrittenFormsTest, ACapitalThatOnlyBeginsASentenceIsNotCounted) {
  EXPECT_EQ(written("strategien", {"Strategien gælder. Strategien er ny! Se strategien."}),
            "strategien");
}

TEST(WrittenFormsTest, ACapitalAfterAColonIsMeant) {
  EXPECT_EQ(written("digitaliseringsstyrelsen", {"Kilde: Digitaliseringsstyrelsen"}),
            "Digitaliseringsstyrelsen");
}

TEST(WrittenFormsTest, ACapitalAfterATitlesColonBeginsItsSubtitle) {
  WrittenForms forms("produktserie");
  forms.count_in("Standard for it-systemer: Produktserie og drift", WrittenIn::kTitle);
  EXPECT_EQ(forms.most_written(), "produktserie");
}

TEST(WrittenFormsTest, AHyphenatedWordOnlyBeginningSentencesKeepsItsHyphen) {
  WrittenForms forms("itsystemets");
  forms.count_in("Standard for it-systemer: It-systemets produktserie", WrittenIn::kTitle);
  forms.count_in("It-systemets ejer svarer.");
  EXPECT_EQ(forms.most_written(), "it-systemets");
}

TEST(WrittenFormsTest, OnATieTheFoldedWordIsShown) {
  EXPECT_EQ(written("post", {"Vi har Digital Post og almindelig post."}), "post");
}

TEST(WrittenFormsTest, CountsOnlyWholeWords) {
  EXPECT_EQ(written("post", {"Vi tømmer POSTKASSEN og LUFTPOST."}), "post");
}

TEST(WrittenFormsTest, CountsCapitalsOfLatinLetters) {
  EXPECT_EQ(written("økonomi", {"Vi taler om ØKONOMI og ØKONOMI."}), "ØKONOMI");
}

TEST(WrittenFormsTest, ShowsAWordTheIndexHoldsJoinedWithItsHyphens) {
  EXPECT_EQ(written("eboks", {"Brevet ligger i e-Boks.", "Log på e-Boks i dag."}), "e-Boks");
  EXPECT_EQ(written("cprregisteret", {"Et opslag i CPR-registeret."}), "CPR-registeret");
}

TEST(WrittenFormsTest, AHyphenatedWordInsideALongerOneIsNotCounted) {
  EXPECT_EQ(written("eboks", {"Se e-Boks-løsningen og e-boks."}), "e-boks");
}

TEST(WrittenFormsTest, AWordIsStillCountedAsAPartOfAHyphenatedOne) {
  EXPECT_EQ(written("nemid", {"et NemID-kort"}), "NemID");
}

TEST(WrittenFormsTest, CountsOnlyTheFirstOccurrencesOfOneText) {
  std::string text;
  for (int i = 0; i < WrittenForms::kMaxCounted; ++i) text += "om POST ";
  for (int i = 0; i <= WrittenForms::kMaxCounted; ++i) text += "om post ";
  EXPECT_EQ(written("post", {text}), "POST");
}

/// The data of a document whose body is `body`.
std::string document_data(const std::string& body) {
  StoredDocument doc;
  doc.id = "doc.txt";
  doc.body = body;
  return doc.to_data();
}

TEST(AsWrittenTest, ReadsHowAShortDocumentHoldingTheWordWritesIt) {
  testing::MemoryDatabase index;
  index.add({"mitid", "kommer"}, document_data("Snart kommer MitID til alle."));
  EXPECT_EQ(as_written(index.db(), "mitid", {}), "MitID");
}

TEST(AsWrittenTest, ReadsTheTitleOfTheDocumentBesideItsText) {
  testing::MemoryDatabase index;
  StoredDocument doc;
  doc.id = "doc.txt";
  doc.title = "Kommunerne bryder monopolet på it-systemerne";
  doc.body = "Data skal flyde mellem systemerne.";
  index.add({"itsystemerne"}, doc.to_data());
  EXPECT_EQ(as_written(index.db(), "itsystemerne", {}), "it-systemerne");
}

TEST(AsWrittenTest, CountsTheTitlesBesideTheText) {
  testing::MemoryDatabase index;
  index.add({"nemid"}, document_data("Log på med nemid."));
  EXPECT_EQ(as_written(index.db(), "nemid", {"NemID lanceres", "Borgerne tager NemID til sig"}),
            "NemID");
}

TEST(AsWrittenTest, AWordNoDocumentHoldsIsShownAsTheTitlesWriteIt) {
  testing::MemoryDatabase index;
  index.add({"andet"}, document_data("Noget andet."));
  EXPECT_EQ(as_written(index.db(), "nemid", {"Borgerne tager NemID til sig"}), "NemID");
  EXPECT_EQ(as_written(index.db(), "nemid", {}), "nemid");
}

}  // namespace
}  // namespace opslag
