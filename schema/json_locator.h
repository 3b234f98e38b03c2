// Finds the line of a value inside JSON text, so schema errors can name the line.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace opslag {

/// The 1-based line on which the value at `pointer` starts in `text`, or 1 when the pointer
/// is not found. Walks the text itself because nlohmann::json keeps no positions.
[[nodiscard]] int line_of(std::string_view text, const nlohmann::json::json_pointer& pointer);

/// The 1-based line of byte offset `offset` in `text`.
[[nodiscard]] int line_at(std::string_view text, std::size_t offset);

}  // namespace opslag
