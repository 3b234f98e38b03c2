// Tests searching: ranking, phrases, stemming, paging, documents, new revisions.
#include "server/engine/searcher.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "schema/errors.h"
#include "tests/support/test_request.h"
#include "tests/support/tiny_index.h"

namespace opslag {
namespace {

using testing::request;

class SearcherTest : public ::testing::Test {
 protected:
  std::vector<std::string> ids(const std::string& query, int size = 10) const {
    std::vector<std::string> out;
    for (const Hit& hit : searcher_.search(request(query, 1, size)).hits) out.push_back(hit.doc.id);
    return out;
  }
  testing::TinyIndex index_;
  Searcher searcher_{testing::project_schema(), index_.analyzer(), index_.db_path()};
};

TEST_F(SearcherTest, RanksTheNemIdDocumentFirstWithNemIdMarkedInItsSnippet) {
  const SearchResult result = searcher_.search(request("NemID", 1, 10));
  ASSERT_FALSE(result.hits.empty());
  EXPECT_EQ(result.hits[0].doc.id, "nemid.txt");
  EXPECT_NE(result.hits[0].snippet.with_marks("[", "]").find("[NemID]"), std::string::npos)
      << result.hits[0].snippet.text;
}

TEST_F(SearcherTest, TheSnippetShowsWhereTheRareWordOfTheQueryStandsNotACommonOne) {
  // "borgerne" is in most of the archive, "reserveløsning" in this document alone: of its two
  // passages, the snippet shows the one that says why it matched this query.
  const std::string filler =
      " Teksten fortsætter her med andre forhold, som ikke har noget med sagen at gøre, og som "
      "fylder en hel del, før den næste del af beskrivelsen kommer. ";
  index_.write("reserve.txt", "Om driften\n\nBorgerne og borgernes ønsker kommer først hver dag." +
                                  filler + filler + filler +
                                  "Der skal altid være en reserveløsning på papir." + filler);
  index_.reindex();
  const SearchResult result = searcher_.search(request("reserveløsning borgerne", 1, 10));
  ASSERT_FALSE(result.hits.empty());
  EXPECT_EQ(result.hits[0].doc.id, "reserve.txt");
  EXPECT_NE(result.hits[0].snippet.with_marks("[", "]").find("[reserveløsning]"), std::string::npos)
      << result.hits[0].snippet.text;
}

TEST_F(SearcherTest, OneCommonWordOfAQuestionAboutSomethingElseFindsNothing) {
  // "digitale" is in the archive; a recipe is not. Before coordination every digital
  // document came back.
  EXPECT_TRUE(ids("digitale opskrift æblekage").empty());
  EXPECT_FALSE(ids("digitale").empty());
}

TEST_F(SearcherTest, TwoOfThreeWordsAreEnoughAndAllThreeRankFirst) {
  const std::vector<std::string> found = ids("digitale borgere selvbetjening");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front(), "digitale-borgere.txt");  // all three
  const auto has = [&](const char* id) {
    return std::find(found.begin(), found.end(), id) != found.end();
  };
  EXPECT_TRUE(has("nemid.txt"));           // "digitale" and "borgerne"
  EXPECT_FALSE(has("selvbetjening.txt"));  // "selvbetjening" alone
}

TEST_F(SearcherTest, FindsNemIdWhateverItsCase) {
  for (const char* q : {"nemid", "NEMID", "NemId"}) EXPECT_EQ(ids(q).at(0), "nemid.txt") << q;
}

TEST_F(SearcherTest, PhraseMatchesRankAboveDocumentsWithOnlyOneOfTheWords) {
  const auto found = ids("Digital Post");
  ASSERT_GE(found.size(), 3u);
  EXPECT_EQ(found[0], "digital-post.txt");
  EXPECT_NE(std::find(found.begin(), found.end(), "digitale-borgere.txt"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "postkasse.txt"), found.end());
}

TEST_F(SearcherTest, AQuotedPhraseMatchesOnlyThePhrase) {
  EXPECT_EQ(ids("\"Digital Post\""), std::vector<std::string>{"digital-post.txt"});
}

TEST_F(SearcherTest, StrategierneFindsTheDocumentThatSaysStrategi) {
  EXPECT_EQ(ids("strategierne").at(0), "strategi.txt");
}

TEST_F(SearcherTest, TitleMatchesRankAboveBodyMatches) {
  const auto found = ids("selvbetjening");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "selvbetjening.txt");
  EXPECT_EQ(found[1], "digitale-borgere.txt");
}

