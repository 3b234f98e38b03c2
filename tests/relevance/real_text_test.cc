// Tests each class of search failure that issue 14 saw on real documents, on real text: the
// documents of ../shared/corpus/danish-bench.jsonl.gz that hold the words a test is about,
// indexed for that test alone (a few hundred at most, so each test stays quick).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/index_updater.h"
#include "indexer/readers/jsonl_reader.h"
#include "server/engine/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_request.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

/// `text` with its ASCII letters in lower case (enough to look for the words of the tests).
std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool holds(const std::string& text, std::string_view word) {
  return text.find(word) != std::string::npos;
}

class RealTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::shared_dir().empty())
      GTEST_SKIP() << "../shared is not beside the checkout: no real documents to search";
  }

  /// Indexes the documents of danish-bench whose JSON line holds any of `words` (lower case);
  /// texts_ then maps each one's id to its line in lower case.
  void index_documents_holding(std::initializer_list<std::string_view> words) {
    const fs::path jsonl = data_.path() / "documents.jsonl";
    {
      std::ofstream out(jsonl);
      JsonlReader reader(testing::shared_dir() / "corpus" / "danish-bench.jsonl.gz");
      for (std::string line; reader.next(line);) {
        const std::string text = lower(line);
        if (std::none_of(words.begin(), words.end(),
                         [&](std::string_view w) { return holds(text, w); }))
          continue;
        texts_[document_from_json(line, analyzer_).id] = text;
        out << line << '\n';
      }
    }
    ASSERT_FALSE(texts_.empty());
    std::ostringstream errors;
    IndexUpdater(testing::project_schema(), analyzer_, db(), errors).run(IndexInputs{{}, {jsonl}});
  }

  [[nodiscard]] SearchResult search(const std::string& query, int size = 10) const {
    return Searcher(testing::project_schema(), analyzer_, db().string())
        .search(testing::request(query, 1, size));
  }

  [[nodiscard]] std::vector<std::string> ids(const std::string& query, int size = 10) const {
    std::vector<std::string> out;
    for (const Hit& hit : search(query, size).hits) out.push_back(hit.doc.id);
    return out;
  }

  /// The ids of every document `query` finds, best first, page by page.
  [[nodiscard]] std::vector<std::string> all_ids(const std::string& query) const {
    std::vector<std::string> out;
    const Searcher searcher(testing::project_schema(), analyzer_, db().string());
    for (int page = 1;; ++page) {
      const SearchResult result = searcher.search(testing::request(query, page, 100));
      for (const Hit& hit : result.hits) out.push_back(hit.doc.id);
      if (result.hits.size() < 100) return out;
    }
  }

  /// The ids of the indexed documents whose text holds `word` and none of `without`.
  [[nodiscard]] std::vector<std::string> holding(
      std::string_view word, std::initializer_list<std::string_view> without = {}) const {
    std::vector<std::string> out;
    for (const auto& document : texts_) {
      const std::string& text = document.second;
      if (holds(text, word) &&
          std::none_of(without.begin(), without.end(), [&](auto w) { return holds(text, w); }))
        out.push_back(document.first);
    }
    return out;
  }

  /// What `result` says `from` was widened to, of any kind.
  [[nodiscard]] static std::vector<std::string> widened(const SearchResult& result,
                                                        const std::string& from) {
    std::vector<std::string> out;
    for (const Expansion& e : result.expansions)
      if (e.from == from) out.push_back(e.to);
    return out;
  }

  [[nodiscard]] fs::path db() const { return data_.path() / "db"; }

  DanishAnalyzer analyzer_{testing::project_schema()};
  testing::TempDir data_;
  std::map<std::string, std::string> texts_;
};

TEST_F(RealTextTest, ACompoundTheDictionaryCannotSplitIsFoundByItsPartsAndIsNoMisspelling) {
  // The documents say "fuldmagtsordning", "data om affald", "logning af sikkerhedshændelser".
  index_documents_holding({"fuldmagt", "affald", "logning"});
  for (const char* word : {"fuldmagtsordningen", "affaldsdata", "sikkerhedslogning"}) {
    const SearchResult result = search(word);
    EXPECT_GT(result.total, 0u) << word;
    EXPECT_EQ(result.suggestion, "") << word;
    EXPECT_TRUE(std::any_of(result.expansions.begin(), result.expansions.end(),
                            [](const Expansion& e) { return e.kind == "parts"; }))
        << word;
  }
}

