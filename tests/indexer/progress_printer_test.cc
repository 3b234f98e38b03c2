// Tests the progress output of opslag-index.
#include "indexer/progress_printer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace opslag {
namespace {

IndexProgress halfway() {
  IndexProgress p;
  p.documents = 1000;
  p.bytes = 50;
  p.total_bytes = 100;
  p.read_bytes = 4'000'000;
  p.seconds = 2;
  return p;
}

TEST(ProgressPrinterTest, TheBarShowsShareDocumentsSpeedAndTimeLeft) {
  EXPECT_EQ(ProgressPrinter::bar_line(halfway(), 10),
            "[#####.....]  50%  1000 dokumenter  500/s  2.0 MB/s  ETA 0:02");
}

TEST(ProgressPrinterTest, APlainLineSaysTheSameInWords) {
  EXPECT_EQ(ProgressPrinter::plain_line(halfway()),
            "indexed 1000 documents (50%), 500/s, 2.0 MB/s, ETA 0:02");
}

TEST(ProgressPrinterTest, OnATerminalRedrawsOneLineAndEndsItAtTheFinish) {
  std::ostringstream out;
  ProgressPrinter printer(out, true);
  printer.update(halfway());
  printer.update(halfway());
  printer.finish();
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\r'), 2);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
}

TEST(ProgressPrinterTest, ElsewherePrintsALineNoMoreOftenThanTheInterval) {
  std::ostringstream out;
  ProgressPrinter printer(out, false, 5.0);
  IndexProgress p = halfway();
  for (double t : {1.0, 2.0, 5.5, 6.0, 11.0}) {
    p.seconds = t;
    printer.update(p);
  }
  printer.finish();
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos);
}

TEST(ProgressPrinterTest, BeforeAnyProgressTheTimeLeftIsUnknown) {
  IndexProgress p;
  p.total_bytes = 100;
  EXPECT_NE(ProgressPrinter::plain_line(p).find("ETA ?"), std::string::npos);
}

}  // namespace
}  // namespace opslag
