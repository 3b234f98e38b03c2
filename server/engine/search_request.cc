// Checks a search request against the limits, in the words the API and opslag-search share.
#include "server/engine/search_request.h"

#include "schema/analysis/icu_text.h"
#include "schema/errors.h"

namespace opslag {
namespace {

void check_whole_number(std::string_view name, int value, int min, int max) {
  if (value < min || value > max) throw BadInput(whole_number_message(name, min, max));
}

void check_filter_values(std::string_view name, const std::vector<std::string>& values) {
  for (const std::string& value : values)
    if (value.empty() || value.size() > kMaxFilterValueBytes || !text::is_valid_utf8(value))
      throw BadInput("parameter " + std::string(name) + " must be 1 to " +
                     std::to_string(kMaxFilterValueBytes) + " bytes of UTF-8 text");
}

}  // namespace

SortOrder parse_sort_order(std::string_view text, std::string_view what) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kDateAscending;
  if (text == "-date") return SortOrder::kDateDescending;
  if (text == "indexed") return SortOrder::kIndexedAscending;
  if (text == "-indexed") return SortOrder::kIndexedDescending;
  throw BadInput(std::string(what) +
                 " must be relevance, date (oldest first), -date (newest first), indexed "
                 "(first indexed first) or -indexed (newest arrivals first)");
}

std::string whole_number_message(std::string_view name, int min, int max) {
  return "parameter " + std::string(name) + " must be a whole number from " + std::to_string(min) +
         " to " + std::to_string(max);
}

void check_query(std::string_view query, const Limits& limits) {
  if (query.size() > limits.max_query_bytes)
    throw BadInput("parameter q is longer than " + std::to_string(limits.max_query_bytes) +
                   " bytes (--max-query-bytes)");
  if (!text::is_valid_utf8(query)) throw BadInput("parameter q is not valid UTF-8");
  if (query.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw BadInput("parameter q is empty");
}

void check_search_request(const SearchRequest& request, const Limits& limits, std::size_t words) {
  check_query(request.query, limits);
  if (words > limits.max_query_words)
    throw BadInput("parameter q has " + std::to_string(words) + " words; at most " +
                   std::to_string(limits.max_query_words) +
                   " are searched for (--max-query-words)");
  check_whole_number("size", request.size, 1, limits.max_page_size);
  check_whole_number("page", request.page, 1, limits.max_result_depth);
  if (static_cast<long long>(request.page) * request.size > limits.max_result_depth)
    throw BadInput("parameter page is out of range: page × size may be at most " +
                   std::to_string(limits.max_result_depth) + " (--max-result-depth)");
  check_filter_values("source", request.sources);
  check_filter_values("type", request.types);
  if (!request.from.empty() && !request.to.empty() && request.from > request.to)
    throw BadInput("parameter from is after parameter to");
}

}  // namespace opslag
