// Runs the three executables as a user would and checks what they print and return.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "schema/program_info.h"
#include "tests/integration/run_command.h"
#include "tests/support/daemon.h"
#include "tests/support/temp_dir.h"

namespace opslag {
namespace {

namespace fs = std::filesystem;

using testing::bin;
using testing::CommandResult;
using testing::run;

class ExecutablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.write("nemid.txt",
                  "NemID lanceres i dag\n\n01-07-2010 Pressemeddelelse\n\n"
                  "Med NemID logger borgerne på.\n\nKilde: IT- og Telestyrelsen\n");
    corpus_.write("post.md",
                  "---\ntitle: Digital Post for alle\ndate: 2014-11-01\n---\n\nBreve.\n");
  }
  std::string index_command() const {
    return bin("opslag-index") + " --db " + db_.string() + " " + corpus_.path().string();
  }
  testing::TempDir corpus_;
  testing::TempDir data_;
  fs::path db_ = data_.path() / "db";
};

TEST_F(ExecutablesTest, EveryExecutableSaysItsVersionAndExitsZero) {
  for (const std::string name :
       {"opslag-index", "opslag-read", "opslag-search", "opslag-server", "opslag-relevance"}) {
    const CommandResult r = run(bin(name) + " --version");
    EXPECT_EQ(r.status, 0) << name;
    EXPECT_EQ(r.output, name + " " + version() + "\n");
  }
}

TEST_F(ExecutablesTest, AnOpslagVersionVariableInTheEnvironmentIsNoVersionFlag) {
  const CommandResult r = run("OPSLAG_VERSION=1.2 " + index_command());
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output.find("opslag-index " + version()), std::string::npos) << r.output;
  EXPECT_TRUE(fs::exists(db_));
}

TEST_F(ExecutablesTest, IndexerPrintsASummaryAndExitsZero) {
  const CommandResult r = run(index_command());
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("added 2, updated 0, deleted 0, unchanged 0, failed 0"),
            std::string::npos)
      << r.output;
}

TEST_F(ExecutablesTest, IndexerNamesABadFileAndExitsOne) {
  corpus_.write("skadet.txt", "\xff\xfe\x00\x01");
  const CommandResult r = run(index_command());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("skadet.txt: "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("added 2"), std::string::npos) << r.output;
}

TEST_F(ExecutablesTest, IndexerRefusesAMistypedFolderWithExitTwoAndKeepsTheArchive) {
  ASSERT_EQ(run(index_command()).status, 0);
  const std::string mistyped = corpus_.path().string() + "s";
  const CommandResult r = run(bin("opslag-index") + " --db " + db_.string() + " " + mistyped);
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find(mistyped + ": no such file or folder; nothing was indexed or deleted"),
            std::string::npos)
      << r.output;
  const CommandResult again = run(index_command());
  EXPECT_NE(again.output.find("deleted 0, unchanged 2"), std::string::npos) << again.output;
}

TEST_F(ExecutablesTest, IndexerDeletesMostOfTheArchiveOnlyWhenAllowed) {
  ASSERT_EQ(run(index_command()).status, 0);
  testing::TempDir empty;
  const std::string command =
      bin("opslag-index") + " --db " + db_.string() + " " + empty.path().string();
  const CommandResult refused = run(command);
  EXPECT_EQ(refused.status, 1) << refused.output;
  EXPECT_NE(refused.output.find("would delete 2 of 2 documents"), std::string::npos)
      << refused.output;
  EXPECT_NE(refused.output.find("--allow-mass-delete"), std::string::npos) << refused.output;
  const CommandResult allowed = run(command + " --allow-mass-delete");
  EXPECT_EQ(allowed.status, 0) << allowed.output;
  EXPECT_NE(allowed.output.find("deleted 2"), std::string::npos) << allowed.output;
}

