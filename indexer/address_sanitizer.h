// Whether this is an AddressSanitizer build, which reserves terabytes of address space: a
// memory bound by RLIMIT_AS cannot hold under it.
#pragma once

namespace opslag {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

}  // namespace opslag
