// Tests the date bounds of range filters.
#include "server/engine/date_bounds.h"

#include <gtest/gtest.h>

#include "schema/errors.h"

namespace opslag {
namespace {

TEST(DateBoundsTest, AYearRunsFromItsFirstToItsLastDay) {
  EXPECT_EQ(date_bound("2016", false, "from"), "20160101");
  EXPECT_EQ(date_bound("2016", true, "to"), "20161231");
}

TEST(DateBoundsTest, AMonthEndsOnItsLastDayLeapYearsIncluded) {
  EXPECT_EQ(date_bound("2016-02", true, "to"), "20160229");
  EXPECT_EQ(date_bound("2015-02", true, "to"), "20150228");
  EXPECT_EQ(date_bound("2016-04", false, "from"), "20160401");
}

TEST(DateBoundsTest, ADayIsItself) {
  EXPECT_EQ(date_bound("2016-05-12", false, "from"), "20160512");
  EXPECT_EQ(date_bound("2016-05-12", true, "to"), "20160512");
}

TEST(DateBoundsTest, RejectsWhatIsNotADateNamingTheParameter) {
  for (const char* bad : {"", "16", "2016-5", "2016-13", "2016-02-30", "2016/05/12", "år 2016",
                          "20160512", "2016-05-12T10"}) {
    try {
      (void)date_bound(bad, false, "parameter from");
      FAIL() << bad;
    } catch (const BadInput& e) {
      EXPECT_NE(std::string(e.what()).find("parameter from"), std::string::npos) << bad;
    }
  }
}

}  // namespace
}  // namespace opslag
