// Percent-encoding and the link paths.
#include "server/json/document_links.h"

namespace opslag {

std::string percent_encoded(std::string_view text, bool keep_slashes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' ||
        b == '.' || b == '_' || b == '~' || (keep_slashes && b == '/')) {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  return out;
}

std::string view_path(std::string_view id, std::string_view query) {
  std::string out = "/d/" + percent_encoded(id, true);
  if (!query.empty()) out += "?q=" + percent_encoded(query);
  return out;
}

std::string file_path(const StoredDocument& doc, int page) {
  if (doc.file.empty()) return "";
  std::string out = "/documents/" + percent_encoded(doc.id, true) + "/file";
  if (page > 0) out += "#page=" + std::to_string(page);
  return out;
}

}  // namespace opslag
