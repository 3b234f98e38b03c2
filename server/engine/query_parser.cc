// A small recursive-descent parser for the query language; ClauseQueries makes each clause's
// query, with words through DanishAnalyzer.
#include "server/engine/query_parser.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "schema/errors.h"
#include "server/engine/clause_queries.h"
#include "server/engine/query_lexer.h"
#include "server/engine/word_coordination.h"

namespace opslag {
namespace {

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

/// Whether `tokens` hold anything but stop words: else the stop words are searched for.
bool has_content_word(const std::vector<Token>& tokens, const DanishAnalyzer& analyzer) {
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kPhrase || !t.field.empty()) return true;
    if (t.kind != TokenKind::kWord) continue;
    for (const AnalyzedWord& w : analyzer.analyze(t.text, Stemming::kNone))
      if (!w.alternative && !analyzer.is_stopword(w.word)) return true;
  }
  return false;
}

/// The clauses of one group, by how they combine.
struct Group {
  std::vector<Xapian::Query> required, optional, excluded, filters;
  std::vector<std::string> plain_words;  ///< for the phrase bonus and synonyms
  /// Where each run of plain words that stand side by side in the query begins in
  /// `plain_words` ("digitalisering titel:strategi 2016": two runs of one word).
  std::vector<std::size_t> run_starts;
  /// For each plain word, the index in `optional` of its clause; none for a stop word.
  std::vector<std::optional<std::size_t>> clause_of_word;
};

/// The optional clauses of `group` as coordinated() takes them: each clause, joined with the
/// synonyms of its words ("AI" OR "kunstig intelligens") into the units a document must match
/// enough of, and their phrases apart. Nullopt when the clauses are not to be coordinated: fewer
/// units than kMinCoordinatedClauses or more clauses than kMaxCoordinatedClauses, or one that is
/// only a phrase.
std::optional<CoordinationParts> coordination_parts(const Group& group,
                                                    const std::vector<SynonymQuery>& synonyms,
                                                    const Xapian::Query& phrase_bonus) {
  const std::size_t n = group.optional.size();
  if (n < kMinCoordinatedClauses || n > kMaxCoordinatedClauses) return std::nullopt;
  CoordinationParts parts;
  std::vector<Xapian::Query> loose, words;
  for (const Xapian::Query& clause : group.optional) {
    const auto part = without_phrases(clause, parts.phrases);
    if (!part || part->empty()) return std::nullopt;
    loose.push_back(*part);
    words.push_back(*part);
  }
  // unit[i]: which unit clause i belongs to; units merge where a synonym spans clauses.
  std::vector<std::size_t> unit(n);
  for (std::size_t i = 0; i < n; ++i) unit[i] = i;
  std::vector<std::vector<Xapian::Query>> alternatives(n);
  for (const SynonymQuery& s : synonyms) {
    std::optional<std::size_t> first;
    for (std::size_t w = s.first; w < s.first + s.length; ++w) {
      const auto clause = group.clause_of_word[w];
      if (!clause) continue;
      if (!first) first = unit[*clause];
      for (std::size_t& u : unit)
        if (u == unit[*clause]) u = *first;
    }
    if (first) alternatives[*first].push_back(s.loose);
    words.push_back(s.loose);
    if (s.phrase) parts.phrases.push_back(s.query);
  }
  for (std::size_t u = 0; u < n; ++u) {
    std::vector<Xapian::Query> members;
    for (std::size_t i = 0; i < n; ++i)
      if (unit[i] == u) members.push_back(loose[i]);
    if (members.empty()) continue;
    Xapian::Query q = combine(Xapian::Query::OP_AND, members);
    for (const Xapian::Query& a : alternatives[u]) q = Xapian::Query(Xapian::Query::OP_OR, q, a);
    parts.units.push_back(q);
  }
  if (parts.units.size() < kMinCoordinatedClauses) return std::nullopt;
  if (!phrase_bonus.empty()) parts.phrases.push_back(phrase_bonus);
  parts.words = combine(Xapian::Query::OP_OR, words);
  return parts;
}