TEST_F(SearcherTest, FindsAPeriodWrittenWithAHyphen) {
  EXPECT_EQ(ids("2016-2020"), std::vector<std::string>{"strategi.txt"});
}

TEST_F(SearcherTest, PagesThroughTheRanking) {
  const SearchResult all = searcher_.search(request("digital post", 1, 10));
  const SearchResult second = searcher_.search(request("digital post", 2, 1));
  ASSERT_GE(all.hits.size(), 2u);
  ASSERT_EQ(second.hits.size(), 1u);
  EXPECT_EQ(second.hits[0].doc.id, all.hits[1].doc.id);
  EXPECT_EQ(second.total, all.total);
}

TEST_F(SearcherTest, APageBeyondTheLastHitIsEmpty) {
  const SearchResult result = searcher_.search(request("NemID", 50, 10));
  EXPECT_TRUE(result.hits.empty());
  EXPECT_EQ(result.total, 1u);
}

TEST_F(SearcherTest, HitsCarryMetadataButNotTheBody) {
  const Hit hit = searcher_.search(request("NemID", 1, 1)).hits.at(0);
  EXPECT_EQ(hit.doc.title, "NemID lanceres");
  EXPECT_EQ(hit.doc.date, "2010-07-01");
  EXPECT_EQ(hit.doc.source, "IT- og Telestyrelsen");
  EXPECT_EQ(hit.doc.type, "pressemeddelelse");
  EXPECT_TRUE(hit.doc.body.empty());
  EXPECT_GT(hit.score, 0);
}

TEST_F(SearcherTest, FiltersBySource) {
  SearchRequest r = request("digital post");
  r.sources = {"KL"};
  const SearchResult result = searcher_.search(r);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].doc.id, "postkasse.txt");
}

TEST_F(SearcherTest, SourceFilterIgnoresCaseAndAcceptsAnyOfSeveral) {
  SearchRequest r = request("digital post");
  r.sources = {"kl", "DANSKE REGIONER"};
  EXPECT_EQ(searcher_.search(r).hits.size(), 2u);
}

TEST_F(SearcherTest, FiltersByType) {
  SearchRequest r = request("digital post");
  r.types = {"nyhed"};
  for (const Hit& hit : searcher_.search(r).hits) EXPECT_EQ(hit.doc.type, "nyhed") << hit.doc.id;
  EXPECT_EQ(searcher_.search(r).total, 2u);
}

TEST_F(SearcherTest, FiltersByDateRange) {
  SearchRequest r = request("digital post");
  r.from = "20130101";
  r.to = "20141231";
  const SearchResult result = searcher_.search(r);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].doc.id, "digital-post.txt");
}

TEST_F(SearcherTest, SortsByDateEitherWay) {
  SearchRequest r = request("digital post");
  r.sort = SortOrder::kDateAscending;
  const auto oldest_first = searcher_.search(r).hits;
  ASSERT_GE(oldest_first.size(), 3u);
  for (std::size_t i = 1; i < oldest_first.size(); ++i)
    EXPECT_LE(oldest_first[i - 1].doc.date, oldest_first[i].doc.date);
  r.sort = SortOrder::kDateDescending;
  const auto newest_first = searcher_.search(r).hits;
  for (std::size_t i = 1; i < newest_first.size(); ++i)
    EXPECT_GE(newest_first[i - 1].doc.date, newest_first[i].doc.date);
}

