// Finds the line of a value inside JSON text by walking its structure.
#include "schema/json_locator.h"

#include <cctype>
#include <string>
#include <vector>

namespace opslag {
namespace {

/// Walks JSON text token by token, tracking the path of the value being read.
class JsonWalker {
 public:
  explicit JsonWalker(std::string_view text) : text_(text) {}

  /// Offset where the value at `target` starts, or npos.
  std::size_t find(const std::vector<std::string>& target) {
    target_ = target;
    found_ = std::string_view::npos;
    pos_ = 0;
    value();
    return found_;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string string_token() {
    std::string out;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\') ++pos_;
      if (pos_ < text_.size()) out += text_[pos_++];
    }
    ++pos_;  // closing quote
    return out;
  }

  void value() {
    skip_space();
    if (pos_ >= text_.size() || found_ != std::string_view::npos) return;
    if (path_ == target_) {
      found_ = pos_;
      return;
    }
    const char c = text_[pos_];
    if (c == '{') {
      object();
    } else if (c == '[') {
      array();
    } else if (c == '"') {
      string_token();
    } else {
      while (pos_ < text_.size() &&
             std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos)
        ++pos_;
    }
  }

  void object() {
    ++pos_;
    for (skip_space(); pos_ < text_.size() && text_[pos_] != '}'; skip_space()) {
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (text_[pos_] != '"') return;  // malformed: the parser reports it
      path_.push_back(string_token());
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ':') ++pos_;
      value();
      path_.pop_back();
      if (found_ != std::string_view::npos) return;
    }
    ++pos_;
  }

  void array() {
    ++pos_;
    int index = 0;
    for (skip_space(); pos_ < text_.size() && text_[pos_] != ']'; skip_space()) {
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      path_.push_back(std::to_string(index++));
      const std::size_t before = pos_;
      value();
      path_.pop_back();
      if (found_ != std::string_view::npos || pos_ == before) return;
    }
    ++pos_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::vector<std::string> path_;
  std::vector<std::string> target_;
  std::size_t found_ = std::string_view::npos;
};

}  // namespace

int line_at(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  int line = 1;
  for (char c : before) line += (c == '\n');
  return line;
}

int line_of(std::string_view text, const nlohmann::json::json_pointer& pointer) {
  std::vector<std::string> target;
  for (auto p = pointer; !p.empty(); p = p.parent_pointer())
    target.insert(target.begin(), p.back());
  const std::size_t offset = JsonWalker(text).find(target);
  return offset == std::string_view::npos ? 1 : line_at(text, offset);
}

}  // namespace opslag
