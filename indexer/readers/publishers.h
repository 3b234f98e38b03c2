// Recognises the publisher of a document from what its text says.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opslag {

/// The publisher named on an explicit line such as "Kilde: KL", "Udgivet af: Finansministeriet",
/// "Afsender: ..." or "Pressemeddelelse fra Digitaliseringsstyrelsen", or nullopt.
/// A trailing date or full stop is not part of the name ("Kilde: KL, 3. marts 2015" -> "KL").
[[nodiscard]] std::optional<std::string> publisher_from_line(std::string_view line);

/// The known Danish public body mentioned most often in `text` (earliest on a tie), by its
/// usual name ("Kommunernes Landsforening" counts as "KL"), or nullopt if none is mentioned.
[[nodiscard]] std::optional<std::string> most_mentioned_publisher(std::string_view text);

}  // namespace opslag
