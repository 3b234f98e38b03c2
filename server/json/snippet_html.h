// A snippet as HTML: the one place where the engine's text is escaped and its matches marked.
#pragma once

#include <string>
#include <string_view>

#include "server/engine/snippet_maker.h"

namespace opslag {

/// `text` with &, <, >, " and ' escaped for HTML.
[[nodiscard]] std::string html_escape(std::string_view text);

/// The snippet's text HTML-escaped, each match wrapped in <mark>…</mark>: what the API's
/// "snippet" holds.
[[nodiscard]] std::string snippet_html(const Snippet& snippet);

}  // namespace opslag
