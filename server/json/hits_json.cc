// Builds the API's JSON from search results and documents.
#include "server/json/hits_json.h"

#include <cmath>

#include "schema/program_info.h"
#include "server/json/document_links.h"
#include "server/json/snippet_html.h"

namespace opslag {
namespace {

nlohmann::json metadata_json(const StoredDocument& doc) {
  return {{"id", doc.id},     {"title", doc.title}, {"date", doc.date},      {"source", doc.source},
          {"type", doc.type}, {"url", doc.url},     {"indexed", doc.indexed}};
}

nlohmann::json facet_json(const std::vector<FacetCount>& counts) {
  nlohmann::json out = nlohmann::json::array();
  for (const FacetCount& c : counts) out.push_back({{"value", c.value}, {"count", c.count}});
  return out;
}

nlohmann::json expansions_json(const std::vector<Expansion>& expansions) {
  nlohmann::json out = nlohmann::json::array();
  for (const Expansion& e : expansions)
    out.push_back({{"type", e.kind}, {"from", e.from}, {"to", e.to}});
  return out;
}

}  // namespace

nlohmann::json search_json(const SearchRequest& request, const SearchResult& result,
                           double took_ms) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& hit : result.hits) {
    nlohmann::json h = metadata_json(hit.doc);
    h["score"] = std::round(hit.score * 1000) / 1000;
    h["snippet"] = snippet_html(hit.snippet);
    h["snippet_text"] = hit.snippet.text;
    h["page"] = hit.page > 0 ? nlohmann::json(hit.page) : nlohmann::json(nullptr);
    h["view"] = view_path(hit.doc.id, request.query);
    if (const std::string file = file_path(hit.doc, hit.page); !file.empty()) h["file"] = file;
    hits.push_back(std::move(h));
  }
  return {{"query", request.query},
          {"total", result.total},
          {"estimated", result.estimated},
          {"page", request.page},
          {"size", request.size},
          {"took_ms", std::round(took_ms * 1000) / 1000},
          {"hits", std::move(hits)},
          {"facets",
           {{"source", facet_json(result.sources)},
            {"year", facet_json(result.years)},
            {"type", facet_json(result.types)}}},
          {"suggestion",
           result.suggestion.empty() ? nlohmann::json() : nlohmann::json(result.suggestion)},
          {"expansions", expansions_json(result.expansions)},
          {"ignored", result.ignored},
          {"as_plain_words", result.as_plain_words},
          {"partial", result.partial}};
}

nlohmann::json similar_json(std::string_view id, const std::vector<Hit>& hits) {
  nlohmann::json out = nlohmann::json::array();
  for (const Hit& hit : hits) {
    nlohmann::json h = metadata_json(hit.doc);
    h["score"] = std::round(hit.score * 1000) / 1000;
    h["view"] = view_path(hit.doc.id, "");
    out.push_back(std::move(h));
  }
  return {{"id", id}, {"similar", std::move(out)}};
}

nlohmann::json document_json(const StoredDocument& doc, bool with_path) {
  nlohmann::json j = metadata_json(doc);
  if (with_path) j["path"] = doc.path;
  j["view"] = view_path(doc.id, "");
  if (const std::string file = file_path(doc); !file.empty()) j["file"] = file;
  j["language"] = doc.language;
  j["body"] = doc.body;
  return j;
}

nlohmann::json health_json(const IndexStatus& status) {
  return {{"status", "ok"},
          {"documents", status.documents},
          {"revision", status.shards == 1 ? nlohmann::json(status.revision) : nlohmann::json()},
          {"shards", status.shards},
          {"version", version()}};
}

}  // namespace opslag
