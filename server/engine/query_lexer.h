// Splits a query into the tokens of the query language: words, phrases, operators, fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opslag {

enum class TokenKind { kWord, kPhrase, kOpen, kClose, kAnd, kOr, kNot, kNear };

/// One token of a query.
struct Token {
  TokenKind kind = TokenKind::kWord;
  std::string text;   ///< the word (an operator's too), or the phrase without its quotes
  char sign = 0;      ///< '+' or '-' written right before a word, phrase or parenthesis
  std::string field;  ///< "titel", "kilde", "type", "dato" or "år" for `field:value`, else ""
  int distance = 0;   ///< for NEAR: how many words apart its neighbours may be
};

/// The tokens of `text`. Operators are AND/OG, OR/ELLER, NOT/IKKE and NEAR or NEAR/n, in
/// capitals only; a field is `titel:`, `kilde:`, `type:`, `dato:` or `år:` (or their English
/// names title, source, date, year) before a word or a "phrase". An unclosed quote runs to the
/// end. Never fails: what is not an operator is a word.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

/// Words within this many of each other match `a NEAR b`.
inline constexpr int kDefaultNearDistance = 10;

}  // namespace opslag