TEST_F(SearcherTest, CountsFacetsOverAllMatchesNotJustThePage) {
  const SearchResult result = searcher_.search(request("digital post", 1, 1));
  EXPECT_EQ(result.hits.size(), 1u);
  Xapian::doccount sources = 0, years = 0, types = 0;
  for (const FacetCount& f : result.sources) sources += f.count;
  for (const FacetCount& f : result.years) years += f.count;
  for (const FacetCount& f : result.types) types += f.count;
  EXPECT_EQ(sources, result.total);
  EXPECT_EQ(years, result.total);
  EXPECT_EQ(types, result.total);
}

TEST_F(SearcherTest, FacetsFollowANewRevision) {
  // Guards the facet columns kept between searches: they are of one revision only.
  const auto kl_count = [this] {
    for (const FacetCount& f : searcher_.search(request("borgerne")).sources)
      if (f.value == "KL") return f.count;
    return Xapian::doccount{0};
  };
  const Xapian::doccount before = kl_count();
  index_.write("kl-borgere.txt",
               "Borgerne og kommunen\n\n01-02-2021 Nyhed\n\nBorgerne skriver til kommunen."
               "\n\nKilde: KL\n");
  index_.reindex();
  EXPECT_EQ(kl_count(), before + 1);
}

TEST_F(SearcherTest, OrdersFacetsByCountAndYearsNewestFirst) {
  const SearchResult result = searcher_.search(request("digital post borgere strategi"));
  ASSERT_FALSE(result.sources.empty());
  EXPECT_EQ(result.sources[0].value, "Digitaliseringsstyrelsen");
  for (std::size_t i = 1; i < result.sources.size(); ++i)
    EXPECT_GE(result.sources[i - 1].count, result.sources[i].count);
  for (std::size_t i = 1; i < result.years.size(); ++i)
    EXPECT_GT(result.years[i - 1].value, result.years[i].value);
}

TEST_F(SearcherTest, TitelFieldSearchesOnlyTitles) {
  EXPECT_EQ(ids("titel:obligatorisk"), std::vector<std::string>{"digital-post.txt"});
  EXPECT_TRUE(ids("titel:breve").empty());  // only in bodies
}

TEST_F(SearcherTest, KildeFieldFiltersByPublisher) {
  EXPECT_EQ(ids("digital post kilde:KL"), std::vector<std::string>{"postkasse.txt"});
}

TEST_F(SearcherTest, AFilterAloneListsEveryDocumentItAdmits) {
  EXPECT_EQ(searcher_.search(request("kilde:Digitaliseringsstyrelsen")).total, 3u);
}

TEST_F(SearcherTest, YearAndDateRangesFilter) {
  EXPECT_EQ(ids("digital post år:2014"), std::vector<std::string>{"digital-post.txt"});
  EXPECT_EQ(ids("digital post år:2015..2016").size(), 1u);
  EXPECT_EQ(ids("NemID dato:2010-07-01"), std::vector<std::string>{"nemid.txt"});
  EXPECT_TRUE(ids("NemID dato:2011..2012").empty());
}

TEST_F(SearcherTest, NearFindsWordsCloseTogether) {
  EXPECT_EQ(ids("breve NEAR/3 offentlige"), std::vector<std::string>{"digital-post.txt"});
  EXPECT_TRUE(ids("breve NEAR/1 posten").empty());
}

TEST_F(SearcherTest, WildcardFindsEveryWordWithThePrefixAndMarksIt) {
  const SearchResult result = searcher_.search(request("selvbetj*"));
  ASSERT_EQ(result.total, 2u);  // one in its title, one in its body
  const auto body_hit = std::find_if(result.hits.begin(), result.hits.end(), [](const Hit& h) {
    return h.doc.id == "digitale-borgere.txt";
  });
  ASSERT_NE(body_hit, result.hits.end());
  EXPECT_NE(body_hit->snippet.with_marks("[", "]").find("[selvbetjening]"), std::string::npos)
      << body_hit->snippet.text;
}

TEST_F(SearcherTest, FindsDocumentsSimilarToOneLeavingItOut) {
  index_.write("mitid.txt",
               "MitID afløser NemID\n\n18-10-2021 Nyhed\n\nMitID afløser NemID, som "
               "borgerne logger på med hos bank og det offentlige.\n");
  index_.reindex();
  const auto hits = searcher_.similar("nemid.txt", 3);
  ASSERT_TRUE(hits);
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->at(0).doc.id, "mitid.txt");
  for (const Hit& hit : *hits) EXPECT_NE(hit.doc.id, "nemid.txt");
  EXPECT_FALSE(searcher_.similar("findes-ikke.txt", 3));
}

