// Turns the dates users give for ranges ("2016", "2016-05", "2016-05-12") into index values.
#pragma once

#include <string>
#include <string_view>

namespace opslag {

/// The value-slot form ("YYYYMMDD") of the first (`upper` false) or last (`upper` true) day
/// that `text` names: "2016" -> 20160101 / 20161231, "2016-02" -> 20160201 / 20160229,
/// "2016-05-12" -> 20160512. Throws BadInput naming `what` when `text` is not such a date.
[[nodiscard]] std::string date_bound(std::string_view text, bool upper, std::string_view what);

}  // namespace opslag
