// Tests reading Danish date notations.
#include "indexer/readers/danish_dates.h"

#include <gtest/gtest.h>

namespace opslag {
namespace {

struct DateCase {
  const char* text;
  const char* expected;  ///< nullptr: not a date
};

class DanishDatesTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DanishDatesTest, ReadsTheDateOrRefusesIt) {
  const auto date = parse_danish_date(GetParam().text);
  if (GetParam().expected) {
    ASSERT_TRUE(date) << GetParam().text;
    EXPECT_EQ(*date, GetParam().expected) << GetParam().text;
  } else {
    EXPECT_FALSE(date) << GetParam().text << " -> " << *date;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Notations, DanishDatesTest,
    ::testing::Values(
        DateCase{"12-05-2016", "2016-05-12"}, DateCase{"26.6.07", "2007-06-26"},
        DateCase{"03.11.2014", "2014-11-03"}, DateCase{"1. juli 2010", "2010-07-01"},
        DateCase{"1. Juli 2010", "2010-07-01"}, DateCase{"12. jan. 2016", "2016-01-12"},
        DateCase{"3. marts 2015", "2015-03-03"}, DateCase{"2014-11-01", "2014-11-01"},
        DateCase{"2019-01-14T09:00:00+01:00", "2019-01-14"}, DateCase{"26/6 2007", "2007-06-26"},
        DateCase{"14.2.99", "1999-02-14"}, DateCase{"  12-05-2016 Klumme", "2016-05-12"},
        DateCase{"29-02-2016", "2016-02-29"}, DateCase{"29-02-2015", nullptr},
        DateCase{"31-02-2016", nullptr}, DateCase{"13-13-2013", nullptr},
        DateCase{"2016-2020", nullptr}, DateCase{"126-27", nullptr},
        DateCase{"J.nr. 126-27", nullptr}, DateCase{"abc", nullptr}, DateCase{"1. maj", nullptr},
        DateCase{"juni 2007", "2007-06-01"}, DateCase{"Marts 2015 Rapport", "2015-03-01"},
        DateCase{"majoritet 2007", nullptr}, DateCase{"juni", nullptr}, DateCase{"", nullptr}),
    [](const ::testing::TestParamInfo<DateCase>& info) {
      return "case" + std::to_string(info.index);
    });

TEST(DanishDatesLengthTest, TellsHowManyBytesTheDateTook) {
  std::size_t length = 0;
  ASSERT_TRUE(parse_danish_date("12-05-2016 Klumme", &length));
  EXPECT_EQ(length, 10u);
  ASSERT_TRUE(parse_danish_date("1. juli 2010 Nyhed", &length));
  EXPECT_EQ(length, 12u);
}

TEST(DanishDatesFindTest, FindsADateInsideASentence) {
  EXPECT_EQ(find_danish_date("Aftalen blev indgået den 3. marts 2015 i København."), "2015-03-03");
  EXPECT_EQ(find_danish_date("Strategien 2016-2020 blev vedtaget 12-05-2016."), "2016-05-12");
  EXPECT_FALSE(find_danish_date("Strategien gælder for 2016-2020."));
}

}  // namespace
}  // namespace opslag
