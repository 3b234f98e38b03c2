// The pool of database handles: taken, reopened, given back.
#include "server/engine/database_pool.h"

#include <sys/stat.h>

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
  if (!handles) return std::make_unique<Handles>(open());
  refresh(*handles);
  return handles;
}

DatabasePool::Handles DatabasePool::open() const {
  // The folders first: should one be replaced while opening, the next request opens again.
  std::vector<std::pair<dev_t, ino_t>> opened = folders();
  std::vector<Xapian::Database> each = open_each(sources_, schema_, timeouts_);
  Xapian::Database all = combine(each);
  Xapian::Database lexicon = lexicon_.empty() ? all : open_source(lexicon_);
  return Handles{std::move(all), std::move(each), std::move(lexicon), std::move(opened)};
}

DatabasePool::Handles DatabasePool::open_handles() const {
  try {
    return open();
  } catch (const Xapian::DatabaseError& e) {
    const std::string database = describe(sources_);
    throw IndexUnavailable("the index " + database + " cannot be read: " + e.get_description(),
                           database);
  }
}

std::vector<std::pair<dev_t, ino_t>> DatabasePool::folders() const {
  std::vector<std::pair<dev_t, ino_t>> found;
  std::vector<const std::string*> local;
  for (const std::string& source : sources_) local.push_back(&source);
  if (!lexicon_.empty()) local.push_back(&lexicon_);
  for (const std::string* source : local) {
    if (source->starts_with("tcp:")) continue;
    struct stat folder {};
    found.emplace_back(0, 0);
    if (::stat(source->c_str(), &folder) == 0) found.back() = {folder.st_dev, folder.st_ino};
  }
  return found;
}

void DatabasePool::refresh(Handles& handles) const {
  if (handles.folders != folders()) {  // rebuilt beside and put in the folder's place
    handles = open();
    ++reopens_;
    return;
  }
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
