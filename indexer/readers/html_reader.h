// Reads HTML pages: headline, meta tags and the main content, without the page's chrome.
#pragma once

#include <string_view>

#include "schema/stored_document.h"

namespace opslag {

/// Title (<h1>, else <title> before " | "), date, publisher and type (Dublin Core, article:
/// and plain meta tags), url (canonical link) and body text of an HTML page. The body is the
/// text of <main>, else <article>, else <body>, without navigation, header, footer, scripts,
/// styles, forms and anything whose class or id mentions cookies. Parsed with gumbo, which
/// accepts any input, so this never fails.
[[nodiscard]] StoredDocument read_html(std::string_view html);

}  // namespace opslag
