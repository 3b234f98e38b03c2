// The query language's tokens.
#include "server/engine/query_lexer.h"

#include <array>
#include <charconv>
#include <utility>

namespace opslag {
namespace {

Token token(TokenKind kind, std::string text = "", char sign = 0, std::string field = "",
            int distance = 0) {
  Token t;
  t.kind = kind;
  t.text = std::move(text);
  t.sign = sign;
  t.field = std::move(field);
  t.distance = distance;
  return t;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool ends_word(char c) { return is_space(c) || c == '"' || c == '(' || c == ')'; }

/// The field a `name:` prefix names ("Kilde" and "source" -> "kilde"), or "".
std::string field_name(std::string_view name) {
  static const std::array<std::pair<std::string_view, std::string_view>, 11> kFields = {{
      {"titel", "titel"},
      {"title", "titel"},
      {"kilde", "kilde"},
      {"source", "kilde"},
      {"type", "type"},
      {"dato", "dato"},
      {"date", "dato"},
      {"år", "år"},
      {"År", "år"},
      {"year", "år"},
      {"aar", "år"},
  }};
  std::string lower(name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const auto& [written, field] : kFields)
    if (lower == written || std::string_view(name) == written) return std::string(field);
  return "";
}

/// AND, OR, NOT, NEAR and their Danish names; anything else is a word.
Token operator_token(std::string_view word) {
  if (word == "AND" || word == "OG") return token(TokenKind::kAnd, std::string(word));
  if (word == "OR" || word == "ELLER") return token(TokenKind::kOr, std::string(word));
  if (word == "NOT" || word == "IKKE") return token(TokenKind::kNot, std::string(word));
  if (word == "NEAR" || word == "NÆR")
    return token(TokenKind::kNear, std::string(word), 0, "", kDefaultNearDistance);
  if (word.starts_with("NEAR/")) {
    int distance = 0;
    const std::string_view n = word.substr(5);
    const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), distance);
    if (ec == std::errc() && end == n.data() + n.size() && distance >= 1 && distance <= 100)
      return token(TokenKind::kNear, std::string(word), 0, "", distance);
  }
  return token(TokenKind::kWord, std::string(word));
}

/// Reads a quoted phrase starting at text[i] == '"'; moves `i` past it.
std::string read_phrase(std::string_view text, std::size_t& i) {
  const std::size_t close = text.find('"', i + 1);
  const std::size_t end = close == std::string_view::npos ? text.size() : close;
  std::string phrase(text.substr(i + 1, end - i - 1));
  i = end + 1;
  return phrase;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    char sign = 0;
    if ((text[i] == '+' || text[i] == '-') && i + 1 < text.size() && !is_space(text[i + 1]))
      sign = text[i++];
    if (text[i] == '"') {
      tokens.push_back(token(TokenKind::kPhrase, read_phrase(text, i), sign));
      continue;
    }
    if (text[i] == '(' || text[i] == ')') {
      tokens.push_back(token(text[i] == '(' ? TokenKind::kOpen : TokenKind::kClose, "", sign));
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !ends_word(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    i = end;
    const std::size_t colon = word.find(':');
    const std::string field =
        colon == std::string_view::npos ? "" : field_name(word.substr(0, colon));
    if (!field.empty()) {
      Token t = token(TokenKind::kWord, std::string(word.substr(colon + 1)), sign, field);
      if (t.text.empty() && i < text.size() && text[i] == '"') {
        t.kind = TokenKind::kPhrase;
        t.text = read_phrase(text, i);
      }
      tokens.push_back(std::move(t));
      continue;
    }
    Token t = sign ? token(TokenKind::kWord, std::string(word)) : operator_token(word);
    t.sign = sign;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace opslag
