// Open, check by hash, read in pieces.
#include "server/engine/original_file.h"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace opslag {
namespace {

namespace fs = std::filesystem;

/// The media type of a file Opslag reads, by its extension.
std::string media_type_of(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".docx")
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ext == ".odt") return "application/vnd.oasis.opendocument.text";
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".md") return "text/markdown; charset=utf-8";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

OriginalFile::OriginalFile(const StoredDocument& doc) {
  const std::string named = "document \"" + doc.id + "\"";
  if (doc.file.empty() || doc.file_hash.empty())
    throw OriginalUnavailable(404, named +
                                       " has no original file here: it came from a "
                                       "JSON-lines file, or was indexed before Opslag kept "
                                       "originals (opslag-index --rebuild keeps them)");
  const fs::path file(doc.file);
  std::error_code ec;
  if (!file.is_absolute() || !fs::is_regular_file(file, ec))
    throw OriginalUnavailable(404,
                              "the original file of " + named + " is gone since it was indexed");
  in_.open(file, std::ios::binary);
  if (!in_) throw OriginalUnavailable(404, "the original file of " + named + " cannot be read");
  ContentHash hash;
  std::vector<char> chunk(1 << 20);
  while (in_) {
    in_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (got == 0) break;
    hash.update({chunk.data(), got});
    size_ += got;
  }
  if (in_.bad())
    throw OriginalUnavailable(404, "the original file of " + named + " cannot be read");
  if (hash.hex() != doc.file_hash)
    throw OriginalUnavailable(409, "the original file of " + named +
                                       " changed since it was indexed: it is served again "
                                       "once opslag-index has read the new version");
  in_.clear();
  expected_hash_ = doc.file_hash;
  media_type_ = media_type_of(file);
  name_ = file.filename().string();
}

bool OriginalFile::read(std::uintmax_t offset, std::size_t length, std::string& out) {
  if (offset > size_) return false;
  length = static_cast<std::size_t>(std::min<std::uintmax_t>(length, size_ - offset));
  out.resize(length);
  in_.clear();
  in_.seekg(static_cast<std::streamoff>(offset));
  in_.read(out.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in_.gcount()) != length) return false;
  if (offset == hashed_to_) {
    served_.update(out);
    hashed_to_ += length;
    if (hashed_to_ == size_ && served_.hex() != expected_hash_) return false;
  }
  return true;
}

}  // namespace opslag
