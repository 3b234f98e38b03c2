// A small recursive-descent parser for the query language; words go through DanishAnalyzer.
#include "query_parser.h"

#include <algorithm>

#include "document_terms.h"
#include "errors.h"

namespace opslag {
namespace {

enum class TokenKind { kWord, kPhrase, kOpen, kClose, kAnd, kOr, kNot };

struct Token {
  TokenKind kind;
  std::string text;
  char sign = 0;  ///< '+' or '-' written before a word, phrase or parenthesis
};

/// Thrown inside the parser when the syntax is not understood; parse() then reads words.
struct SyntaxError {};

TokenKind operator_kind(std::string_view word) {
  if (word == "AND" || word == "OG") return TokenKind::kAnd;
  if (word == "OR" || word == "ELLER") return TokenKind::kOr;
  if (word == "NOT" || word == "IKKE") return TokenKind::kNot;
  return TokenKind::kWord;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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
      const std::size_t close = text.find('"', i + 1);  // an unclosed quote runs to the end
      const std::size_t end = close == std::string_view::npos ? text.size() : close;
      tokens.push_back({TokenKind::kPhrase, std::string(text.substr(i + 1, end - i - 1)), sign});
      i = end + 1;
    } else if (text[i] == '(' || text[i] == ')') {
      tokens.push_back({text[i] == '(' ? TokenKind::kOpen : TokenKind::kClose, "", sign});
      ++i;
    } else {
      std::size_t end = i;
      while (end < text.size() && !is_space(text[end]) && text[end] != '"' && text[end] != '(' &&
             text[end] != ')')
        ++end;
      const std::string word(text.substr(i, end - i));
      const TokenKind kind = sign ? TokenKind::kWord : operator_kind(word);
      tokens.push_back({kind, word, sign});
      i = end;
    }
  }
  return tokens;
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(op, parts.begin(), parts.end());
}

/// Builds the Xapian query for a token stream; one instance per parse.
class Builder {
 public:
  Builder(const DanishAnalyzer& analyzer, const std::vector<Token>& tokens, ParsedQuery& out)
      : analyzer_(analyzer), tokens_(tokens), out_(out) {
    keep_stopwords_ = !has_content_word();
  }

  Xapian::Query parse_all() {
    Xapian::Query q = parse_or();
    if (pos_ != tokens_.size()) throw SyntaxError{};
    return q;
  }

 private:
  bool has_content_word() const {
    for (const Token& t : tokens_) {
      if (t.kind == TokenKind::kPhrase) return true;
      if (t.kind != TokenKind::kWord) continue;
      for (const AnalyzedWord& w : analyzer_.analyze(t.text))
        if (!w.alternative && !analyzer_.is_stopword(w.word)) return true;
    }
    return false;
  }

  bool at(TokenKind kind) const { return pos_ < tokens_.size() && tokens_[pos_].kind == kind; }

  Xapian::Query parse_or() {
    std::vector<Xapian::Query> parts{parse_and()};
    while (at(TokenKind::kOr)) {
      ++pos_;
      parts.push_back(parse_and());
    }
    return combine(Xapian::Query::OP_OR, parts);
  }

  Xapian::Query parse_and() {
    std::vector<Xapian::Query> parts{parse_not()};
    while (at(TokenKind::kAnd)) {
      ++pos_;
      parts.push_back(parse_not());
    }
    return combine(Xapian::Query::OP_AND, parts);
  }