TEST_F(SearcherTest, SuggestsTheNearestKnownWordForAMisspelling) {
  // Five letters: "nemdi" may be a word of its own; it is suggested, not searched for.
  const SearchResult result = searcher_.search(request("nemdi"));
  EXPECT_EQ(result.total, 0u);
  EXPECT_EQ(result.suggestion, "nemid");
}

TEST_F(SearcherTest, MendsOnlyTheUnknownWordsOfTheQueryAsTyped) {
  // "obligtorsk" is two letters off: searched as typed, and mended in the suggestion.
  EXPECT_EQ(searcher_.search(request("\"Digital Post\" OG obligtorsk")).suggestion,
            "\"Digital Post\" OG obligatorisk");
}

TEST_F(SearcherTest, ANameIsNoPartOfTheCompoundsOfAWordWithItsStem) {
  // Snowball stems the name "Pelle" and "pels" (fur) alike, "pel"; the name finds no furs.
  index_.write("pelsfarme.txt",
               "Pelsfarmene lukker\n\n01-01-2021\n\nSkærpels og pelsfarme forsvinder.\n");
  index_.write("pelle.txt", "Pelle spørger ministeren\n\n02-02-2023\n\nPelle vil vide mere.\n");
  index_.reindex();
  const SearchResult result = searcher_.search(request("pelle"));
  ASSERT_EQ(result.total, 1u);
  EXPECT_EQ(result.hits[0].doc.id, "pelle.txt");
  for (const Expansion& expansion : result.expansions)
    EXPECT_NE(expansion.kind, "compound") << expansion.to;
}

TEST_F(SearcherTest, AWordOneLetterOffTheArchivesIsSearchedAsTheArchiveSpellsIt) {
  // "obligatorsk" is in no document and no dictionary; "obligatorisk" is one letter away.
  const SearchResult result = searcher_.search(request("obligatorsk"));
  ASSERT_FALSE(result.hits.empty());
  EXPECT_EQ(result.hits[0].doc.id, "digital-post.txt");
  const auto respelled = std::find_if(
      result.expansions.begin(), result.expansions.end(),
      [](const Expansion& e) { return e.kind == "respelled" && e.from == "obligatorsk"; });
  ASSERT_NE(respelled, result.expansions.end());
  EXPECT_EQ(respelled->to, "obligatorisk");
  EXPECT_EQ(result.suggestion, "");  // the search already made is no suggestion
  // The snippet marks the word the archive spells.
  const SearchResult body = searcher_.search(request("modtagr"));
  ASSERT_FALSE(body.hits.empty());
  EXPECT_NE(body.hits[0].snippet.with_marks("[", "]").find("[modtager]"), std::string::npos)
      << body.hits[0].snippet.text;
}

TEST_F(SearcherTest, SuggestsForAShortSlipWithAnAaSpelling) {
  // "nemåd" is widened to its aa spelling "nemaad" (a "spelling" expansion); the slip is
  // still mended.
  EXPECT_EQ(searcher_.search(request("nemåd")).suggestion, "nemid");
}

TEST_F(SearcherTest, SuggestsNothingForKnownWordsOrNumbers) {
  EXPECT_EQ(searcher_.search(request("NemID")).suggestion, "");
  EXPECT_EQ(searcher_.search(request("2011")).suggestion, "");  // 2010 is known: never fuzzy
}

TEST_F(SearcherTest, SuggestsNothingForADanishWordTheArchiveLacks) {
  // "netto" is two edits from the archive's "nettet", but a word of its own: no misspelling.
  EXPECT_EQ(searcher_.search(request("netto")).suggestion, "");
  EXPECT_EQ(searcher_.search(request("nettoo")).suggestion, "nettet");  // this one is
  EXPECT_EQ(searcher_.search(request("skolesikkerhedsplanerne")).suggestion, "");
}

