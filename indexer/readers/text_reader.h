// Reads plain-text press releases and columns as they are collected from the web.
#pragma once

#include <string_view>

#include "schema/stored_document.h"

namespace opslag {

/// Title, date, type, source and body of a plain-text document. Skips the cookie banner and
/// navigation before the headline; reads a date line such as "12-05-2016 Klumme" or "26.6.07";
/// the title is the first line of two or more words after them; short cookie and navigation
/// lines further down are left out of the body too. The source comes from a
/// "Kilde:"-style line, else the public body the text names most. Missing parts stay empty.
[[nodiscard]] StoredDocument read_plain_text(std::string_view text);

}  // namespace opslag
