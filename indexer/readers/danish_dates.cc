// Parses Danish date notations into ISO dates.
#include "indexer/readers/danish_dates.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace opslag {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "januar", "februar", "marts",     "april",   "maj",      "juni",
    "juli",   "august",  "september", "oktober", "november", "december"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads 1..max_digits digits at `pos`; returns -1 if there are none.
int read_number(std::string_view text, std::size_t& pos, std::size_t max_digits) {
  std::size_t start = pos;
  int value = 0;
  while (pos < text.size() && is_digit(text[pos]) && pos - start < max_digits)
    value = value * 10 + (text[pos++] - '0');
  if (pos == start || (pos < text.size() && is_digit(text[pos]))) return -1;
  return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::optional<std::string> make_date(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return std::nullopt;
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  if (day > days) return std::nullopt;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return std::string(buffer);
}

int full_year(int year, std::size_t digits) {
  if (digits == 4) return year;
  if (digits == 2) return year < 70 ? 2000 + year : 1900 + year;
  return -1;
}

/// "månedsnavn" or its three-letter abbreviation with a full stop, at `pos`: 1-12, or 0.
int read_month_name(std::string_view text, std::size_t& pos) {
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view name = kMonths[m];
    std::size_t len = 0;
    while (len < name.size() && pos + len < text.size() &&
           std::tolower(static_cast<unsigned char>(text[pos + len])) == name[len])
      ++len;
    if (len == name.size()) {
      pos += len;
      return static_cast<int>(m) + 1;
    }
    if (len >= 3 && pos + len < text.size() && text[pos + len] == '.') {
      pos += len + 1;
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

void skip_spaces(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
}

/// "juni 2007": a month and a year, read as the first of the month.
std::optional<std::string> parse_month_year(std::string_view text, std::size_t& pos) {
  const int month = read_month_name(text, pos);
  if (month == 0 || pos >= text.size() || text[pos] != ' ') return std::nullopt;
  skip_spaces(text, pos);
  const std::size_t year_start = pos;
  const int year = read_number(text, pos, 4);
  if (year < 0 || pos - year_start != 4) return std::nullopt;
  return make_date(year, month, 1);
}

std::optional<std::string> parse_at(std::string_view text, std::size_t& pos) {
  if (pos < text.size() && !is_digit(text[pos])) return parse_month_year(text, pos);
  const std::size_t start = pos;
  const int first = read_number(text, pos, 4);
  if (first < 0) return std::nullopt;
  const std::size_t first_digits = pos - start;
  if (first_digits == 4) {  // yyyy-mm-dd
    if (pos >= text.size() || text[pos] != '-') return std::nullopt;
    ++pos;
    const int month = read_number(text, pos, 2);
    if (month < 0 || pos >= text.size() || text[pos] != '-') return std::nullopt;
    ++pos;
    const int day = read_number(text, pos, 2);
    return day < 0 ? std::nullopt : make_date(first, month, day);
  }
  if (first_digits > 2 || pos >= text.size()) return std::nullopt;
  const char separator = text[pos];
  if (separator == '.' && pos + 1 < text.size() && !is_digit(text[pos + 1])) {
    ++pos;  // "1. juli 2010"
    skip_spaces(text, pos);
    const int month = read_month_name(text, pos);
    skip_spaces(text, pos);
    const std::size_t year_start = pos;
    const int year = read_number(text, pos, 4);
    if (month == 0 || year < 0 || pos - year_start != 4) return std::nullopt;
    return make_date(year, month, first);
  }
  if (separator != '-' && separator != '.' && separator != '/') return std::nullopt;
  ++pos;
  const int month = read_number(text, pos, 2);
  if (month < 0 || pos >= text.size()) return std::nullopt;
  const char second = text[pos];
  if (second != separator && !(separator == '/' && second == ' ')) return std::nullopt;
  ++pos;
  const std::size_t year_start = pos;
  const int year = read_number(text, pos, 4);
  if (year < 0) return std::nullopt;
  return make_date(full_year(year, pos - year_start), month, first);
}

}  // namespace

std::optional<std::string> parse_danish_date(std::string_view text, std::size_t* length) {
  std::size_t pos = 0;
  skip_spaces(text, pos);
  auto date = parse_at(text, pos);
  if (date && length) *length = pos;
  return date;
}

std::optional<std::string> find_danish_date(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
    std::size_t pos = i;
    if (auto date = parse_at(text, pos)) return date;
  }
  return std::nullopt;
}

}  // namespace opslag
