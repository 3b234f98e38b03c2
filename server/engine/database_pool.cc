// The pool of database handles: taken, reopened, given back.
#include "server/engine/database_pool.h"

namespace opslag {

DatabasePool::DatabasePool(const Schema& schema, std::vector<std::string> sources,
                           RemoteTimeouts timeouts, std::string lexicon)
    : schema_(schema),
      sources_(std::move(sources)),
      timeouts_(timeouts),
      lexicon_(std::move(lexicon)) {
  give_back(take());  // opens and checks every source now, so a bad one stops the start
}

DatabasePool::~DatabasePool() = default;

std::unique_ptr<DatabasePool::Handles> DatabasePool::take() const {
  std::unique_ptr<Handles> handles;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      handles = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!handles) {
    Xapian::Database all = open_sources(sources_, schema_, timeouts_);
    Xapian::Database lexicon = lexicon_.empty() ? all : open_source(lexicon_);
    return std::make_unique<Handles>(Handles{std::move(all), std::move(lexicon)});
  }
  refresh(*handles);
  return handles;
}

void DatabasePool::refresh(Handles& handles) const {
  if (handles.all.reopen()) {
    ++reopens_;
    schema_.check_compatible(handles.all, describe(sources_));
  }
  if (!lexicon_.empty()) handles.lexicon.reopen();
}

void DatabasePool::give_back(std::unique_ptr<Handles> handles) const {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(handles));
}

}  // namespace opslag
