// One ranked document with every field set, for tests of what is made of search results.
#pragma once

#include "server/engine/searcher.h"

namespace opslag::testing {

/// The NemID press release of 2010 as a hit: metadata, a score, and a snippet whose one match
/// is "NemID", with an ampersand to escape.
inline Hit nemid_hit() {
  Hit hit;
  hit.doc.id = "nemid.txt";
  hit.doc.title = "NemID lanceres";
  hit.doc.date = "2010-07-01";
  hit.doc.source = "IT- og Telestyrelsen";
  hit.doc.type = "pressemeddelelse";
  hit.doc.url = "https://example.dk/nemid";
  hit.score = 1.23456;
  hit.snippet = {"Log på med NemID & mere", {{12, 17}}};  // "på" is three bytes
  return hit;
}

}  // namespace opslag::testing