TEST_F(RealTextTest, ADomainWordTheDictionaryLetsBeginNoCompoundFindsTheCompoundsItBegins) {
  // hunspell-da knows "kviklån", "forbrugslån" and "fodlænke" but marks none of them as a
  // compound's first part, so "kviklånsloven" was no compound and a search for "kviklån"
  // missed the speeches that only say "kviklånsloven" (compound-parts-da.txt, begin:).
  index_documents_holding({"kviklån", "forbrugslån", "fodlænke"});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"kviklån", "kviklånslov"},
      {"forbrugslån", "forbrugslånsvirksomhed"},
      {"fodlænke", "fodlænkeordning"}};
  for (const auto& [word, compound] : cases) {
    const std::vector<std::string> only_compound =
        holding(compound, {word + " ", word + ".", word + ","});
    ASSERT_FALSE(only_compound.empty()) << compound;
    const std::vector<std::string> found = all_ids(word);
    for (const std::string& id : only_compound)
      EXPECT_NE(std::find(found.begin(), found.end(), id), found.end())
          << word << " does not find " << id << ", which says " << compound;
  }
}

TEST_F(RealTextTest, AnInflectedHyphenatedWordFindsWhatItsBaseFormFinds) {
  // "cpr-registret" once found nothing where "cpr-register" found the CPR articles; its
  // "registret" also shared a stem with the verb "registrere".
  index_documents_holding({"cpr"});
  const std::vector<std::string> base = ids("cpr-register");
  ASSERT_FALSE(base.empty());
  const std::vector<std::string> inflected = ids("cpr-registret", 5);
  EXPECT_NE(std::find(inflected.begin(), inflected.end(), base[0]), inflected.end())
      << base[0] << " is not among the first five for cpr-registret";
}

TEST_F(RealTextTest, AHyphenatedWordFindsItsHeadWhereTheOtherWordIsMisread) {
  // The strategy's page on a digital assistant for citizens says "Al-baseret" (an OCR error
  // for "AI-baseret"); "assistent" carries the meaning of "ai-assistent", and speeches that
  // only say "til borgerne" do not come before it.
  index_documents_holding({"assistent", "borgerne", "digitalisering"});
  const std::vector<std::string> page = holding("digital assistent");
  ASSERT_EQ(page.size(), 1u);
  const std::vector<std::string> found = ids("ai-assistent til borgerne", 3);
  EXPECT_NE(std::find(found.begin(), found.end(), page[0]), found.end())
      << page[0] << " is not among the first three";
}

TEST_F(RealTextTest, AnIrregularPluralFindsWhatItsSingularFinds) {
  index_documents_holding({"tegneb"});
  std::vector<std::string> plural = ids("tegnebøger", 50), singular = ids("tegnebog", 50);
  std::sort(plural.begin(), plural.end());
  std::sort(singular.begin(), singular.end());
  ASSERT_FALSE(singular.empty());
  EXPECT_EQ(plural, singular);
}

TEST_F(RealTextTest, AFormSnowballStemsApartFindsWhatItsWordFinds) {
  // Snowball stems "kommissorium" whole and "kommissoriet" as "kommissori": the speeches say
  // one or the other (danish-bench: 50 only the first, 54 only the second), and each found
  // only its own. The dictionary makes both from "kommissorium". Likewise "sårbart" (neuter).
  index_documents_holding({"kommissori", "sårbar"});
  for (const auto& [word, form] : std::vector<std::pair<std::string, std::string>>{
           {"kommissorium", "kommissoriet"}, {"sårbar", "sårbart"}}) {
    std::vector<std::string> by_word = all_ids(word), by_form = all_ids(form);
    std::sort(by_word.begin(), by_word.end());
    std::sort(by_form.begin(), by_form.end());
    ASSERT_FALSE(by_word.empty()) << word;
    EXPECT_EQ(by_word, by_form) << word << " and " << form << " find different documents";
    for (const std::string& id : holding(" " + form + " ", {" " + word + " "}))
      EXPECT_NE(std::count(by_word.begin(), by_word.end(), id), 0)
          << word << " does not find " << id << ", which says " << form;
  }
}

TEST_F(RealTextTest, AWordWidensOnlyToCompoundsItIsAPartOf) {
  // "kunstig" is no part of "kunstfond" (Snowball stems both "kunst"); "delegere" is no
  // "dele" + "gere", and "borgerliges" no "borger" + "lig".
  index_documents_holding({"kunst", "deleg", "borgerlig", "statsborger"});
  const auto widened_from = [&](const std::string& word) { return widened(search(word), word); };
  const std::vector<std::string> from_kunstig = widened_from("kunstig");
  for (const char* compound : {"kunstfond", "kunststøtte", "scenekunst", "billedkunst"})
    EXPECT_EQ(std::count(from_kunstig.begin(), from_kunstig.end(), compound), 0) << compound;
  for (const std::string& to : widened_from("deler")) EXPECT_FALSE(to.starts_with("deleg")) << to;
  const std::vector<std::string> from_borgerne = widened_from("borgerne");
  EXPECT_EQ(std::count(from_borgerne.begin(), from_borgerne.end(), "borgerliges"), 0);
  EXPECT_NE(std::count(from_borgerne.begin(), from_borgerne.end(), "statsborgere"), 0)
      << "a compound whose head is the word is still reached";
  // And "kunstig" finds what says "kunstig", not what says "kunst" alone.
  const std::vector<std::string> art = holding("kunst", {"kunstig"});
  ASSERT_FALSE(art.empty());
  for (const std::string& id : all_ids("kunstig"))
    EXPECT_EQ(std::count(art.begin(), art.end(), id), 0) << id << " says only kunst";
}

