// Fuzzes Word (.docx) and OpenDocument (.odt) files. An input starting with a zip (or old
// Office) signature is read as it is, by both readers. Any other input is the XML of a document
// packed into a fresh archive, so the fuzzer reaches the XML without fighting zip checksums:
// the first byte picks the format (even: .docx, odd: .odt), then the body's XML, a NUL, the
// metadata's XML, a NUL, docProps/app.xml.
#include <zlib.h>

#include <array>
#include <vector>

#include "tests/fuzz/fuzz_support.h"

namespace opslag::fuzz {
namespace {

void put16(std::string& out, unsigned value) {
  out += static_cast<char>(value & 0xFF);
  out += static_cast<char>((value >> 8) & 0xFF);
}

void put32(std::string& out, unsigned long value) {
  put16(out, static_cast<unsigned>(value & 0xFFFF));
  put16(out, static_cast<unsigned>((value >> 16) & 0xFFFF));
}

/// A zip archive of `entries` (name, content), stored uncompressed.
std::string make_zip(const std::vector<std::pair<std::string, std::string_view>>& entries) {
  std::string archive, directory;
  for (const auto& [name, content] : entries) {
    const unsigned long crc =
        crc32(0, reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size()));
    const unsigned long offset = archive.size();
    archive += "PK\x03\x04";
    put16(archive, 20);  // version needed
    put16(archive, 0);   // flags
    put16(archive, 0);   // stored
    put32(archive, 0);   // time and date
    put32(archive, crc);
    put32(archive, content.size());
    put32(archive, content.size());
    put16(archive, static_cast<unsigned>(name.size()));
    put16(archive, 0);
    archive += name;
    archive += content;
    directory += "PK\x01\x02";
    put16(directory, 20);  // made by
    put16(directory, 20);  // needed
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, crc);
    put32(directory, content.size());
    put32(directory, content.size());
    put16(directory, static_cast<unsigned>(name.size()));
    put32(directory, 0);  // extra and comment lengths
    put32(directory, 0);  // disk, internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += name;
  }
  const unsigned long directory_at = archive.size();
  archive += directory;
  archive += "PK\x05\x06";
  put32(archive, 0);  // disk numbers
  put16(archive, static_cast<unsigned>(entries.size()));
  put16(archive, static_cast<unsigned>(entries.size()));
  put32(archive, directory.size());
  put32(archive, directory_at);
  put16(archive, 0);
  return archive;
}

/// The parts of `xml` between NUL bytes, at most `n`.
std::vector<std::string_view> sections(std::string_view xml, std::size_t n) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < n) {
    const std::size_t nul = xml.find('\0');
    if (nul == std::string_view::npos) break;
    out.push_back(xml.substr(0, nul));
    xml.remove_prefix(nul + 1);
  }
  out.push_back(xml);
  return out;
}

}  // namespace
}  // namespace opslag::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace opslag;
  const std::string_view input = fuzz::as_text(data, size);
  if (input.empty()) return 0;
  if (input.starts_with("PK") || input.starts_with("\xD0\xCF")) {
    fuzz::read_and_check("fuzz.docx", input);
    fuzz::read_and_check("fuzz.odt", input);
    return 0;
  }
  const bool odt = (data[0] & 1) != 0;
  const auto parts = fuzz::sections(input.substr(1), 3);
  const std::array<const char*, 3> names =
      odt ? std::array<const char*, 3>{"content.xml", "meta.xml", "styles.xml"}
          : std::array<const char*, 3>{"word/document.xml", "docProps/core.xml",
                                       "docProps/app.xml"};
  std::vector<std::pair<std::string, std::string_view>> entries;
  if (odt) entries.emplace_back("mimetype", "application/vnd.oasis.opendocument.text");
  for (std::size_t i = 0; i < parts.size(); ++i) entries.emplace_back(names[i], parts[i]);
  fuzz::read_and_check(odt ? "fuzz.odt" : "fuzz.docx", fuzz::make_zip(entries));
  return 0;
}
