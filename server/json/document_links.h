// The paths a hit links to: its document view and its original file.
#pragma once

#include <string>
#include <string_view>

#include "schema/stored_document.h"

namespace opslag {

/// `text` with every byte but A-Z a-z 0-9 - . _ ~ percent-encoded (RFC 3986's unreserved
/// characters), for a query value; with `keep_slashes`, "/" too, for a path.
[[nodiscard]] std::string percent_encoded(std::string_view text, bool keep_slashes = false);

/// "/d/ID?q=QUERY" (the id's slashes kept): the document view with the query's matches marked; no
/// "?q=" for no query.
[[nodiscard]] std::string view_path(std::string_view id, std::string_view query);

/// "/documents/ID/file", at "#page=N" when `page` > 0; empty when `doc` was not read from a
/// file of its own that the server could serve.
[[nodiscard]] std::string file_path(const StoredDocument& doc, int page = 0);

}  // namespace opslag