TEST_F(SearcherTest, SuggestsNothingForAWordTheSynonymsKnow) {
  // "digst" is in no document, "dit" is one edit away, and the synonym finds the agency.
  index_.write("dit.txt",
               "Dit digitale liv\n\n01-01-2020\n\nDigitaliseringsstyrelsen hjælper dit liv.\n");
  index_.reindex();
  const SearchResult result = searcher_.search(request("digst"));
  EXPECT_GT(result.total, 0u);
  EXPECT_EQ(result.suggestion, "");
}

TEST_F(SearcherTest, NoLongerSuggestsWordsOfDeletedDocuments) {
  index_.write("nemid.txt", "Et andet emne helt\n\n01-07-2010\n\nIntet om log-in.\n");
  index_.reindex();
  EXPECT_EQ(searcher_.search(request("nemdi")).suggestion, "");
}

TEST_F(SearcherTest, AnAcronymFindsDocumentsThatSpellItOut) {
  index_.write("kl.txt", "Kommunernes Landsforening mødes\n\n01-01-2020\n\nBestyrelsen mødes.\n");
  index_.reindex();
  const SearchResult result = searcher_.search(request("KL"));
  std::vector<std::string> found;
  for (const Hit& hit : result.hits) found.push_back(hit.doc.id);
  EXPECT_NE(std::find(found.begin(), found.end(), "kl.txt"), found.end());
  ASSERT_FALSE(result.expansions.empty());
  EXPECT_EQ(result.expansions[0].to, "kommunernes landsforening");
}

TEST_F(SearcherTest, AarhusFindsAarhusWithARingAndListsOnlySpellingsThatOccur) {
  index_.write("aarhus.txt", "Århus Kommune går digitalt\n\n01-01-2012\n\nByen satser.\n");
  index_.reindex();
  const SearchResult found = searcher_.search(request("Aarhus"));
  ASSERT_EQ(found.total, 1u);
  ASSERT_EQ(found.expansions.size(), 1u);
  EXPECT_EQ(found.expansions[0].to, "århus");
  for (const Expansion& expansion : searcher_.search(request("dataansvarlig")).expansions) {
    EXPECT_NE(expansion.kind, "spelling") << expansion.to;
  }
}

TEST_F(SearcherTest, ListsTheWordsAWildcardStoodFor) {
  const SearchResult result = searcher_.search(request("selvbetj*"));
  ASSERT_EQ(result.expansions.size(), 1u);
  EXPECT_EQ(result.expansions[0].kind, "wildcard");
  EXPECT_EQ(result.expansions[0].from, "selvbetj*");
  EXPECT_EQ(result.expansions[0].to, "selvbetjening");
}

TEST_F(SearcherTest, MyndighedFindsMyndighederneButBorgFindsNoCitizens) {
  index_.write("myndigheder.txt", "Myndighederne samarbejder\n\n01-01-2015\n\nDe deler data.\n");
  index_.reindex();
  EXPECT_EQ(ids("myndighed"), std::vector<std::string>{"myndigheder.txt"});
  EXPECT_TRUE(ids("borg").empty());  // the corpus speaks of borgerne, never of a castle
}

TEST_F(SearcherTest, ReturnsADocumentWithItsText) {
  const auto doc = searcher_.document("nemid.txt");
  ASSERT_TRUE(doc);
  EXPECT_NE(doc->body.find("digitale signatur"), std::string::npos);
  EXPECT_FALSE(searcher_.document("findes-ikke.txt"));
}

TEST_F(SearcherTest, ReportsDocumentsAndRevision) {
  const IndexStatus status = searcher_.status();
  EXPECT_EQ(status.documents, static_cast<Xapian::doccount>(testing::TinyIndex::kDocuments));
  EXPECT_GT(status.revision, 0u);
}

TEST_F(SearcherTest, SeesANewRevisionWithoutBeingRecreated) {
  EXPECT_TRUE(ids("MitID").empty());
  index_.write("mitid.txt", "MitID afløser NemID\n\n18-10-2021 Nyhed\n\nMitID kommer nu.\n");
  index_.reindex();
  EXPECT_EQ(ids("MitID"), std::vector<std::string>{"mitid.txt"});
}