  Xapian::Query parse_not() {
    Xapian::Query q = parse_group();
    while (at(TokenKind::kNot)) {
      ++pos_;
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, parse_group());
    }
    return q;
  }

  /// Clauses side by side: +required (AND), -excluded (AND_NOT), plain ones OR'd for rank.
  Xapian::Query parse_group() {
    std::vector<Xapian::Query> required, optional, excluded;
    std::vector<std::string> plain_words;  // for the phrase bonus
    bool any = false;
    while (pos_ < tokens_.size() && (at(TokenKind::kWord) || at(TokenKind::kPhrase) ||
                                     at(TokenKind::kOpen))) {
      const Token& token = tokens_[pos_];
      Xapian::Query q = parse_clause(plain_words);
      any = true;
      if (q.empty()) continue;
      (token.sign == '+' ? required : token.sign == '-' ? excluded : optional).push_back(q);
    }
    if (!any) throw SyntaxError{};
    if (plain_words.size() >= 2) optional.push_back(phrase(plain_words));
    Xapian::Query q;
    if (!required.empty()) {
      q = combine(Xapian::Query::OP_AND, required);
      if (!optional.empty())
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, combine(Xapian::Query::OP_OR, optional));
    } else {
      q = combine(Xapian::Query::OP_OR, optional);
    }
    if (!excluded.empty()) {
      if (q.empty()) throw SyntaxError{};  // only exclusions: nothing to match
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, combine(Xapian::Query::OP_OR, excluded));
    }
    return q;
  }

  Xapian::Query parse_clause(std::vector<std::string>& plain_words) {
    const Token& token = tokens_[pos_++];
    if (token.kind == TokenKind::kOpen) {
      Xapian::Query q = parse_or();
      if (!at(TokenKind::kClose)) throw SyntaxError{};
      ++pos_;
      return q;
    }
    if (token.kind == TokenKind::kPhrase) return exact_phrase(token.text);
    return free_word(token.text, token.sign == 0 ? &plain_words : nullptr);
  }

  /// One typed word, which the analyzer may split ("e-Boks", "2016-2020"): a single word
  /// matches by stem; several match as a phrase, or by their joined form ("eboks").
  Xapian::Query free_word(const std::string& text, std::vector<std::string>* plain_words) {
    std::vector<std::string> primaries;
    std::vector<Xapian::Query> alternatives;
    const auto words = analyzer_.analyze(text);
    for (const AnalyzedWord& w : words) {
      if (!w.alternative) {
        primaries.push_back(w.word);
      } else if (w.begin == words.front().begin && w.end == words.back().end &&
                 w.end - w.begin > w.word.size()) {
        alternatives.emplace_back(stem_term("", w.stem));  // joined hyphen chain
        out_.stems.insert(w.stem);
      }
    }
    if (primaries.empty()) return Xapian::Query();
    if (primaries.size() == 1) {
      const std::string& word = primaries[0];
      if (!keep_stopwords_ && analyzer_.is_stopword(word)) {
        out_.ignored.push_back(word);
        if (plain_words) plain_words->push_back(word);
        return Xapian::Query();
      }
      const std::string stem = analyzer_.stem(word);
      out_.stems.insert(stem);
      if (plain_words) plain_words->push_back(word);
      return Xapian::Query(stem_term("", stem), 1, next_position());
    }
    alternatives.push_back(phrase(primaries));
    return combine(Xapian::Query::OP_OR, alternatives);
  }

  Xapian::Query exact_phrase(const std::string& text) {
    std::vector<std::string> words;
    for (const AnalyzedWord& w : analyzer_.analyze(text))
      if (!w.alternative) words.push_back(w.word);
    if (words.empty()) return Xapian::Query();
    return phrase(words);
  }

  Xapian::Query phrase(const std::vector<std::string>& words) {
    std::vector<Xapian::Query> terms;
    out_.phrases.push_back(words);
    for (const std::string& w : words) {
      terms.emplace_back(word_term("", w), 1, next_position());
    }
    if (terms.size() == 1) return terms[0];
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
  }

  Xapian::termpos next_position() { return ++position_; }

  const DanishAnalyzer& analyzer_;
  const std::vector<Token>& tokens_;
  ParsedQuery& out_;
  std::size_t pos_ = 0;
  Xapian::termpos position_ = 0;
  bool keep_stopwords_ = false;
};

/// Every word of `text` with the syntax characters taken out.
std::string plain_words(std::string_view text) {
  std::string out(text);
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '"' || c == '(' || c == ')'; }, ' ');
  return out;
}

}  // namespace

ParsedQuery QueryParser::parse(std::string_view text) const {
  if (analyzer_.analyze(text).empty()) throw BadInput("the query has no words to search for");
  ParsedQuery out;
  try {
    const auto tokens = tokenize(text);
    out.query = Builder(analyzer_, tokens, out).parse_all();
  } catch (const SyntaxError&) {
    out = ParsedQuery{};
    out.as_plain_words = true;
    std::vector<Token> words;
    for (Token t : tokenize(plain_words(text))) {
      t.kind = TokenKind::kWord;
      t.sign = 0;
      words.push_back(t);
    }
    try {
      out.query = Builder(analyzer_, words, out).parse_all();
    } catch (const SyntaxError&) {
      throw BadInput("the query has no words to search for");
    }
  }
  if (out.query.empty()) throw BadInput("the query has no words to search for");
  return out;
}

}  // namespace opslag
