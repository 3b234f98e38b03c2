// Reads Markdown documents, with or without a front-matter block of metadata.
#pragma once

#include <string_view>

#include "schema/stored_document.h"

namespace opslag {

/// Title, date, source, type, url and plain-text body of a Markdown document. Metadata comes
/// from a leading "---" block of `key: value` lines (title/titel, date/dato, source/kilde,
/// type, url); otherwise the first "# " heading is the title and a "Kilde: …, date" line under
/// it gives source and date. Markup (#, *, _, `, [text](url)) is removed from the body.
[[nodiscard]] StoredDocument read_markdown(std::string_view text);

}  // namespace opslag
