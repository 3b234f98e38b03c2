// Indexes a folder mixing every format Opslag reads, the real documents from ../shared and some
// broken files, with opslag-index, and searches it with opslag-search.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/integration/run_command.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;
using testing::bin;
using testing::run;

class MixedFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path shared = testing::shared_dir();
    if (shared.empty()) GTEST_SKIP() << "../shared is not beside the checkout: no real documents";
    for (const auto& entry : fs::directory_iterator(shared / "samples"))
      fs::copy_file(entry.path(), folder_.path() / entry.path().filename());
    for (const char* name : {"strategi-2026-2029.pdf", "govcloud-driftsmodel.pdf",
                             "brugerstyring.html", "govcloud-intro.html", "brugerstyring.docx"})
      fs::copy_file(shared / "real-documents" / name, folder_.path() / name);
    folder_.write("gammel.txt",
                  "Borgerservice i \xc5rhus\n\n3. marts 1999\n\nKommunen \xe5"
                  "bner "
                  "et nyt borgerservicecenter med l\xe6ngere \xe5"
                  "bningstid.\n");
    folder_.write("noter.md", "# Noter om MitID\n\nMitID afløste NemID i 2021.\n");
    folder_.write("tom.txt", "");
    folder_.write("billede.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    folder_.write("ødelagt.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n");
    folder_.write("afkortet.docx", "PK\x03\x04 afkortet");
    index_ = run(bin("opslag-index") + " --db " + db() + " " + folder_.path().string());
  }

  [[nodiscard]] std::string db() const { return (data_.path() / "db").string(); }

  /// The first hit of `query` as JSON.
  nlohmann::json first_hit(const std::string& query) const {
    const auto r = run(bin("opslag-search") + " --json --db " + db() + " '" + query + "'");
    const auto json = nlohmann::json::parse(r.output);
    return json["hits"].empty() ? nlohmann::json() : json["hits"][0];
  }

  testing::TempDir folder_;
  testing::TempDir data_;
  testing::CommandResult index_;
};

TEST_F(MixedFolderTest, NamesEachBrokenFileOnceAndSaysSoInTheExitStatus) {
  EXPECT_EQ(index_.status, 1) << index_.output;
  for (const char* line :
       {"tom.txt: file is empty", "billede.txt: binary file, not text", "ødelagt.pdf: "})
    EXPECT_NE(index_.output.find(line), std::string::npos) << line << "\n" << index_.output;
  EXPECT_NE(index_.output.find("failed 4"), std::string::npos) << index_.output;
}

TEST_F(MixedFolderTest, FindsTextFromEveryFormatWithItsTitle) {
  EXPECT_EQ(first_hit("\"tillid til offentlige digitale løsninger\"")["title"],
            "Den fællesoffentlige digitaliseringsstrategi 2026-2029");
  EXPECT_EQ(first_hit("platformservice")["title"], "Driftsmodel 2: Platformservice");
  EXPECT_EQ(first_hit("referencearkitektur brugerstyring")["title"],
            "Referencearkitektur for brugerstyring 2020");
  EXPECT_EQ(first_hit("borgerservicecenter åbningstid")["title"], "Borgerservice i Århus");
  EXPECT_EQ(first_hit("\"MitID afløste NemID\"")["title"], "Noter om MitID");
  const auto word = first_hit("\"teknisk pejlemærke for udvikling af brugerstyringsløsninger\"");
  EXPECT_EQ(word["title"], "Referencearkitektur for brugerstyring 2020");
  EXPECT_TRUE(word["id"] == "brugerstyring.docx" || word["id"] == "brugerstyring.html") << word;
  EXPECT_EQ(first_hit("\"sætter kursen frem mod 2020\"")["title"],
            "Ny digitaliseringsstrategi sætter kursen frem mod 2020");
}

TEST_F(MixedFolderTest, GivesEachFormatItsPublisher) {
  EXPECT_EQ(first_hit("platformservice")["source"], "Statens It");
  EXPECT_EQ(first_hit("referencearkitektur brugerstyring")["source"], "Digitaliseringsstyrelsen");
}

TEST_F(MixedFolderTest, GivesTheRealSamplesAndOldFilesTheirDates) {
  EXPECT_EQ(first_hit("\"sætter kursen frem mod 2020\"")["date"], "2016-05-12");
  // (brugerstyring.docx says "borgerservicecentre", a form of the word too.)
  EXPECT_EQ(first_hit("borgerservicecenter åbningstid")["date"], "1999-03-03");
  EXPECT_EQ(first_hit("referencearkitektur brugerstyring")["date"], "2019-12-01");
}

TEST_F(MixedFolderTest, APdfHitSaysItsPage) {
  const auto hit = first_hit("\"tillid til offentlige digitale løsninger\"");
  EXPECT_EQ(hit["page"], 2);
}

}  // namespace
}  // namespace opslag