TEST_F(ExecutablesTest, IndexerNamesASubfolderItCannotListAndKeepsItsDocuments) {
  corpus_.write("lukket/notat.txt", "Notat om MitID\n\nTekst om MitID.\n");
  ASSERT_EQ(run(index_command()).status, 0);
  const fs::path closed = corpus_.path() / "lukket";
  fs::permissions(closed, fs::perms::none);
  // Root lists any folder; without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH it cannot.
  const std::string as_user =
      geteuid() == 0 ? "setpriv --bounding-set=-dac_override,-dac_read_search " : "";
  const CommandResult r = run(as_user + index_command());
  fs::permissions(closed, fs::perms::owner_all);
  if (r.output.starts_with("setpriv:"))
    GTEST_SKIP() << "this machine lets no process drop root's capabilities: " << r.output;
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find(closed.string() +
                          ": cannot list the folder (Permission denied); the documents indexed "
                          "from it are kept"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("deleted 0, unchanged 2, failed 1"), std::string::npos) << r.output;
  const CommandResult list = run(bin("opslag-index") + " --db " + db_.string() + " --list");
  EXPECT_NE(list.output.find("lukket/notat.txt"), std::string::npos) << list.output;
}

TEST_F(ExecutablesTest, IndexerAddsOneFileWithoutDeletingTheRest) {
  ASSERT_EQ(run(index_command()).status, 0);
  const fs::path added = corpus_.write("ny/mitid.txt", "MitID\n\nOm MitID.\n");
  const CommandResult r =
      run(bin("opslag-index") + " --db " + db_.string() + " --add " + added.string());
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("added 1, updated 0, deleted 0"), std::string::npos) << r.output;
}

TEST_F(ExecutablesTest, IndexerListsWhatTheIndexHoldsAndDeletesOnlyTheIdsGiven) {
  ASSERT_EQ(run(index_command()).status, 0);
  const std::string indexer = bin("opslag-index") + " --db " + db_.string();
  EXPECT_EQ(run(indexer + " --list").output,
            "nemid.txt\t2010-07-01\tNemID lanceres i dag\npost.md\t2014-11-01\tDigital Post for "
            "alle\n");
  const CommandResult unknown = run(indexer + " --delete nemid.txt --delete ukendt.txt");
  EXPECT_EQ(unknown.status, 1) << unknown.output;
  EXPECT_NE(unknown.output.find("no document with id \"ukendt.txt\""), std::string::npos)
      << unknown.output;
  EXPECT_NE(unknown.output.find("deleted 1"), std::string::npos) << unknown.output;
  EXPECT_EQ(run(indexer + " --list").output, "post.md\t2014-11-01\tDigital Post for alle\n");
  const CommandResult both = run(indexer + " --list " + corpus_.path().string());
  EXPECT_EQ(both.status, 2) << both.output;
  EXPECT_NE(run(bin("opslag-index") + " --db " + (data_.path() / "ingen").string() + " --list")
                .output.find("no such database"),
            std::string::npos);
}

TEST_F(ExecutablesTest, IndexerDryRunPrintsThePlanAndChangesNothing) {
  ASSERT_EQ(run(index_command()).status, 0);
  fs::remove(corpus_.path() / "post.md");
  corpus_.write("mitid.txt", "MitID\n\nOm MitID.\n");
  const CommandResult r = run(index_command() + " --dry-run");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("add mitid.txt\ndelete post.md\ndry run, nothing was changed: added 1, "
                          "updated 0, deleted 1, unchanged 1"),
            std::string::npos)
      << r.output;
  const std::string indexer = bin("opslag-index") + " --db " + db_.string();
  EXPECT_NE(run(indexer + " --list").output.find("post.md"), std::string::npos);
  EXPECT_EQ(run(indexer + " --list --dry-run").status, 2);
}

TEST_F(ExecutablesTest, IndexerRebuildsBesideAndRefusesToReplaceWithAnEmptyFolder) {
  ASSERT_EQ(run(index_command()).status, 0);
  const std::string indexer = bin("opslag-index") + " --db " + db_.string() + " --rebuild ";
  const CommandResult rebuilt = run(indexer + corpus_.path().string());
  EXPECT_EQ(rebuilt.status, 0) << rebuilt.output;
  EXPECT_NE(rebuilt.output.find("added 0, updated 2, deleted 0"), std::string::npos)
      << rebuilt.output;
  const CommandResult on_two = run(indexer + "--threads 2 " + corpus_.path().string());
  EXPECT_EQ(on_two.status, 0) << on_two.output;
  EXPECT_NE(on_two.output.find("added 0, updated 2, deleted 0"), std::string::npos)
      << on_two.output;
  EXPECT_FALSE(fs::exists(db_.string() + ".rebuild.parts"));
  const CommandResult no_threads = run(indexer + "--threads 0 " + corpus_.path().string());
  EXPECT_EQ(no_threads.status, 2) << no_threads.output;
  EXPECT_NE(no_threads.output.find("--threads"), std::string::npos) << no_threads.output;
  testing::TempDir empty;
  const CommandResult refused = run(indexer + empty.path().string());
  EXPECT_EQ(refused.status, 1) << refused.output;
  EXPECT_NE(refused.output.find("so it did not replace the live one"), std::string::npos)
      << refused.output;
  const CommandResult list = run(bin("opslag-index") + " --db " + db_.string() + " --list");
  EXPECT_NE(list.output.find("nemid.txt"), std::string::npos) << list.output;
  EXPECT_EQ(run(bin("opslag-index") + " --db " + db_.string() + " --rebuild --list").status, 2);
  EXPECT_EQ(run(indexer + "--add " + corpus_.path().string()).status, 2);
}

