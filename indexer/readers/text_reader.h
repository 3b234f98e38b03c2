// Reads plain-text press releases and columns as they are collected from the web.
#pragma once

#include <cstddef>
#include <string_view>

#include "schema/stored_document.h"

namespace opslag {

/// Title, date, type, source and body of a plain-text document. Skips the cookie banner and
/// navigation before the headline; reads a date line such as "12-05-2016 Klumme" or "26.6.07";
/// the title is the first line of two or more words after them, unless it has more than
/// kMaxTitleWords (then it is text, and the title is left empty); short cookie and navigation
/// lines further down are left out of the body too. The source comes from a
/// "Kilde:"-style line, else the public body the text names most. Missing parts stay empty.
[[nodiscard]] StoredDocument read_plain_text(std::string_view text);

/// The most words a headline has; a longer first line is a paragraph.
inline constexpr std::size_t kMaxTitleWords = 30;

}  // namespace opslag
