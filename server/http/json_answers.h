// The JSON edge of the HTTP API: answers, the one table of errors to statuses, parameters.
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "schema/errors.h"
#include "server/engine/request_limits.h"

namespace opslag {

/// Answers `body` as JSON with `status`.
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

/// What a client is told of `e`: the index, named as the operator named it (a remote shard's
/// address is not), is not available.
[[nodiscard]] std::string unavailable_message(const IndexUnavailable& e);

/// Answers {"error": message} with `status`.
void send_error(httplib::Response& res, int status, const std::string& message);

/// Runs a handler for `req` and turns what it throws into a status: 400 for bad input, the
/// limit's status for a request beyond a limit, 503 when the index or a shard is not
/// available, 500 for anything else. A 500 or 503 tells the client what kind of failure it
/// was, never the internal text, which goes to standard error with the request's method and
/// path. The one error table of the API, shared by every route module and the server itself.
void guarded(const httplib::Request& req, httplib::Response& res,
             const std::function<void()>& handler);

/// The integer parameter `name`, `fallback` when absent. Throws BadInput unless it is a whole
/// number from `min` to `max`.
[[nodiscard]] int int_param(const httplib::Request& req, const char* name, int fallback, int min,
                            int max);

/// The parameter q, as check_query accepts it. Throws BadInput naming it otherwise; a missing
/// q's message shows `example`.
[[nodiscard]] std::string query_param(const httplib::Request& req, std::string_view example,
                                      const Limits& limits = {});

}  // namespace opslag