/// Builds the Xapian query for a token stream; one instance per parse.
class Builder {
 public:
  Builder(const Schema& schema, const DanishAnalyzer& analyzer, const SynonymExpander& synonyms,
          const WordFrequency& vocabulary, const NearestSpelling& spelling,
          unsigned max_wildcard_terms, const std::vector<Token>& tokens, ParsedQuery& out)
      : clauses_(schema, analyzer, synonyms, vocabulary, spelling, max_wildcard_terms,
                 !has_content_word(tokens, analyzer), out),
        tokens_(tokens) {}

  Xapian::Query parse_all() {
    Xapian::Query q = parse_or();
    if (pos_ != tokens_.size()) throw QuerySyntaxError{};
    return q;
  }

 private:
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
    bool side_by_side = false;  // the last clause was a plain word
    while (at(TokenKind::kWord) || at(TokenKind::kPhrase) || at(TokenKind::kOpen)) {
      const Token& token = tokens_[pos_];
      const bool filter = token.field == "kilde" || token.field == "type" ||
                          token.field == "dato" || token.field == "år";
      const std::size_t words_before = group.plain_words.size();
      Xapian::Query q =
          parse_clause(token.sign == 0 && token.field.empty() ? &group.plain_words : nullptr);
      any = true;
      const bool plain = group.plain_words.size() > words_before;
      if (plain && !side_by_side) group.run_starts.push_back(words_before);
      side_by_side = plain;
      if (plain)
        group.clause_of_word.push_back(q.empty() ? std::nullopt
                                                 : std::optional(group.optional.size()));
      if (q.empty()) continue;
      if (token.sign == '-') {
        group.excluded.push_back(q);
      } else if (filter) {
        group.filters.push_back(q);
      } else {
        (token.sign == '+' ? group.required : group.optional).push_back(q);
      }
    }
    if (!any) throw QuerySyntaxError{};
    return assemble(group);
  }

  /// The words of each run of `group`'s plain words.
  static std::vector<std::pair<std::size_t, std::vector<std::string>>> runs(const Group& group) {
    std::vector<std::pair<std::size_t, std::vector<std::string>>> out;
    for (std::size_t r = 0; r < group.run_starts.size(); ++r) {
      const std::size_t begin = group.run_starts[r];
      const std::size_t end =
          r + 1 < group.run_starts.size() ? group.run_starts[r + 1] : group.plain_words.size();
      out.emplace_back(begin, std::vector<std::string>(group.plain_words.begin() + begin,
                                                       group.plain_words.begin() + end));
    }
    return out;
  }

  /// The synonyms and joined neighbours of each run, by the index of their first word in
  /// `group.plain_words`: words apart in the query are no synonym or word together.
  std::vector<SynonymQuery> synonyms_of_runs(const Group& group) {
    std::vector<SynonymQuery> out;
    for (const auto& [begin, words] : runs(group)) {
      std::vector<SynonymQuery> found = clauses_.synonyms_of(words);
      for (SynonymQuery& s : clauses_.joined_neighbours(words)) found.push_back(std::move(s));
      for (SynonymQuery& s : found) {
        s.first += begin;
        out.push_back(std::move(s));
      }
    }
    return out;
  }

  /// The phrase bonus of each run of two words or more, any of them.
  Xapian::Query phrase_bonuses(const Group& group) {
    std::vector<Xapian::Query> bonuses;
    for (const auto& [begin, words] : runs(group))
      if (words.size() >= 2)
        if (Xapian::Query bonus = clauses_.phrase_bonus(words); !bonus.empty())
          bonuses.push_back(std::move(bonus));
    return bonuses.empty() ? Xapian::Query() : combine(Xapian::Query::OP_OR, bonuses);
  }

  Xapian::Query assemble(Group& group) {
    const std::vector<SynonymQuery> synonyms = synonyms_of_runs(group);
    const Xapian::Query phrase_bonus = phrase_bonuses(group);
    const auto coordination =
        group.required.empty() ? coordination_parts(group, synonyms, phrase_bonus) : std::nullopt;
    for (const SynonymQuery& s : synonyms) group.optional.push_back(s.query);
    if (!phrase_bonus.empty()) group.optional.push_back(phrase_bonus);
    Xapian::Query q;
    if (!group.required.empty()) {
      q = combine(Xapian::Query::OP_AND, group.required);
      if (!group.optional.empty())
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                          combine(Xapian::Query::OP_OR, group.optional));
    } else {
      q = coordination ? coordinated(*coordination) : combine(Xapian::Query::OP_OR, group.optional);
    }
    if (!group.filters.empty()) {
      const Xapian::Query filter = combine(Xapian::Query::OP_AND, group.filters);
      q = q.empty() ? unweighted(filter) : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    }
    if (!group.excluded.empty()) {
      if (q.empty()) throw QuerySyntaxError{};  // only exclusions: nothing to match
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                        combine(Xapian::Query::OP_OR, group.excluded));
    }
    return q;
  }

  Xapian::Query parse_clause(std::vector<std::string>* plain_words) {
    const Token& token = tokens_[pos_++];
    if (token.kind == TokenKind::kOpen) {
      if (++nesting_ > kMaxNesting) throw QuerySyntaxError{};
      Xapian::Query q = parse_or();
      if (!at(TokenKind::kClose)) throw QuerySyntaxError{};
      ++pos_;
      --nesting_;
      return q;
    }
    if (!token.field.empty()) return clauses_.field(token);
    if (token.kind == TokenKind::kPhrase) return clauses_.exact_phrase("", token.text);
    if (at(TokenKind::kNear)) return near(token);
    return clauses_.free_word("", token.text, plain_words);
  }

  /// `a NEAR b NEAR/3 c`: the words as written, each within the distance of the next.
  Xapian::Query near(const Token& first) {
    std::vector<std::string> words = clauses_.single_words(first.text);
    int distance = 0;
    while (at(TokenKind::kNear) && at(TokenKind::kWord, 1) && tokens_[pos_ + 1].field.empty()) {
      distance = std::max(distance, tokens_[pos_].distance);
      for (std::string& w : clauses_.single_words(tokens_[pos_ + 1].text))
        words.push_back(std::move(w));
      pos_ += 2;
    }
    if (at(TokenKind::kNear) || words.size() < 2) throw QuerySyntaxError{};
    return clauses_.near(words, distance);
  }

  ClauseQueries clauses_;
  const std::vector<Token>& tokens_;
  std::size_t pos_ = 0;
  int nesting_ = 0;  ///< parentheses open around the clause being parsed
};

