// XXH3-128 in hex.
#include "schema/content_hash.h"

#include <cstdio>

#include "schema/errors.h"

namespace opslag {
namespace {

std::string hex_of(XXH128_hash_t h) {
  char out[33];
  std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return out;
}

}  // namespace

ContentHash::ContentHash() {
  if (!state_ || XXH3_128bits_reset(state_.get()) == XXH_ERROR)
    throw InternalError("cannot make a hash state");
}

void ContentHash::update(std::string_view bytes) {
  XXH3_128bits_update(state_.get(), bytes.data(), bytes.size());
}

std::string ContentHash::hex() const { return hex_of(XXH3_128bits_digest(state_.get())); }

std::string content_hash(std::string_view bytes) {
  return hex_of(XXH3_128bits(bytes.data(), bytes.size()));
}

}  // namespace opslag
