// Tests how first-indexed times are written and how a search bounds them.
#include "schema/indexed_time.h"

#include <gtest/gtest.h>

#include "schema/errors.h"
#include "tests/support/thrown_message.h"

namespace opslag {
namespace {

using std::chrono::microseconds;
using std::chrono::seconds;
using std::chrono::system_clock;

TEST(IndexedTimeTest, IsUtcWithMicrosecondsInOneWidth) {
  const system_clock::time_point at{seconds(1796454753) + microseconds(42)};
  EXPECT_EQ(indexed_time(at), "2026-12-05T07:12:33.000042Z");
  EXPECT_EQ(indexed_time(system_clock::time_point{}), "1970-01-01T00:00:00.000000Z");
}

TEST(IndexedTimeTest, SortsAsTextInTheOrderOfTheTimes) {
  const system_clock::time_point at{seconds(1796454753)};
  EXPECT_LT(indexed_time(at), indexed_time(at + microseconds(1)));
  EXPECT_LT(indexed_time(at + microseconds(999999)), indexed_time(at + seconds(1)));
}

TEST(IndexedTimeTest, ADateOrTimeBoundsEveryStampFromItsStart) {
  const std::string stamp = "2026-12-05T07:12:33.000042Z";
  EXPECT_LE(indexed_since_bound("2026-12-05", "--since"), stamp);
  EXPECT_LE(indexed_since_bound("2026-12-05T07:12", "--since"), stamp);
  EXPECT_LE(indexed_since_bound("2026-12-05T07:12:33Z", "--since"), stamp);
  EXPECT_GT(indexed_since_bound("2026-12-05T07:13", "--since"), stamp);
  EXPECT_GT(indexed_since_bound("2026-12-06", "--since"), stamp);
}

TEST(IndexedTimeTest, JustAfterAStampComesBeforeEveryLaterStamp) {
  const std::string stamp = "2026-12-05T07:12:33.000042Z";
  EXPECT_GT(just_after(stamp), stamp);
  EXPECT_LT(just_after(stamp), "2026-12-05T07:12:33.000043Z");
  EXPECT_LT(just_after("2026-12-05T07:12:33.999999Z"), "2026-12-05T07:12:34.000000Z");
}

TEST(IndexedTimeTest, AnythingButADateOrTimeIsRefusedNamingTheParameter) {
  for (const char* bad : {"", "igår", "2026", "2026-13-01", "2026-12-05T25:00", "2026-12-05 07:12",
                          "2026-12-05T07", "2026-12-05T07:12:33.1"}) {
    const std::string message = testing::thrown_message<BadInput>(
        [&] { (void)indexed_since_bound(bad, "parameter since"); });
    EXPECT_NE(message.find("parameter since must be a UTC date or time"), std::string::npos)
        << bad << ": " << message;
  }
}

TEST(IndexedTimeTest, ReadsTheUnixSecondsOfAStamp) {
  EXPECT_EQ(indexed_unix_seconds("2026-12-05T07:12:33.000042Z"), 1796454753);
  EXPECT_EQ(indexed_unix_seconds("not a time"), 0);
}

}  // namespace
}  // namespace opslag
