// Reads HTML pages: headline, meta tags and the main content, without the page's chrome.
#pragma once

#include <cstddef>
#include <string_view>

#include "schema/stored_document.h"

namespace opslag {

/// Title (<h1>, else <title> before " | "), date, publisher and type (Dublin Core, article:
/// and plain meta tags), url (canonical link) and body text of an HTML page. The body is the
/// text of <main>, else <article>, else <body>, without navigation, header, footer, scripts,
/// styles, forms and anything whose class or id mentions cookies. Parsed with gumbo, which
/// accepts any input. Throws BadInput for a page whose elements would stand more than
/// kMaxHtmlNesting deep (unclosed tags): gumbo's time, and its recursion on freeing the tree,
/// grow with the depth (2 MB of unclosed <b><i> crashed the indexer).
[[nodiscard]] StoredDocument read_html(std::string_view html);

/// Real pages nest a few dozen elements deep; this many is a broken or hostile page (gumbo
/// parses 20,000 unclosed <b><i> in under a second and 40 MB).
constexpr std::size_t kMaxHtmlNesting = 20000;

/// How deep the elements of `html` would stand, counted from its tags without parsing: each
/// start tag opens one level and each end tag closes one, except void elements (<br>, <img>),
/// self-closing tags and those a parser closes by itself (<p>, <li>, <td>, ...); comments,
/// scripts and styles skipped. An upper estimate of what a parser builds.
[[nodiscard]] std::size_t html_nesting(std::string_view html);

}  // namespace opslag
