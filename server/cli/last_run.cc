// A search's last-run stamp, in a file per search.
#include "server/cli/last_run.h"

#include <fstream>
#include <system_error>

#include "schema/content_hash.h"
#include "schema/errors.h"
#include "schema/indexed_time.h"

namespace opslag {

namespace fs = std::filesystem;

fs::path LastRun::default_file(const SearchRequest& request,
                               const std::vector<std::string>& databases,
                               const char* xdg_state_home, const char* home) {
  fs::path dir;
  if (xdg_state_home && *xdg_state_home) {
    dir = fs::path(xdg_state_home) / "opslag";
  } else if (home && *home) {
    dir = fs::path(home) / ".local" / "state" / "opslag";
  } else {
    throw BadInput("--new-since-last-run needs XDG_STATE_HOME or HOME set, or --last-run-file");
  }
  // Each part ends in a NUL, so no two searches run together into one key.
  std::string key = request.query + '\0';
  for (const auto* list : {&request.sources, &request.types, &databases}) {
    for (const std::string& value : *list) key += value + '\0';
    key += '\1';
  }
  key += request.from + '\0' + request.to + '\0';
  return dir / ("new-since-" + content_hash(key).substr(0, 16));
}

std::string LastRun::read() const {
  std::error_code ec;
  if (!fs::exists(file_, ec)) return "";
  std::ifstream in(file_);
  std::string stamp;
  if (!in || !std::getline(in, stamp))
    throw BadInput(file_.string() + ": cannot read the time of the last run");
  if (indexed_unix_seconds(stamp) == 0 || stamp.size() != 27)
    throw BadInput(file_.string() +
                   ": does not hold the time of a last run (remove it to start over)");
  return stamp;
}

void LastRun::write(std::string_view stamp) const {
  std::error_code ec;
  if (file_.has_parent_path()) fs::create_directories(file_.parent_path(), ec);
  const fs::path temporary = file_.string() + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << stamp << '\n';
    if (!out.flush()) throw Error(temporary.string() + ": cannot write the time of this run");
  }
  fs::rename(temporary, file_, ec);
  if (ec) throw Error(file_.string() + ": cannot keep the time of this run: " + ec.message());
}

}  // namespace opslag
