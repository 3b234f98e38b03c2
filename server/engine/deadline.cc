// The one message of a search stopped by its time limit.
#include "server/engine/deadline.h"

#include <cstdio>

#include "schema/errors.h"

namespace opslag {

void Deadline::check(const char* while_doing) const {
  if (!passed()) return;
  char text[160];
  std::snprintf(text, sizeof text,
                "the search was stopped %s, past the limit of %g ms (--request-timeout-ms): try "
                "fewer words",
                while_doing, limit_ms_);
  throw LimitExceeded(503, text);
}

}  // namespace opslag
