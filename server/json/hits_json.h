// The JSON shapes of the API: search results, documents, health. Shared by server and CLI.
#pragma once

#include <nlohmann/json.hpp>

#include "server/engine/searcher.h"

namespace opslag {

/// {query, total, estimated, page, size, took_ms, hits: [{id, title, date, source, type, url,
/// score, snippet, snippet_text (plain), page, view, file (when the original can be had)}], facets: {source, year, type:
/// [{value, count}]}, suggestion (or null), expansions: [{type, from, to}], ignored,
/// as_plain_words}
[[nodiscard]] nlohmann::json search_json(const SearchRequest& request, const SearchResult& result,
                                         double took_ms);

/// {id, similar: [{id, title, date, source, type, url, score, view}]}
[[nodiscard]] nlohmann::json similar_json(std::string_view id, const std::vector<Hit>& hits);

/// {id, title, date, source, type, url, view, file (when the original can be had), language,
/// body}, and the file it was read from as
/// `path` if `with_path`.
[[nodiscard]] nlohmann::json document_json(const StoredDocument& doc, bool with_path);

/// {status: "ok", documents, revision, shards, version}: version() of the server.
[[nodiscard]] nlohmann::json health_json(const IndexStatus& status);

}  // namespace opslag