TEST_F(ExecutablesTest, ABadSchemaIsRefusedWithItsLine) {
  const fs::path schema = corpus_.write(
      "schema/schema.json", "{\n  \"version\": 1,\n  \"language\": \"da\",\n  \"fields\": 7\n}\n");
  const std::string options = " --schema " + schema.string() + " --db " + db_.string();
  for (const std::string& command :
       {bin("opslag-index") + options + " x", bin("opslag-server") + options,
        bin("opslag-search") + options + " x"}) {
    const CommandResult r = run(command);
    EXPECT_EQ(r.status, 2) << command << "\n" << r.output;
    EXPECT_NE(r.output.find("schema.json:4: \"fields\" must be an array"), std::string::npos)
        << command << "\n"
        << r.output;
  }
}

TEST_F(ExecutablesTest, SearchPrintsRankedHitsAsPlainTextWhenNotOnATerminal) {
  ASSERT_EQ(run(index_command()).status, 0);
  const CommandResult r = run(bin("opslag-search") + " --db " + db_.string() + " nemid");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("1. NemID lanceres i dag"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Med NemID logger"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find('\033'), std::string::npos) << r.output;
}

TEST_F(ExecutablesTest, SearchPrintsTheServersJsonOnRequest) {
  ASSERT_EQ(run(index_command()).status, 0);
  const CommandResult r =
      run(bin("opslag-search") + " --json --db " + db_.string() + " 'Digital Post'");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("\"hits\""), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"title\": \"Digital Post for alle\""), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"total\": 1"), std::string::npos) << r.output;
}

TEST_F(ExecutablesTest, SearchShowsADocumentWholeWithItsMatchesThroughThePager) {
  ASSERT_EQ(run(index_command()).status, 0);
  const std::string show = bin("opslag-search") + " --db " + db_.string() + " --show nemid.txt";
  const CommandResult plain = run(show + " borger");
  EXPECT_EQ(plain.status, 0) << plain.output;
  EXPECT_TRUE(plain.output.starts_with("NemID lanceres i dag\n2010-07-01")) << plain.output;
  EXPECT_NE(plain.output.find("1 fundsted\n"), std::string::npos) << plain.output;
  EXPECT_NE(plain.output.find("Med NemID logger borgerne på."), std::string::npos);
  EXPECT_EQ(plain.output.find('\033'), std::string::npos) << plain.output;
  // Under a pseudo-terminal (script(1)), through $PAGER, the match coloured.
  const CommandResult paged =
      run("PAGER='sed s/^/paged:/' script -qec \"" + show + " borger\" /dev/null");
  EXPECT_EQ(paged.status, 0) << paged.output;
  EXPECT_NE(paged.output.find("paged:"), std::string::npos) << paged.output;
  EXPECT_NE(paged.output.find("\033[1;33mborgerne\033[0m"), std::string::npos) << paged.output;
  const CommandResult json = run(show + " --json borger");
  const auto j = nlohmann::json::parse(json.output);
  EXPECT_EQ(j["id"], "nemid.txt");
  EXPECT_EQ(j["marks"].size(), 1u) << j;
  const CommandResult missing =
      run(bin("opslag-search") + " --db " + db_.string() + " --show findes-ikke.txt");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.output.find("no document with id \"findes-ikke.txt\""), std::string::npos)
      << missing.output;
}

