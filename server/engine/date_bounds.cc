// Date bounds for range filters.
#include "server/engine/date_bounds.h"

#include <charconv>
#include <cstdio>

#include "schema/errors.h"

namespace opslag {
namespace {

int number(std::string_view text) {
  int value = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() ? value : -1;
}

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace

std::string date_bound(std::string_view text, bool upper, std::string_view what) {
  const auto bad = [&] {
    return BadInput(std::string(what) + " must be a date: YYYY, YYYY-MM or YYYY-MM-DD, not \"" +
                    std::string(text) + "\"");
  };
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) throw bad();
  const int year = number(text.substr(0, 4));
  int month = upper ? 12 : 1;
  if (text.size() >= 7) {
    if (text[4] != '-') throw bad();
    month = number(text.substr(5, 2));
  }
  if (year < 1000 || month < 1 || month > 12) throw bad();
  int day = upper ? days_in(year, month) : 1;
  if (text.size() == 10) {
    if (text[7] != '-') throw bad();
    day = number(text.substr(8, 2));
    if (day < 1 || day > days_in(year, month)) throw bad();
  }
  char out[16];
  std::snprintf(out, sizeof out, "%04d%02d%02d", year, month, day);
  return out;
}

}  // namespace opslag
