// Turns the bytes of a text file into UTF-8, whatever encoding older Danish files came in.
#pragma once

#include <string>
#include <string_view>

namespace opslag {

/// `bytes` as UTF-8: UTF-8 (with or without BOM) as it is; UTF-16 with a BOM converted; else
/// the encoding ICU's charset detector finds, of windows-1252 and ISO-8859-1 (read as
/// windows-1252, its superset, so "æ", "ø", "å" and curly quotes come out right). Throws
/// BadInput for binary data (NUL or other control bytes in a file with no UTF-16 BOM) and for
/// text in any other encoding, naming what ICU took it for.
[[nodiscard]] std::string to_utf8(std::string_view bytes);

}  // namespace opslag
