// A small recursive-descent parser for the query language; words go through DanishAnalyzer.
#include "server/engine/query_parser.h"

#include <algorithm>

#include "schema/document_terms.h"
#include "schema/errors.h"
#include "server/engine/date_bounds.h"
#include "server/engine/query_lexer.h"

namespace opslag {
namespace {

/// Thrown inside the parser when the syntax is not understood; parse() then reads words.
struct SyntaxError {};

/// Parentheses nested deeper than this are not understood (and so read as plain words): each
/// level is parsed by recursion, and thousands of "(" would overflow the stack.
constexpr int kMaxNesting = 50;

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(op, parts.begin(), parts.end());
}

/// A filter narrows the matches without adding weight.
Xapian::Query unweighted(const Xapian::Query& q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0);
}

/// The clauses of one group, by how they combine.
struct Group {
  std::vector<Xapian::Query> required, optional, excluded, filters;
  std::vector<std::string> plain_words;  ///< for the phrase bonus
};

/// Builds the Xapian query for a token stream; one instance per parse.
class Builder {
 public:
  Builder(const Schema& schema, const DanishAnalyzer& analyzer, const SynonymExpander& synonyms,
          unsigned max_wildcard_terms, const std::vector<Token>& tokens, ParsedQuery& out)
      : schema_(schema),
        analyzer_(analyzer),
        synonyms_(synonyms),
        max_wildcard_terms_(max_wildcard_terms),
        tokens_(tokens),
        out_(out) {
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
      if (t.kind == TokenKind::kPhrase || !t.field.empty()) return true;
      if (t.kind != TokenKind::kWord) continue;
      for (const AnalyzedWord& w : analyzer_.analyze(t.text, Stemming::kNone))
        if (!w.alternative && !analyzer_.is_stopword(w.word)) return true;
    }
    return false;
  }

  bool at(TokenKind kind, std::size_t ahead = 0) const {
    return pos_ + ahead < tokens_.size() && tokens_[pos_ + ahead].kind == kind;
  }

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

  /// Clauses side by side: +required (AND), -excluded (AND_NOT), filters (narrow without
  /// weight), plain ones OR'd for rank with a bonus when they also stand together as a phrase.
  Xapian::Query parse_group() {
    Group group;
    bool any = false;
    while (at(TokenKind::kWord) || at(TokenKind::kPhrase) || at(TokenKind::kOpen)) {
      const Token& token = tokens_[pos_];
      const bool filter = token.field == "kilde" || token.field == "type" ||
                          token.field == "dato" || token.field == "år";
      Xapian::Query q =
          parse_clause(token.sign == 0 && token.field.empty() ? &group.plain_words : nullptr);
      any = true;
      if (q.empty()) continue;
      if (token.sign == '-') {
        group.excluded.push_back(q);
      } else if (filter) {
        group.filters.push_back(q);
      } else {
        (token.sign == '+' ? group.required : group.optional).push_back(q);
      }
    }
    if (!any) throw SyntaxError{};
    return assemble(group);
  }

  Xapian::Query assemble(Group& group) {
    expand_synonyms(group);
    if (group.plain_words.size() >= 2) group.optional.push_back(phrase("", group.plain_words));
    Xapian::Query q;
    if (!group.required.empty()) {
      q = combine(Xapian::Query::OP_AND, group.required);
      if (!group.optional.empty())
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                          combine(Xapian::Query::OP_OR, group.optional));
    } else {
      q = combine(Xapian::Query::OP_OR, group.optional);
    }
    if (!group.filters.empty()) {
      const Xapian::Query filter = combine(Xapian::Query::OP_AND, group.filters);
      q = q.empty() ? unweighted(filter) : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    }
    if (!group.excluded.empty()) {
      if (q.empty()) throw SyntaxError{};  // only exclusions: nothing to match
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                        combine(Xapian::Query::OP_OR, group.excluded));
    }
    return q;
  }

  /// Adds the other entries of every synonym group the plain words hold, as optional clauses.
  void expand_synonyms(Group& group) {
    const auto& words = group.plain_words;
    for (std::size_t i = 0; i < words.size();) {
      const auto match = synonyms_.match(words, i);
      if (!match) {
        ++i;
        continue;
      }
      const std::string from = joined({words.begin() + static_cast<long>(i),
                                       words.begin() + static_cast<long>(i + match->length)});
      for (const auto& other : match->others) {
        group.optional.push_back(other.size() == 1 ? by_stem("", other[0]) : phrase("", other));
        out_.expansions.push_back({"synonym", from, joined(other)});
      }
      i += match->length;
    }
  }

  static std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
  }

  Xapian::Query by_stem(const std::string& prefix, const std::string& word) {
    const std::string stem = analyzer_.stem(word);
    out_.stems.insert(stem);
    return Xapian::Query(stem_term(prefix, stem), 1, next_position());
  }

  /// The other Danish spelling of a word with "aa" or "å" ("aarhus" <-> "århus"), or "".
  static std::string aa_variant(const std::string& word) {
    std::string out = word;
    if (word.find("aa") != std::string::npos) {
      for (std::size_t at; (at = out.find("aa")) != std::string::npos;) out.replace(at, 2, "å");
    } else if (word.find("å") != std::string::npos) {
      for (std::size_t at; (at = out.find("å")) != std::string::npos;) out.replace(at, 2, "aa");
    } else {
      return "";
    }
    return out;
  }

  Xapian::Query parse_clause(std::vector<std::string>* plain_words) {
    const Token& token = tokens_[pos_++];
    if (token.kind == TokenKind::kOpen) {
      if (++nesting_ > kMaxNesting) throw SyntaxError{};
      Xapian::Query q = parse_or();
      if (!at(TokenKind::kClose)) throw SyntaxError{};
      ++pos_;
      --nesting_;
      return q;
    }
    if (!token.field.empty()) return field_clause(token);
    if (token.kind == TokenKind::kPhrase) return exact_phrase("", token.text);
    if (at(TokenKind::kNear)) return near(token);
    return free_word("", token.text, plain_words);
  }

  /// `titel:` searches the title; `kilde:` and `type:` filter by value; `dato:` and `år:` by
  /// a date, a year, or a range written FROM..TO.
  Xapian::Query field_clause(const Token& token) {
    if (token.field == "titel") {
      const std::string& prefix = schema_.field("title").prefix;
      return token.kind == TokenKind::kPhrase ? exact_phrase(prefix, token.text)
                                              : free_word(prefix, token.text, nullptr);
    }
    if (token.text.empty()) throw SyntaxError{};
    if (token.field == "kilde" || token.field == "type") {
      const Field& field = schema_.field(token.field == "kilde" ? "source" : "type");
      return Xapian::Query(filter_term(field.prefix, token.text));
    }
    return date_range(token.field == "år" ? "year" : "date", token.text);
  }

  Xapian::Query date_range(const std::string& field_name, const std::string& text) {
    const std::size_t dots = text.find("..");
    const std::string low = text.substr(0, dots);
    const std::string high = dots == std::string::npos ? low : text.substr(dots + 2);
    const Field& field = schema_.field(field_name);
    try {
      std::string from = low.empty() ? "" : date_bound(low, false, field_name);
      std::string to = high.empty() ? "" : date_bound(high, true, field_name);
      if (field_name == "year") {  // the year slot holds "YYYY"
        from = from.substr(0, 4);
        to = to.substr(0, 4);
      }
      if (from.empty() && to.empty()) throw SyntaxError{};
      if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, *field.value_slot, from);
      if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, *field.value_slot, to);
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, *field.value_slot, from, to);
    } catch (const BadInput&) {
      throw SyntaxError{};
    }
  }

  /// `a NEAR b NEAR/3 c`: the words as written, each within the distance of the next.
  Xapian::Query near(const Token& first) {
    std::vector<std::string> words = single_words(first.text);
    int distance = 0;
    while (at(TokenKind::kNear) && at(TokenKind::kWord, 1) && tokens_[pos_ + 1].field.empty()) {
      distance = std::max(distance, tokens_[pos_].distance);
      for (std::string& w : single_words(tokens_[pos_ + 1].text)) words.push_back(std::move(w));
      pos_ += 2;
    }
    if (at(TokenKind::kNear) || words.size() < 2) throw SyntaxError{};
    std::vector<Xapian::Query> terms;
    for (const std::string& w : words) {
      out_.phrases.push_back({w});
      terms.emplace_back(word_term("", w), 1, next_position());
    }
    const auto window =
        static_cast<Xapian::termcount>(distance + static_cast<int>(words.size()) - 1);
    return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window);
  }

  std::vector<std::string> single_words(const std::string& text) const {
    std::vector<std::string> words;
    for (const AnalyzedWord& w : analyzer_.analyze(text, Stemming::kNone))
      if (!w.alternative) words.push_back(w.word);
    if (words.empty()) throw SyntaxError{};
    return words;
  }

  /// `digitali*`: every indexed word beginning so, the most frequent max_wildcard_terms_ of them.
  Xapian::Query wildcard(const std::string& prefix, const std::string& text) {
    const std::vector<std::string> words = single_words(text.substr(0, text.size() - 1));
    if (words.size() != 1 || words[0].size() < 2) throw SyntaxError{};
    out_.prefixes.insert(words[0]);
    return Xapian::Query(Xapian::Query::OP_WILDCARD, word_term(prefix, words[0]),
                         max_wildcard_terms_, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }

  /// One typed word, which the analyzer may split ("e-Boks", "2016-2020"): a single word
  /// matches by stem; several match as a phrase, or by their joined form ("eboks").
  Xapian::Query free_word(const std::string& prefix, const std::string& text,
                          std::vector<std::string>* plain_words) {
    if (text.size() > 1 && text.back() == '*') return wildcard(prefix, text);
    std::vector<std::string> primaries;
    std::vector<Xapian::Query> alternatives;
    const auto words = analyzer_.analyze(text);
    for (const AnalyzedWord& w : words) {
      if (!w.alternative) {
        primaries.push_back(w.word);
      } else if (w.begin == words.front().begin && w.end == words.back().end &&
                 w.end - w.begin > w.word.size()) {
        alternatives.emplace_back(stem_term(prefix, w.stem));  // joined hyphen chain
        out_.stems.insert(w.stem);
        out_.expansions.push_back({"variant", text, w.word});
      }
    }
    if (primaries.empty()) return Xapian::Query();
    if (primaries.size() > 1) {
      alternatives.push_back(phrase(prefix, primaries));
      return combine(Xapian::Query::OP_OR, alternatives);
    }
    const std::string& word = primaries[0];
    if (plain_words) plain_words->push_back(word);
    if (!keep_stopwords_ && analyzer_.is_stopword(word)) {
      out_.ignored.push_back(word);
      return Xapian::Query();
    }
    out_.free_words.push_back(word);
    Xapian::Query q = by_stem(prefix, word);
    if (prefix.empty() && schema_.compounds()) q = with_compound_parts(q, word);
    if (const std::string variant = aa_variant(word); !variant.empty()) {
      out_.expansions.push_back({"spelling", word, variant});
      q = Xapian::Query(Xapian::Query::OP_OR, q, by_stem(prefix, variant));
    }
    return q;
  }

  /// `q` or, at a lower weight, a compound with `word`'s stem as a part.
  Xapian::Query with_compound_parts(const Xapian::Query& q, const std::string& word) {
    const std::string stem = analyzer_.stem(word);
    if (stem.size() < 3 || !std::all_of(stem.begin(), stem.end(), [](char c) {
          return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z');
        }))
      return q;  // numbers, codes and two-letter words are never parts
    out_.part_stems.emplace(stem, word);
    const Xapian::Query part(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(part_term(stem)),
                             QueryParser::kCompoundPartWeight);
    return Xapian::Query(Xapian::Query::OP_OR, q, part);
  }

  Xapian::Query exact_phrase(const std::string& prefix, const std::string& text) {
    std::vector<std::string> words;
    for (const AnalyzedWord& w : analyzer_.analyze(text, Stemming::kNone))
      if (!w.alternative) words.push_back(w.word);
    if (words.empty()) return Xapian::Query();
    return phrase(prefix, words);
  }

  Xapian::Query phrase(const std::string& prefix, const std::vector<std::string>& words) {
    std::vector<Xapian::Query> terms;
    out_.phrases.push_back(words);
    for (const std::string& w : words) terms.emplace_back(word_term(prefix, w), 1, next_position());
    if (terms.size() == 1) return terms[0];
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
  }

  Xapian::termpos next_position() { return ++position_; }

  const Schema& schema_;
  const DanishAnalyzer& analyzer_;
  const SynonymExpander& synonyms_;
  const unsigned max_wildcard_terms_;
  const std::vector<Token>& tokens_;
  ParsedQuery& out_;
  std::size_t pos_ = 0;
  int nesting_ = 0;  ///< parentheses open around the clause being parsed
  Xapian::termpos position_ = 0;
  bool keep_stopwords_ = false;
};