TEST_F(ExecutablesTest, SearchExitsAsGrepDoesZeroOnAMatchOneOnNoneTwoOnAnError) {
  ASSERT_EQ(run(index_command()).status, 0);
  const std::string search = bin("opslag-search") + " --db " + db_.string();
  EXPECT_EQ(run(search + " nemid").status, 0);
  const CommandResult none = run(search + " sundhedsplatformen");
  EXPECT_EQ(none.status, 1) << none.output;
  EXPECT_TRUE(none.output.starts_with("Ingen dokumenter for \"sundhedsplatformen\""))
      << none.output;
  EXPECT_EQ(run(search + " --from 20x nemid").status, 2);
  EXPECT_EQ(run(bin("opslag-search") + " nemid").status, 2);
  const CommandResult mistyped = run(search + " --sourse KL nemid");
  EXPECT_EQ(mistyped.status, 2) << mistyped.output;
  EXPECT_NE(mistyped.output.find("did you mean --source?"), std::string::npos) << mistyped.output;
  EXPECT_EQ(run(search + " --size").status, 2);
  EXPECT_EQ(run(bin("opslag-search") + " --help").status, 0);
  // With --json, an error is JSON on standard output, with the same status.
  const CommandResult json = run(search + " --json --from 20x nemid 2>/dev/null");
  EXPECT_EQ(json.status, 2);
  const auto error = nlohmann::json::parse(json.output, nullptr, false);
  ASSERT_TRUE(error.is_object()) << json.output;
  EXPECT_NE(error["error"].get<std::string>().find("--from"), std::string::npos) << json.output;
  EXPECT_EQ(run(search + " --json sundhedsplatformen").status, 1);
}

TEST_F(ExecutablesTest, SearchColoursWrapsAndPagesOnATerminalButNotThroughAPipe) {
  for (int i = 0; i < 3; ++i)
    corpus_.write("lang-" + std::to_string(i) + ".txt",
                  "Et langt dokument om NemID\n\nNemID bruges af borgerne i hele landet, og "
                  "borgerne logger på med NemID hos banken, hos kommunen og hos staten.\n");
  ASSERT_EQ(run(index_command()).status, 0);
  const std::string search = bin("opslag-search") + " --db " + db_.string() + " nemid";
  const CommandResult terminal =
      run("COLUMNS=60 PAGER='sed s/^/paged:/' script -qec \"" + search + "\" /dev/null");
  EXPECT_EQ(terminal.status, 0) << terminal.output;
  EXPECT_NE(terminal.output.find("\033[1;33mNemID\033[0m"), std::string::npos) << terminal.output;
  // Every line went through the pager and fits 60 columns, escapes and the prefix aside.
  std::size_t lines = 0, begin = 0;
  while (begin < terminal.output.size()) {
    std::size_t end = terminal.output.find('\n', begin);
    if (end == std::string::npos) end = terminal.output.size();
    std::string line = terminal.output.substr(begin, end - begin);
    begin = end + 1;
    if (line.empty() || line == "\r") continue;
    ++lines;
    EXPECT_TRUE(line.starts_with("paged:")) << line;
    std::string shown;
    for (std::size_t i = 6; i < line.size(); ++i) {
      if (line[i] == '\033') {
        i = line.find('m', i);
        continue;
      }
      if (line[i] != '\r' && (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) shown += 'x';
    }
    EXPECT_LE(shown.size(), 60u) << line;
  }
  EXPECT_GT(lines, 10u) << terminal.output;
  const CommandResult no_color =
      run("NO_COLOR=1 PAGER=cat script -qec \"" + search + "\" /dev/null");
  EXPECT_EQ(no_color.output.find("\033[1;33m"), std::string::npos) << no_color.output;
  const CommandResult pipe = run("PAGER='sed s/^/paged:/' " + search + " | cat");
  EXPECT_EQ(pipe.output.find('\033'), std::string::npos) << pipe.output;
  EXPECT_EQ(pipe.output.find("paged:"), std::string::npos) << pipe.output;
  EXPECT_NE(run(search + " --color always | cat").output.find("\033[1;33mNemID"),
            std::string::npos);
}

TEST_F(ExecutablesTest, SearchExportsEveryMatchAsCsvOrJsonLines) {
  for (int i = 0; i < 15; ++i)
    corpus_.write("nemid-" + std::to_string(i) + ".txt",
                  "NemID, nr. " + std::to_string(i) + "\n\nOm NemID på Ærø.\n");
  ASSERT_EQ(run(index_command()).status, 0);
  const std::string search = bin("opslag-search") + " --db " + db_.string();
  const CommandResult csv = run(search + " --format csv nemid 2>/dev/null");
  EXPECT_EQ(csv.status, 0);
  EXPECT_TRUE(
      csv.output.starts_with("\xEF\xBB\xBFid,title,date,source,type,url,score,snippet\r\n"));
  // Every match, not a page of ten: the header and sixteen rows.
  EXPECT_EQ(std::count(csv.output.begin(), csv.output.end(), '\n'), 17) << csv.output;
  EXPECT_NE(csv.output.find("\"NemID, nr. 3\""), std::string::npos) << csv.output;
  const CommandResult cut = run(search + " --format jsonl --max-export 4 nemid");
  EXPECT_EQ(cut.status, 0);
  EXPECT_NE(cut.output.find("the first 4 of 16 matches (--max-export)"), std::string::npos)
      << cut.output;
  const auto first = nlohmann::json::parse(cut.output.substr(0, cut.output.find('\n')));
  EXPECT_TRUE(first.contains("snippet")) << first;
  EXPECT_EQ(run(search + " --format csv sundhedsplatformen").status, 1);
  EXPECT_EQ(run(search + " --format xml nemid").status, 2);
}

TEST_F(ExecutablesTest, SearchFiltersAndSortsLikeTheServer) {
  corpus_.write("mitid.txt",
                "MitID afløser NemID\n\n18-10-2021 Nyhed\n\nMitID kommer.\n\nKilde: KL\n");
  ASSERT_EQ(run(index_command()).status, 0);
  const std::string search = bin("opslag-search") + " --json --db " + db_.string();
  const auto by_source = nlohmann::json::parse(run(search + " --source KL NemID").output);
  EXPECT_EQ(by_source["total"], 1) << by_source;
  const auto newest = nlohmann::json::parse(run(search + " --sort -date NemID").output);
  ASSERT_EQ(newest["hits"].size(), 2u) << newest;
  EXPECT_EQ(newest["hits"][0]["id"], "mitid.txt");
  const auto since = nlohmann::json::parse(run(search + " --from 2015 NemID").output);
  EXPECT_EQ(since["total"], 1) << since;
  const CommandResult bad = run(search + " --from 20x NemID");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.output.find("--from"), std::string::npos) << bad.output;
}

