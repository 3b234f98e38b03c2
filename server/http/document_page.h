// The document view, /d/{id}?q=…: a document's whole text as an HTML page, the query's matches
// marked as the snippets mark them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/engine/searcher.h"

namespace opslag {

/// The page of `view` for `query`: title, date, source and type; the links to the original
/// (its `url`, and the file it was read from when the server can serve it); the text in
/// paragraphs with "Side N" before each page of a PDF and every match in <mark id="m1"> … in
/// order, with a count and "forrige/næste" (static/view.js steps through them); and the
/// `similar` documents. Everything from the document is HTML-escaped. No inline script or
/// style: the page works under WebRoutes::kContentSecurityPolicy.
[[nodiscard]] std::string document_page(const DocumentView& view, std::string_view query,
                                        const std::vector<Hit>& similar);

/// A small page saying there is no document with `id`, for a 404.
[[nodiscard]] std::string missing_document_page(std::string_view id);

}  // namespace opslag