/// Every word of `text` with the syntax characters taken out.
std::string plain_words(std::string_view text) {
  std::string out(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '"' || c == '(' || c == ')' || c == '*'; },
      ' ');
  return out;
}

}  // namespace

ParsedQuery QueryParser::parse(std::string_view text) const {
  if (analyzer_.analyze(text, Stemming::kNone).empty())
    throw BadInput("the query has no words to search for");
  ParsedQuery out;
  try {
    out.query = Builder(schema_, analyzer_, synonyms_, max_wildcard_terms_, tokenize(text), out)
                    .parse_all();
  } catch (const SyntaxError&) {
    out = ParsedQuery{};
    out.as_plain_words = true;
    std::vector<Token> words;
    for (Token t : tokenize(plain_words(text))) {
      if (!t.field.empty()) t.text = t.field + " " + t.text;
      t.kind = TokenKind::kWord;
      t.sign = 0;
      t.field.clear();
      words.push_back(std::move(t));
    }
    try {
      out.query =
          Builder(schema_, analyzer_, synonyms_, max_wildcard_terms_, words, out).parse_all();
    } catch (const SyntaxError&) {
      throw BadInput("the query has no words to search for");
    }
  }
  if (out.query.empty()) throw BadInput("the query has no words to search for");
  return out;
}

}  // namespace opslag
