// Reads the dates Danish documents are written with: "12-05-2016", "26.6.07", "1. juli 2010".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opslag {

/// Finds a date at the start of `text` (after leading spaces) and returns it as "YYYY-MM-DD",
/// with the number of bytes it took in `*length` if given. Accepts d-m-yyyy, d.m.yy,
/// d.m.yyyy, d/m yyyy, yyyy-mm-dd (with an optional time after it), "d. månedsnavn yyyy"
/// (also the abbreviations "jan.", "feb." ...), and "månedsnavn yyyy" (the first of the month).
/// Two-digit years 00-69 are 20xx, 70-99 19xx. Returns nullopt when the text does not start with a
/// valid date (31-02-2016 is not one).
[[nodiscard]] std::optional<std::string> parse_danish_date(std::string_view text,
                                                           std::size_t* length = nullptr);

/// The first date anywhere in `text`, as parse_danish_date reads it, or nullopt.
[[nodiscard]] std::optional<std::string> find_danish_date(std::string_view text);

}  // namespace opslag
