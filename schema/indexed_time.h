// When a document was first indexed: how the indexer writes that time and how searches bound it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace opslag {

/// `at` as kept in the "indexed" value slot: UTC, "YYYY-MM-DDTHH:MM:SS.ffffffZ" (RFC 3339, fixed
/// width, so that the order of the text is the order of the times).
[[nodiscard]] std::string indexed_time(std::chrono::system_clock::time_point at);

/// A lower bound on indexed times from a user's "2026-12-05", "2026-12-05T14:30",
/// "2026-12-05T14:30:15" or a whole indexed_time() (a trailing "Z" allowed; times are UTC):
/// the text to compare stamps with. Throws BadInput naming `what` ("parameter since",
/// "--since") for anything else.
[[nodiscard]] std::string indexed_since_bound(std::string_view text, std::string_view what);

/// A bound past `stamp` (an indexed_time()) and before every later stamp: what "indexed after
/// the newest document seen" searches from.
[[nodiscard]] std::string just_after(std::string_view stamp);

/// The Unix seconds of an indexed_time() (fractions dropped); 0 for text not of that form.
[[nodiscard]] std::int64_t indexed_unix_seconds(std::string_view stamp);

}  // namespace opslag