TEST_F(RealTextTest, TheChairsProceduralLinesDoNotOutrankTheSpeechesUnderTheSameTitle) {
  // Every speech of the NemLog-in debate carries the bill's title; the chair's lines ("Den
  // fg. formand", "Formanden") say little else.
  index_documents_holding({"nemlog"});
  const SearchResult result = search("nemlogin", 5);
  ASSERT_EQ(result.hits.size(), 5u);
  for (const Hit& hit : result.hits) {
    const std::string title = lower(hit.doc.title);
    EXPECT_FALSE(title.starts_with("den fg. formand") || title.starts_with("formanden") ||
                 holds(title, "formand ("))
        << hit.doc.title;
  }
}

TEST_F(RealTextTest, KildeFindsAPublisherByOneOfItsWordsAndTheFacetKeepsItsName) {
  // The 2026-2029 strategy is published by "Digitaliseringsministeriet, KL og Danske
  // Regioner", which `kilde:KL` once missed for not being exactly "KL".
  index_documents_holding({"danske regioner"});
  const SearchResult result = search("kilde:KL digitalisering");
  ASSERT_FALSE(result.hits.empty());
  for (const Hit& hit : result.hits) EXPECT_TRUE(holds(hit.doc.source, "KL")) << hit.doc.source;
  EXPECT_TRUE(std::any_of(result.sources.begin(), result.sources.end(), [](const FacetCount& f) {
    return f.value == "Digitaliseringsministeriet, KL og Danske Regioner";
  }));
  EXPECT_EQ(search("kilde:\"KL\" digitalisering").total, 0u) << "quoted: the whole value";
}

TEST_F(RealTextTest, TheDomainsAbbreviationsFindTheirWordsWrittenOut) {
  index_documents_holding({"smv", "mellemstore virksomheder", "digst", "digitaliseringsstyrelsen",
                           "cpr-nummer", "meteorologiske institut"});
  const auto found_among = [&](const std::string& query, const std::vector<std::string>& want) {
    const std::vector<std::string> found = all_ids(query);
    return std::any_of(want.begin(), want.end(), [&](const std::string& id) {
      return std::find(found.begin(), found.end(), id) != found.end();
    });
  };
  const std::vector<std::string> spelled_out = holding("mellemstore virksomheder", {"smv"});
  ASSERT_FALSE(spelled_out.empty());
  EXPECT_TRUE(found_among("smv'er", spelled_out));
  const std::vector<std::string> agency = holding("digitaliseringsstyrelsen", {"digst"});
  ASSERT_FALSE(agency.empty());
  EXPECT_TRUE(found_among("digst", agency));
  const std::vector<std::string> number = holding("cpr-nummer", {"cpr-nr"});
  ASSERT_FALSE(number.empty());
  EXPECT_TRUE(found_among("cpr-nr", number));
  const std::vector<std::string> institute = holding("danmarks meteorologiske institut", {"dmi"});
  ASSERT_FALSE(institute.empty());
  EXPECT_TRUE(found_among("dmi", institute));
}

TEST_F(RealTextTest, ASlipOfOneLetterFindsWhatTheArchiveSpells) {
  // "inteligens" is in no document and no dictionary; Snowball stems it "int", the part of
  // "intetsigende", so it found speeches saying that and offered no "Mente du".
  index_documents_holding({"intelligens", "giftlinjen", "intetsigende"});
  for (const auto& [typed, spelled] : std::vector<std::pair<std::string, std::string>>{
           {"inteligens", "intelligens"}, {"giftlinien", "giftlinjen"}}) {
    const SearchResult result = search(typed);
    ASSERT_FALSE(result.hits.empty()) << typed;
    for (const Hit& hit : result.hits) EXPECT_TRUE(holds(texts_.at(hit.doc.id), spelled)) << typed;
    EXPECT_EQ(widened(result, typed), std::vector<std::string>{spelled});
  }
}

TEST_F(RealTextTest, AQueryOfSeveralWordsDoesNotCountDocumentsThatShareOneWordWithIt) {
  // Speeches say "en opskrift på ..." of politics; a cake recipe query must not count them.
  index_documents_holding({"opskrift", "æblekage", "kanel"});
  // ("kage" counts: the query also finds "æblekage" by its parts.)
  const std::vector<std::string> one_word = holding("opskrift", {"æble", "kage", "kanel"});
  ASSERT_FALSE(one_word.empty());
  const std::vector<std::string> found = all_ids("opskrift på æblekage med kanel");
  for (const std::string& id : found)
    EXPECT_EQ(std::count(one_word.begin(), one_word.end(), id), 0) << id;
  EXPECT_LT(found.size(), one_word.size());
}

}  // namespace
}  // namespace opslag