TEST_F(SearcherTest, RefusesADatabaseOfAnotherSchemaVersion) {
  {
    Xapian::WritableDatabase db(index_.db_path());
    db.set_metadata("opslag.schema_version", "99");
    db.commit();
  }
  EXPECT_THROW(Searcher(testing::project_schema(), index_.analyzer(), index_.db_path()),
               IndexMismatch);
}

TEST_F(SearcherTest, AMissingDatabaseIsAClearError) {
  try {
    Searcher(testing::project_schema(), index_.analyzer(), index_.db_path() + "-findes-ikke");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("opslag-index"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace opslag

namespace opslag {
namespace {

/// 300 documents, half saying "borger" and half "selvbetjening", for the counting limit.
class CountingTest : public ::testing::Test {
 protected:
  CountingTest() {
    for (int i = 0; i < 300; ++i)
      corpus_.write("doc" + std::to_string(i) + ".txt",
                    "Notat " + std::to_string(i) + "\n\n0" + std::to_string(1 + i % 3) +
                        "-01-2016\n\nNotat om " + (i % 2 ? "borger" : "selvbetjening") + ".\n");
    std::ostringstream errors;
    IndexUpdater(testing::project_schema(), analyzer_, db_.path() / "db", errors)
        .run({corpus_.path()});
  }
  Searcher searcher(unsigned exact_matches) const {
    Limits limits;
    limits.exact_matches = exact_matches;
    return Searcher(testing::project_schema(), analyzer_,
                    std::vector<std::string>{(db_.path() / "db").string()}, {}, limits);
  }
  DanishAnalyzer analyzer_{testing::project_schema()};
  testing::TempDir corpus_, db_;
};

TEST_F(CountingTest, UpToTheLimitTheTotalAndFacetsAreExact) {
  const SearchResult r = searcher(1000).search(testing::request("borger selvbetjening", 1, 5));
  EXPECT_FALSE(r.estimated);
  EXPECT_EQ(r.total, 300u);
  ASSERT_EQ(r.years.size(), 1u);
  EXPECT_EQ(r.years[0].count, 300u);
}

TEST_F(CountingTest, BeyondTheLimitTheyAreEstimatedAndSaySo) {
  const SearchResult r = searcher(10).search(testing::request("borger selvbetjening", 1, 5));
  EXPECT_TRUE(r.estimated);
  EXPECT_EQ(r.hits.size(), 5u);
  ASSERT_EQ(r.years.size(), 1u);
  // Scaled from the matches counted to the estimated total.
  EXPECT_NEAR(static_cast<double>(r.years[0].count), static_cast<double>(r.total), 2.0);
}

}  // namespace
}  // namespace opslag

namespace opslag {
namespace {

/// Three strategies: an older one that says "strategi" and "2016" often (and names Statens IT and
/// Digitaliseringsstyrelsen), the one of 2016 from KL and one of 2015 from
/// "Digitaliseringsstyrelsen / Statens IT", which say them once.
class FieldBoostTest : public ::testing::Test {
 protected:
  FieldBoostTest() {
    corpus_.write(
        "gammel.txt",
        "Strategi for strategi frem mod 2016\n\n01-02-2011\n\nStrategi, strategi og "
        "strategi: planen gælder til 2016, og i 2016 kommer en ny strategi fra Statens IT og "
        "Digitaliseringsstyrelsen.\n\n"
        "Kilde: Regeringen\n");
    corpus_.write("ny.txt", "Ny plan\n\n12-05-2016\n\nEn strategi for de næste år.\n\nKilde: KL\n");
    corpus_.write("fælles.txt",
                  "Fælles plan\n\n01-03-2015\n\nEn strategi for alle.\n\n"
                  "Kilde: Digitaliseringsstyrelsen / Statens IT\n");
    std::ostringstream errors;
    IndexUpdater(testing::project_schema(), analyzer_, db_.path() / "db", errors)
        .run({corpus_.path()});
  }
  std::string first(const std::string& query) const {
    const Searcher searcher(testing::project_schema(), analyzer_, (db_.path() / "db").string());
    const SearchResult r = searcher.search(testing::request(query));
    return r.hits.empty() ? "" : r.hits[0].doc.id;
  }
  DanishAnalyzer analyzer_{testing::project_schema()};
  testing::TempDir corpus_, db_;
};

TEST_F(FieldBoostTest, WithoutANameTheDocumentSayingItMostComesFirst) {
  EXPECT_EQ(first("strategi"), "gammel.txt");
}

TEST_F(FieldBoostTest, AYearInTheQueryPutsThatYearsDocumentsFirst) {
  EXPECT_EQ(first("strategi 2016"), "ny.txt");
}

TEST_F(FieldBoostTest, APublisherInTheQueryPutsItsDocumentsFirst) {
  EXPECT_EQ(first("strategi KL"), "ny.txt");
  EXPECT_EQ(first("strategi Kommunernes Landsforening"), "ny.txt");  // KL's synonym
}

TEST_F(FieldBoostTest, AWordOfALongerPublisherNamePutsItsDocumentsFirst) {
  EXPECT_EQ(first("strategi Statens"), "fælles.txt");
  EXPECT_EQ(first("strategi digst"), "fælles.txt");  // Digitaliseringsstyrelsen's synonym
}

}  // namespace
}  // namespace opslag

namespace opslag {
namespace {

/// A wallet note that says "tegnebog" five times and nothing of citizens, one that says
/// "tegnebog" once for citizens, other notes on wallets, and many on citizens alone.
class TwoWordsTest : public ::testing::Test {
 protected:
  TwoWordsTest() {
    corpus_.write("gentager.txt",
                  "Notat\n\nTegnebog, tegnebog, tegnebog: en tegnebog er en tegnebog i appen.\n");
    corpus_.write("begge.txt", "Notat\n\nEn digital tegnebog til borgerne i hele landet.\n");
    for (int i = 0; i < 3; ++i)
      corpus_.write("tegnebog" + std::to_string(i) + ".txt",
                    "Notat\n\nOm tegnebog nummer " + std::to_string(i) + ".\n");
    for (int i = 0; i < 12; ++i)
      corpus_.write("borger" + std::to_string(i) + ".txt",
                    "Notat\n\nBorgerne skal have svar nummer " + std::to_string(i) + ".\n");
    std::ostringstream errors;
    IndexUpdater(testing::project_schema(), analyzer_, db_.path() / "db", errors)
        .run({corpus_.path()});
  }
  std::vector<std::string> ids(const std::string& query) const {
    const Searcher searcher(testing::project_schema(), analyzer_, (db_.path() / "db").string());
    std::vector<std::string> out;
    for (const Hit& hit : searcher.search(testing::request(query)).hits) out.push_back(hit.doc.id);
    return out;
  }
  DanishAnalyzer analyzer_{testing::project_schema()};
  testing::TempDir corpus_, db_;
};

TEST_F(TwoWordsTest, TheDocumentWithBothWordsRanksAboveOneThatRepeatsTheRarerOne) {
  const std::vector<std::string> found = ids("tegnebog borgerne");
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0], "begge.txt");
  // The repeater comes with the other notes on wallets, before every note on citizens alone.
  // (Its title, the repeating line, counts "tegnebog" once: it need not lead them.)
  const auto at = std::find(found.begin(), found.end(), "gentager.txt") - found.begin();
  EXPECT_LE(at, 4) << ::testing::PrintToString(found);
  for (std::size_t i = 1; i <= static_cast<std::size_t>(at) && i < found.size(); ++i)
    EXPECT_TRUE(found[i].starts_with("tegnebog") || found[i] == "gentager.txt") << found[i];
}

TEST_F(TwoWordsTest, EitherWordAloneStillFindsItsDocuments) {
  const Searcher searcher(testing::project_schema(), analyzer_, (db_.path() / "db").string());
  EXPECT_EQ(searcher.search(testing::request("tegnebog borgerne")).total, 17u);
}

}  // namespace
}  // namespace opslag