TEST_F(ExecutablesTest, SearchPrintsOnlyWhatArrivedSinceItsLastRunForACronJob) {
  ASSERT_EQ(run(index_command()).status, 0);
  const fs::path state = data_.path() / "state";
  const std::string search = "XDG_STATE_HOME=" + state.string() + " " + bin("opslag-search") +
                             " --db " + db_.string() + " --new-since-last-run";
  // The first run prints every match and keeps the newest's time, in a file of this search's own.
  const CommandResult first = run(search + " NemID");
  EXPECT_EQ(first.status, 0) << first.output;
  EXPECT_NE(first.output.find("NemID lanceres i dag"), std::string::npos) << first.output;
  ASSERT_TRUE(fs::exists(state / "opslag"));
  EXPECT_EQ(std::distance(fs::directory_iterator(state / "opslag"), fs::directory_iterator()), 1);
  // More new than --size shows: the rest comes with the next run, not with --page.
  for (int i = 0; i < 3; ++i)
    corpus_.write("ny-" + std::to_string(i) + ".txt",
                  "NemID nr. " + std::to_string(i) + "\n\nOm NemID.\n");
  ASSERT_EQ(run(index_command()).status, 0);
  const CommandResult some = run(search + " --size 2 NemID");
  EXPECT_NE(some.output.find("1–2 af 3 dokumenter for \"NemID\" — resten: kør igen"),
            std::string::npos)
      << some.output;
  EXPECT_NE(run(search + " --size 2 NemID").output.find("1 dokument for"), std::string::npos);
  // Nothing new: exit 1, as grep finding nothing.
  const CommandResult again = run(search + " NemID");
  EXPECT_EQ(again.status, 1) << again.output;
  EXPECT_EQ(again.output.find("NemID lanceres i dag"), std::string::npos) << again.output;
  // Another search has a state of its own, and finds its match the first time.
  EXPECT_EQ(run(search + " Digital Post").status, 0);
  // A new document, dated long ago, and a changed one: only the new one is new.
  corpus_.write("gammel.txt", "Om NemID i 2008\n\n03-03-2008 Nyhed\n\nNemID var en plan.\n");
  corpus_.write("nemid.txt", "NemID lanceres i dag\n\n01-07-2010\n\nMed NemID, rettet.\n");
  ASSERT_EQ(run(index_command()).status, 0);
  const CommandResult news = run(search + " --format csv NemID");
  EXPECT_EQ(news.status, 0) << news.output;
  EXPECT_NE(news.output.find("Om NemID i 2008"), std::string::npos) << news.output;
  EXPECT_EQ(news.output.find("NemID lanceres i dag"), std::string::npos) << news.output;
  EXPECT_EQ(run(search + " NemID").status, 1);
  // --since a date: what was first indexed from then on (all of it today, nothing tomorrow).
  const std::string plain = bin("opslag-search") + " --db " + db_.string();
  EXPECT_EQ(run(plain + " --since 2000-01-01 NemID").status, 0);
  EXPECT_EQ(run(plain + " --since 2999-01-01 NemID").status, 1);
  const CommandResult bad = run(plain + " --since igår NemID");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.output.find("--since must be a UTC date or time"), std::string::npos) << bad.output;
  // A damaged state file is named, not taken for "never run".
  for (const fs::directory_entry& file : fs::directory_iterator(state / "opslag"))
    std::ofstream(file.path()) << "rubbish\n";
  const CommandResult damaged = run(search + " NemID");
  EXPECT_EQ(damaged.status, 2);
  EXPECT_NE(damaged.output.find((state / "opslag").string() + "/new-since-"), std::string::npos)
      << damaged.output;
  EXPECT_NE(damaged.output.find("does not hold the time of a last run"), std::string::npos)
      << damaged.output;
}

