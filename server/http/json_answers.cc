// JSON answers, the mapping of exceptions to HTTP statuses, and parameter parsing.
#include "server/http/json_answers.h"

#include <xapian.h>

#include <charconv>
#include <iostream>

#include "schema/errors.h"
#include "server/engine/search_request.h"

namespace opslag {
namespace {

/// Answers `status` with `message` for the client, and writes what really happened to
/// standard error, the server's log of failures.
void fail(const httplib::Request& req, httplib::Response& res, int status,
          const std::string& message, std::string_view cause) {
  std::cerr << "opslag-server: " << req.method << ' ' << req.path << " answered " << status << ": "
            << cause << std::endl;
  send_error(res, status, message);
}

}  // namespace

std::string unavailable_message(const IndexUnavailable& e) {
  // A local database is named as the operator named it; a remote shard's address is not said
  // to clients.
  const bool named = !e.database().empty() && e.database().find("tcp:") == std::string::npos;
  return (named ? "the index " + e.database() : std::string("the index")) +
         " is not available (missing, being rebuilt or damaged): see the server's log";
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

void guarded(const httplib::Request& req, httplib::Response& res,
             const std::function<void()>& handler) {
  try {
    handler();
  } catch (const BadInput& e) {
    send_error(res, 400, e.what());
  } catch (const LimitExceeded& e) {
    send_error(res, e.status(), e.what());
  } catch (const IndexMismatch& e) {
    fail(req, res, 503, "the index was built with another schema: see the server's log", e.what());
  } catch (const IndexUnavailable& e) {
    fail(req, res, 503, unavailable_message(e), e.what());
  } catch (const Xapian::DatabaseError& e) {
    fail(req, res, 503, "the index is not available: see the server's log", e.get_description());
  } catch (const Xapian::NetworkError& e) {
    fail(req, res, 503, "a shard of the index cannot be reached: see the server's log",
         e.get_description());
  } catch (const Xapian::Error& e) {
    fail(req, res, 500, "search failed: see the server's log", e.get_description());
  } catch (const std::exception& e) {
    fail(req, res, 500, "internal error: see the server's log", e.what());
  } catch (...) {
    fail(req, res, 500, "internal error: see the server's log", "unknown exception");
  }
}

int int_param(const httplib::Request& req, const char* name, int fallback, int min, int max) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
    throw BadInput(whole_number_message(name, min, max));
  return value;
}

std::string query_param(const httplib::Request& req, std::string_view example,
                        const Limits& limits) {
  if (!req.has_param("q")) throw BadInput("parameter q is missing: " + std::string(example));
  std::string query = req.get_param_value("q");
  check_query(query, limits);
  return query;
}

}  // namespace opslag