/// Every word of `text` with the syntax characters taken out.
std::string plain_words(std::string_view text) {
  std::string out(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '"' || c == '(' || c == ')' || c == '*'; },
      ' ');
  return out;
}

bool is_operator(const Token& t) {
  return t.kind == TokenKind::kAnd || t.kind == TokenKind::kOr || t.kind == TokenKind::kNot ||
         t.kind == TokenKind::kNear;
}

/// The tokens of `text` read as plain words: no signs or fields, and no operators, which were
/// written in capitals as operators ("NemID AND" does not search the word "and", a duck), unless
/// nothing else is left.
std::vector<Token> as_plain_words(std::string_view text) {
  std::vector<Token> tokens = tokenize(plain_words(text));
  if (!std::all_of(tokens.begin(), tokens.end(), is_operator)) std::erase_if(tokens, is_operator);
  std::vector<Token> words;
  for (Token t : tokens) {
    if (!t.field.empty()) t.text = t.field + " " + t.text;
    t.kind = TokenKind::kWord;
    t.sign = 0;
    t.field.clear();
    words.push_back(std::move(t));
  }
  return words;
}

}  // namespace

ParsedQuery QueryParser::parse(std::string_view text, const WordFrequency& vocabulary,
                               const NearestSpelling& spelling) const {
  if (analyzer_.analyze(text, Stemming::kNone).empty())
    throw BadInput("the query has no words to search for");
  ParsedQuery out;
  try {
    out.query = Builder(schema_, analyzer_, synonyms_, vocabulary, spelling, max_wildcard_terms_,
                        tokenize(text), out)
                    .parse_all();
  } catch (const QuerySyntaxError&) {
    out = ParsedQuery{};
    out.as_plain_words = true;
    try {
      out.query = Builder(schema_, analyzer_, synonyms_, vocabulary, spelling, max_wildcard_terms_,
                          as_plain_words(text), out)
                      .parse_all();
    } catch (const QuerySyntaxError&) {
      throw BadInput("the query has no words to search for");
    }
  }
  if (out.query.empty()) throw BadInput("the query has no words to search for");
  return out;
}

}  // namespace opslag
