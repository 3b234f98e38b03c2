// The content hash opslag-index keeps of each file, to skip unchanged files and to tell the
// server that a file changed since it was indexed.
#pragma once

#include <xxhash.h>

#include <memory>
#include <string>
#include <string_view>

namespace opslag {

/// A 128-bit XXH3 hash fed in pieces; hex() may be read between pieces.
class ContentHash {
 public:
  /// Throws InternalError if xxhash cannot make its state.
  ContentHash();

  void update(std::string_view bytes);
  /// The hash of every piece so far, as 32 hex digits.
  [[nodiscard]] std::string hex() const;

 private:
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state_{XXH3_createState(),
                                                                  &XXH3_freeState};
};

/// The hash of `bytes` in one piece: ContentHash's hex() after one update().
[[nodiscard]] std::string content_hash(std::string_view bytes);

}  // namespace opslag
