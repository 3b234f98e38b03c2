// Tests the CSV and JSON-lines rows of exported hits.
#include "server/json/export_rows.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/sample_hit.h"

namespace opslag {
namespace {

TEST(ExportRowsTest, CsvStartsWithAByteOrderMarkAndTheColumns) {
  EXPECT_EQ(csv_header(), "\xEF\xBB\xBFid,title,date,source,type,url,score,snippet\r\n");
}

TEST(ExportRowsTest, CsvQuotesAFieldWithACommaAQuoteOrALineBreakAndDoublesItsQuotes) {
  Hit hit = testing::nemid_hit();
  hit.doc.title = "NemID, \"nøglen\" til alt";
  hit.doc.source = "KL\nog Danske Regioner";
  EXPECT_EQ(csv_row(hit),
            "nemid.txt,\"NemID, \"\"nøglen\"\" til alt\",2010-07-01,\"KL\nog Danske Regioner\","
            "pressemeddelelse,https://example.dk/nemid,1.235,Log på med NemID & mere\r\n");
}

TEST(ExportRowsTest, AJsonLineHoldsTheColumnsWithTheSnippetAsPlainText) {
  const std::string line = jsonl_row(testing::nemid_hit());
  ASSERT_TRUE(line.ends_with("\n"));
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  const auto row = nlohmann::json::parse(line);
  EXPECT_EQ(row["id"], "nemid.txt");
  EXPECT_EQ(row["snippet"], "Log på med NemID & mere");
  EXPECT_DOUBLE_EQ(row["score"].get<double>(), 1.235);
  EXPECT_EQ(row.size(), 8u);
}

}  // namespace
}  // namespace opslag
