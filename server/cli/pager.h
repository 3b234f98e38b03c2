// Shows long output a screen at a time, as git and man do.
#pragma once

#include <string_view>

namespace opslag {

/// Writes `text` to standard output: through $PAGER (else "less -R", with LESS=FRX unless LESS
/// is set, so a text shorter than the screen is just printed) when `to_terminal`, straight
/// otherwise or when the pager cannot be started.
void show_paged(std::string_view text, bool to_terminal);

}  // namespace opslag
