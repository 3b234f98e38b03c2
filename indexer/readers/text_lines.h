// Line-level helpers the readers share: splitting, trimming, boilerplate and type words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opslag {

/// The lines of `text` without their line endings (\n, \r\n or \r).
[[nodiscard]] std::vector<std::string_view> split_lines(std::string_view text);

/// `s` without leading and trailing spaces, tabs and no-break spaces.
[[nodiscard]] std::string_view trim(std::string_view s);

/// The number of space-separated words in `line`.
[[nodiscard]] std::size_t count_words(std::string_view line);

/// True for the cookie notices and navigation lines that precede a page's headline
/// ("Vi samler statistik ved hjælp af cookies", "Læs mere om cookies", "Forside > Nyheder").
[[nodiscard]] bool is_boilerplate_line(std::string_view line);

/// The document type a word names ("Pressemeddelelse" -> "pressemeddelelse"), or nullopt.
[[nodiscard]] std::optional<std::string> document_type(std::string_view word);

/// Joins kept lines into paragraphs: one newline inside, a blank line between, none at ends.
class BodyBuilder {
 public:
  void add_line(std::string_view line);
  [[nodiscard]] std::string take();

 private:
  std::string body_;
  bool pending_break_ = false;
};

}  // namespace opslag
