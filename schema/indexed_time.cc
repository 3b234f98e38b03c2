// Writing and bounding first-indexed times.
#include "schema/indexed_time.h"

#include <cstdio>
#include <ctime>

#include "schema/errors.h"

namespace opslag {
namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

int number(std::string_view text, std::size_t from, std::size_t count) {
  int n = 0;
  for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (text[i] - '0');
  return n;
}

/// Whether `text` is "YYYY-MM-DD" followed by nothing, "THH:MM", "THH:MM:SS" or
/// "THH:MM:SS.ffffff", each with the fields in range.
bool is_time_text(std::string_view text) {
  if (!digits(text, 0, 4) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2) ||
      text[7] != '-' || !digits(text, 8, 2))
    return false;
  const int month = number(text, 5, 2), day = number(text, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (text.size() == 10) return true;
  if (text[10] != 'T' || !digits(text, 11, 2) || text.size() < 16 || text[13] != ':' ||
      !digits(text, 14, 2) || number(text, 11, 2) > 23 || number(text, 14, 2) > 59)
    return false;
  if (text.size() == 16) return true;
  if (text[16] != ':' || !digits(text, 17, 2) || number(text, 17, 2) > 60) return false;
  if (text.size() == 19) return true;
  return text.size() == 26 && text[19] == '.' && digits(text, 20, 6);
}

}  // namespace

std::string indexed_time(std::chrono::system_clock::time_point at) {
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(at.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[96];  // room for any int the compiler imagines; 27 are written
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%06uZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<unsigned>(micros % 1000000));
  return text;
}

std::string indexed_since_bound(std::string_view text, std::string_view what) {
  std::string_view time = text;
  if (time.ends_with('Z') || time.ends_with('z')) time.remove_suffix(1);
  if (!is_time_text(time))
    throw BadInput(std::string(what) + " must be a UTC date or time such as 2026-12-05 or " +
                   "2026-12-05T14:30, not \"" + std::string(text.substr(0, 40)) + "\"");
  // "2026-12-05" sorts before every stamp of that day, "2026-12-05T14:30" before every stamp
  // of that minute: the prefix is the bound.
  return std::string(time);
}

std::string just_after(std::string_view stamp) {
  // Stamps have one width, so a character past the last of `stamp` sorts after it and before
  // any stamp that differs from it earlier.
  return std::string(stamp) + "~";
}

std::int64_t indexed_unix_seconds(std::string_view stamp) {
  if (stamp.size() < 19 || !is_time_text(stamp.substr(0, 19))) return 0;
  std::tm utc{};
  utc.tm_year = number(stamp, 0, 4) - 1900;
  utc.tm_mon = number(stamp, 5, 2) - 1;
  utc.tm_mday = number(stamp, 8, 2);
  utc.tm_hour = number(stamp, 11, 2);
  utc.tm_min = number(stamp, 14, 2);
  utc.tm_sec = number(stamp, 17, 2);
  return static_cast<std::int64_t>(timegm(&utc));
}

}  // namespace opslag