TEST_F(ExecutablesTest, AnalyzePrintsWordTabStemForTextAndStandardInput) {
  const CommandResult r = run(bin("opslag-search") + " --analyze 'Strategierne NEMID'");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output, "strategierne\tstrategi\nnemid\tnemid\n");
  const CommandResult piped = run("echo 'sundhed.dk' | " + bin("opslag-search") + " --analyze -");
  EXPECT_EQ(piped.output, "sundhed.dk\tsundhed.dk\n+sundhed\tsundhed\n+dk\tdk\n");
}

TEST_F(ExecutablesTest, SearchWithABadQuerySaysSoAndExitsTwo) {
  ASSERT_EQ(run(index_command()).status, 0);
  const CommandResult r = run(bin("opslag-search") + " --db " + db_.string() + " '!!!'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("no words"), std::string::npos) << r.output;
}

TEST_F(ExecutablesTest, SearchRefusesWhatTheServerRefusesInTheSameWords) {
  ASSERT_EQ(run(index_command()).status, 0);
  const std::string search = bin("opslag-search") + " --db " + db_.string();
  const CommandResult size = run(search + " --size 500 nemid");
  EXPECT_EQ(size.status, 2);
  EXPECT_NE(size.output.find("parameter size must be a whole number from 1 to 100"),
            std::string::npos)
      << size.output;
  const CommandResult depth = run(search + " --page 2000 nemid");
  EXPECT_EQ(depth.status, 2);
  EXPECT_NE(depth.output.find("page × size may be at most 10000 (--max-result-depth)"),
            std::string::npos)
      << depth.output;
  const CommandResult dates = run(search + " --from 2017 --to 2016 nemid");
  EXPECT_NE(dates.output.find("parameter from is after parameter to"), std::string::npos)
      << dates.output;
}

TEST_F(ExecutablesTest, RelevanceWritesEachEnginesTopTenAndScoresThePooledGrades) {
  ASSERT_EQ(run(index_command()).status, 0);
  const fs::path judgments = corpus_.write("judged/j.tsv", "names\tnemid\tnemid.txt:2\n");
  const fs::path pooled = corpus_.write("judged/p.tsv", "nemid\tpost.md\t0\tom post\n");
  const fs::path rankings = data_.path() / "rankings.tsv";
  const std::string relevance = bin("opslag-relevance") + " --db " + db_.string() +
                                " --judgments " + judgments.string() + " --compare-stock";
  const CommandResult r = run(relevance + " --rankings " + rankings.string());
  EXPECT_EQ(r.status, 0) << r.output;
  std::ifstream in(rankings);
  const std::string written((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(written, "opslag\tnemid\t1\tnemid.txt\nstock\tnemid\t1\tnemid.txt\n");
  EXPECT_NE(r.output.find("judged@10 1.000"), std::string::npos) << r.output;

  const CommandResult with = run(relevance + " --pooled " + pooled.string());
  EXPECT_EQ(with.status, 0) << with.output;
  const fs::path wrong = corpus_.write("judged/w.tsv", "mitid\tpost.md\t1\tx\n");
  const CommandResult refused = run(relevance + " --pooled " + wrong.string());
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.output.find("w.tsv:1: no judged need has the query \"mitid\""),
            std::string::npos)
      << refused.output;
}

TEST_F(ExecutablesTest, ServerRefusesADatabaseOfAnotherSchemaSayingToReindex) {
  ASSERT_EQ(run(index_command()).status, 0);
  const fs::path schema = corpus_.write("schema/schema.json", [] {
    std::ifstream in(fs::path(OPSLAG_SOURCE_DIR) / "schema" / "schema.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    text.replace(text.find("\"version\": 8"), 12, "\"version\": 9");
    return text;
  }());
  for (const char* file :
       {"stopwords-da.txt", "synonyms-da.txt", "stem-overrides-da.txt", "compound-parts-da.txt"})
    fs::copy_file(fs::path(OPSLAG_SOURCE_DIR) / "schema" / file, schema.parent_path() / file);
  const CommandResult r = run(bin("opslag-server") + " --schema " + schema.string() + " --db " +
                              db_.string() + " --port 1");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("reindex with: opslag-index"), std::string::npos) << r.output;
}

