// Tests the form documents are kept in: everything read back as it was written.
#include "schema/stored_document.h"

#include <gtest/gtest.h>

#include "schema/errors.h"

namespace opslag {
namespace {

TEST(StoredDocumentTest, ReadsBackEveryField) {
  StoredDocument doc;
  doc.id = "a/b.txt";
  doc.title = "Titel med \"citat\" og æøå";
  doc.body = "Brødtekst med {\"json\": 1} og \\ skråstreg\n\nAfsnit to.";
  doc.date = "2016-05-12";
  doc.source = "KL";
  doc.type = "klumme";
  doc.url = "https://kl.dk/";
  doc.path = "corpus/a/b.txt";
  doc.hash = "00ff";
  const StoredDocument back = StoredDocument::from_data(doc.to_data());
  EXPECT_EQ(back.id, doc.id);
  EXPECT_EQ(back.title, doc.title);
  EXPECT_EQ(back.body, doc.body);
  EXPECT_EQ(back.date, doc.date);
  EXPECT_EQ(back.source, doc.source);
  EXPECT_EQ(back.type, doc.type);
  EXPECT_EQ(back.url, doc.url);
  EXPECT_EQ(back.path, doc.path);
  EXPECT_EQ(back.language, "da");
  EXPECT_EQ(back.hash, doc.hash);
  EXPECT_EQ(back.year(), "2016");
}

TEST(StoredDocumentTest, ANulByteInTheTitleDoesNotEndTheMetadata) {
  StoredDocument doc;
  doc.title = std::string("før\0efter", 10);
  doc.body = "krop";
  const StoredDocument back = StoredDocument::from_data(doc.to_data());
  EXPECT_EQ(back.title, doc.title);
  EXPECT_EQ(back.body, "krop");
}

TEST(StoredDocumentTest, DataInAnotherFormIsAnError) {
  EXPECT_THROW((void)StoredDocument::from_data("{\"id\": 1}"), Error);
  EXPECT_THROW((void)StoredDocument::from_data(std::string("ikke json\0krop", 14)), Error);
}

}  // namespace
}  // namespace opslag
