// Metadata kept beside a file ("rapport.pdf.json") that overrides what its reader found.
#pragma once

#include <filesystem>
#include <string_view>

#include "schema/analysis/danish_analyzer.h"
#include "schema/stored_document.h"

namespace opslag {

/// The sidecar of `file`: the same name with ".json" added ("rapport.pdf" -> "rapport.pdf.json").
[[nodiscard]] std::filesystem::path sidecar_of(const std::filesystem::path& file);

/// Overrides `doc`'s title, date, source, type, url and language with those `json` (a sidecar's
/// text, one JSON object) gives. Throws BadInput naming the problem: not JSON, an unknown key,
/// a value that is not a string, a date that is not one.
void apply_sidecar(std::string_view json, const DanishAnalyzer& analyzer, StoredDocument& doc);

}  // namespace opslag
