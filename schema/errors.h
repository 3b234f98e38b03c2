// The few exception types Opslag throws; each edge (HTTP routes, main) maps them to a status.
#pragma once

#include <stdexcept>
#include <string>

namespace opslag {

/// Base of every error Opslag throws itself.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Input from a user (query, parameter, file content) is not acceptable: HTTP 400, exit 2.
class BadInput : public Error {
 public:
  using Error::Error;
};

/// schema.json (or a file it names) is malformed: names the file, the line and the problem.
class SchemaError : public Error {
 public:
  SchemaError(const std::string& file, int line, const std::string& problem)
      : Error(file + ":" + std::to_string(line) + ": " + problem) {}
};

/// A request asked more of the server than a limit allows it: HTTP 503 (time) or 4xx.
class LimitExceeded : public Error {
 public:
  LimitExceeded(int status, const std::string& message) : Error(message), status_(status) {}
  [[nodiscard]] int status() const { return status_; }

 private:
  int status_;
};

/// The database was built with another schema than the one loaded: reindex with opslag-index.
class IndexMismatch : public Error {
 public:
  using Error::Error;
};

/// A database cannot be opened or read (missing, being rebuilt, damaged on disk) or a remote
/// shard cannot be reached: the index is not there to search, through no fault of the request.
/// HTTP 503.
class IndexUnavailable : public Error {
 public:
  explicit IndexUnavailable(const std::string& message, std::string database = {})
      : Error(message), database_(std::move(database)) {}
  /// The database(s) as the operator named them, when known; clients are told it.
  [[nodiscard]] const std::string& database() const { return database_; }

 private:
  std::string database_;
};

/// Opslag itself went wrong, not its input: a library call failed (ICU) or the code asked for
/// something validation guarantees exists. HTTP 500, exit 2.
class InternalError : public Error {
 public:
  using Error::Error;
};

}  // namespace opslag