TEST_F(ExecutablesTest, ServerWithoutADatabaseSaysHowToBuildOne) {
  const CommandResult r = run(bin("opslag-server") + " --db " + (data_.path() / "ingen").string());
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("opslag-index --db"), std::string::npos) << r.output;
}

TEST_F(ExecutablesTest, ServerOptionsComeFromTheEnvironmentOrAConfigFile) {
  ASSERT_EQ(run(index_command()).status, 0);
  const int from_file = testing::free_port(), from_env = testing::free_port();
  const fs::path config = corpus_.write(
      "opslag.toml", "db = \"" + db_.string() + "\"\nport = " + std::to_string(from_file) + "\n");
  const testing::Daemon by_file({bin("opslag-server"), "--config", config.string()}, from_file);
  EXPECT_TRUE(testing::listening(from_file)) << "no server on the port of the config file";
  const testing::Daemon by_env({"env", "OPSLAG_DB=" + db_.string(),
                                "OPSLAG_PORT=" + std::to_string(from_env), bin("opslag-server")},
                               from_env);
  EXPECT_TRUE(testing::listening(from_env)) << "no server on the port of OPSLAG_PORT";
}

TEST_F(ExecutablesTest, ABadOptionValueIsNamedAndRefused) {
  ASSERT_EQ(run(index_command()).status, 0);
  for (const std::string option :
       {"--port 99999", "--max-page-size 0", "--request-timeout-ms x", "--threads 0"}) {
    const CommandResult r = run(bin("opslag-server") + " --db " + db_.string() + " " + option);
    EXPECT_NE(r.status, 0) << option;
    EXPECT_NE(r.output.find(option.substr(0, option.find(' '))), std::string::npos)
        << option << ": " << r.output;
  }
  const CommandResult env =
      run("OPSLAG_MAX_QUERY_WORDS=many " + bin("opslag-server") + " --db " + db_.string());
  EXPECT_NE(env.status, 0);
  EXPECT_NE(env.output.find("max-query-words"), std::string::npos) << env.output;
}

TEST_F(ExecutablesTest, ServerHelpListsEveryOptionWithItsVariable) {
  const CommandResult r = run(bin("opslag-server") + " --help");
  EXPECT_EQ(r.status, 0);
  for (const char* name :
       {"--max-query-bytes", "OPSLAG_MAX_QUERY_BYTES", "--request-timeout-ms", "--access-log",
        "--admin-token-file", "--allow-origin", "--config", "--threads", "OPSLAG_PORT"})
    EXPECT_NE(r.output.find(name), std::string::npos) << name << "\n" << r.output;
}

}  // namespace
}  // namespace opslag
