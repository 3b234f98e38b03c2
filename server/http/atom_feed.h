// A search as an Atom 1.0 feed (RFC 4287): what a feed reader polls to hear of new documents.
#pragma once

#include <string>
#include <string_view>

#include "server/engine/searcher.h"

namespace opslag {

/// Where the feed lives, for the absolute links a feed reader needs.
struct FeedAddress {
  std::string base;          ///< "http://127.0.0.1:8080": scheme and authority, no slash after
  std::string query_string;  ///< the search's parameters as asked ("q=NemID&source=KL")
};

/// The feed of `result`, the newest arrivals matching `request` first: a title naming the query;
/// links to itself and to the search page; `updated` from its newest entry (or `fallback_updated`,
/// an RFC 3339 time, when it has none). Each entry: the title, a link to the document view
/// with the query marked, its view's address as id, `updated` from when Opslag first indexed the
/// document, `published` from its date, the publisher as author, its type as category, and the
/// snippet as HTML, its matches in <b>. Text is escaped for XML and characters XML cannot hold
/// become spaces.
[[nodiscard]] std::string atom_feed(const SearchRequest& request, const SearchResult& result,
                                    const FeedAddress& address, std::string_view fallback_updated);

/// `seconds` (Unix time) as an HTTP date: "Sat, 05 Dec 2026 07:12:33 GMT".
[[nodiscard]] std::string http_date(std::int64_t seconds);

/// The Unix time of an HTTP date in the preferred form (RFC 9110, 5.6.7), or -1 for anything
/// else.
[[nodiscard]] std::int64_t parse_http_date(std::string_view text);

}  // namespace opslag
