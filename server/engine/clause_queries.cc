// The Xapian queries of single clauses: stems, phrases, wildcards, fields and date ranges, NEAR,
// and the widening by synonyms, aa/å spellings, joined forms and compound parts.
#include "server/engine/clause_queries.h"

#include <algorithm>

#include "schema/analysis/icu_text.h"
#include "schema/document_terms.h"
#include "schema/errors.h"
#include "server/engine/date_bounds.h"

namespace opslag {
namespace {

Xapian::Query any_of(const std::vector<Xapian::Query>& parts) {
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

/// True if `word` (folded) is letters only: no digits, no inner punctuation.
bool letters_only(const std::string& word) {
  return std::all_of(word.begin(), word.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z');
  });
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

/// The other Danish spelling of a word with "aa" or "å" ("aarhus" <-> "århus"), or "".
std::string aa_variant(const std::string& word) {
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

/// `word` cut where letters meet digits ("iso27001": "iso", "27001"); itself when they do not.
std::vector<std::string> letters_and_digits_apart(const std::string& word) {
  std::vector<std::string> parts;
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i == 0 || is_digit(word[i]) != is_digit(word[i - 1])) parts.emplace_back();
    parts.back() += word[i];
  }
  return parts;
}

}  // namespace

Xapian::Query ClauseQueries::free_word(const std::string& prefix, const std::string& text,
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
    // A hyphenated word is one word of the query: its phrase weighs as much as one of its
    // words ("kønsneutrale cpr-numre": a speech saying "cpr-numre" three times no longer
    // outranks the one saying both).
    const std::size_t content = content_words(primaries);
    Xapian::Query whole = phrase(prefix, primaries);
    if (content > 1)
      whole =
          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, whole, 1.0 / static_cast<double>(content));
    alternatives.push_back(whole);
    if (prefix.empty() && schema_.compounds())
      if (Xapian::Query parts = hyphen_parts(primaries); !parts.empty())
        alternatives.push_back(parts);
    return any_of(alternatives);
  }
  if (!keep_stopwords_ && analyzer_.is_stopword(primaries[0])) {
    if (plain_words) plain_words->push_back(primaries[0]);
    out_.ignored.push_back(primaries[0]);
    return Xapian::Query();
  }
  // As the archive spells it for the phrase bonus and the synonyms too ("kunstig inteligens"
  // meets "kunstig intelligens" side by side, and "ai"), and for the suggestion, which then
  // finds nothing to mend in it.
  const std::string word = as_the_archive_spells(primaries[0]);
  out_.free_words.push_back(word);
  if (plain_words) plain_words->push_back(word);
  Xapian::Query q = by_stem(prefix, word);
  if (prefix.empty() && schema_.compounds()) q = with_split(with_compound_parts(q, word), word);
  q = with_other_forms(q, prefix, word);
  q = with_letters_and_digits_apart(q, prefix, word);
  if (const std::string variant = aa_variant(word); !variant.empty()) {
    out_.expansions.push_back({"spelling", word, variant});
    q = Xapian::Query(Xapian::Query::OP_OR, q, by_stem(prefix, variant));
  }
  return q;
}

/// `word`, or the archive's spelling of it where neither the archive nor the dictionary holds
/// it and that spelling has another stem: a form of a word the archive holds ("govcloudens")
/// stays as typed, and so do codes ("iso27001" is no slip of "iso27002").
std::string ClauseQueries::as_the_archive_spells(const std::string& word) {
  if (!spelling_ || !vocabulary_ || !letters_only(word) ||
      text::char_count(word) < QueryParser::kMinRespelledLetters || vocabulary_(word) > 0 ||
      analyzer_.is_dictionary_word(word) || synonyms_.match({word}, 0))
    return word;
  std::string fix = spelling_(word);
  if (fix.empty() || fix == word || analyzer_.stem(fix) == analyzer_.stem(word)) return word;
  out_.expansions.push_back({"respelled", word, fix});
  return fix;
}

Xapian::Query ClauseQueries::by_stem(const std::string& prefix, const std::string& word) {
  const std::string stem = analyzer_.stem(word);
  out_.stems.insert(stem);
  return Xapian::Query(stem_term(prefix, stem), 1, next_position());
}

/// `q` or the letters and digits of `word` apart ("iso27001": "ISO 27001", also "ISO/IEC
/// 27001", one other word allowed among them), each of the n parts at 1/n of the weight, as a
/// synonym in several words weighs.
Xapian::Query ClauseQueries::with_letters_and_digits_apart(const Xapian::Query& q,
                                                           const std::string& prefix,
                                                           const std::string& word) {
  const std::vector<std::string> apart = letters_and_digits_apart(word);
  if (apart.size() < 2) return q;
  out_.expansions.push_back({"variant", word, joined(apart)});
  return Xapian::Query(Xapian::Query::OP_OR, q,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase(prefix, apart, 1),
                                     1.0 / static_cast<double>(apart.size())));
}

/// `digitali*`: every indexed word beginning so, the most frequent max_wildcard_terms_ of them.
Xapian::Query ClauseQueries::wildcard(const std::string& prefix, const std::string& text) {
  const std::vector<std::string> words = single_words(text.substr(0, text.size() - 1));
  if (words.size() != 1 || words[0].size() < 2) throw QuerySyntaxError{};
  out_.prefixes.insert(words[0]);
  return Xapian::Query(Xapian::Query::OP_WILDCARD, word_term(prefix, words[0]), max_wildcard_terms_,
                       Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

/// `q` or, at a lower weight, a compound with `word`'s stem as a part.
Xapian::Query ClauseQueries::with_compound_parts(const Xapian::Query& q, const std::string& word) {
  const std::string stem = analyzer_.stem(word);
  if (stem.size() < 3 || !letters_only(stem))
    return q;                             // numbers, codes and two-letter words are never parts
  if (analyzer_.is_name(word)) return q;  // "pelle" (Snowball's "pel") is no part of "skærpels"
  out_.part_stems.emplace(stem, word);
  const Xapian::Query part(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(part_term(stem)),
                           QueryParser::kCompoundPartWeight);
  return Xapian::Query(Xapian::Query::OP_OR, q, part);
}

/// `q` or, as much, the forms of `word` that Snowball stems otherwise ("tegnebøger" also
/// finds "tegnebogen" and, as a compound part, "identitetstegnebog"; and back).
Xapian::Query ClauseQueries::with_other_forms(const Xapian::Query& q, const std::string& prefix,
                                              const std::string& word) {
  std::vector<Xapian::Query> alternatives{q};
  for (const DanishAnalyzer::OtherForm& form : analyzer_.other_forms(analyzer_.stem(word))) {
    out_.stems.insert(form.stem);
    out_.expansions.push_back({"form", word, form.word});
    Xapian::Query other(stem_term(prefix, form.stem), 1, next_position());
    if (prefix.empty() && schema_.compounds()) other = with_compound_parts(other, form.word);
    alternatives.push_back(other);
  }
  return any_of(alternatives);
}

/// `q` or, at a lower weight, the parts of the compound `word` as words of their own
/// ("affaldsdata" also finds "data om affald"), split by the dictionary or by the vocabulary,
/// when the vocabulary holds the word itself too seldom to fill a few pages of results.
Xapian::Query ClauseQueries::with_split(const Xapian::Query& q, const std::string& word) {
  if (!vocabulary_ || vocabulary_(word) >= QueryParser::kSplitBelowFrequency) return q;
  const std::vector<std::string> words = analyzer_.compound_words(word, vocabulary_);
  if (words.size() < 2) return q;
  std::vector<Xapian::Query> parts;
  for (const std::string& w : words) {
    const std::string stem = analyzer_.stem(w);
    out_.stems.insert(stem);
    parts.emplace_back(Xapian::Query::OP_OR, Xapian::Query(stem_term("", stem), 1, next_position()),
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(part_term(stem)),
                                     QueryParser::kCompoundPartWeight));
  }
  out_.expansions.push_back({"parts", word, joined(words)});
  return Xapian::Query(Xapian::Query::OP_OR, q,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, rarest_first(parts, words),
                                     QueryParser::kSplitPartsWeight));
}

/// `parts` of one typed word: the one whose word the vocabulary holds least often must be in
/// a document, the others add their weight where they are too ("fuldmagtsordningen" is about
/// fuldmagt before it is about ordning); all of them without a vocabulary.
Xapian::Query ClauseQueries::rarest_first(const std::vector<Xapian::Query>& parts,
                                          const std::vector<std::string>& words) {
  if (!vocabulary_) return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  std::size_t rarest = 0;
  std::uint64_t least = UINT64_MAX;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::uint64_t n = vocabulary_(words[i]);
    if (n > 0 && n < least) {
      least = n;
      rarest = i;
    }
  }
  std::vector<Xapian::Query> others;
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (i != rarest) others.push_back(parts[i]);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, parts[rarest],
                       Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end()));
}

/// The words of a hyphenated word ("ai-assistent") apart, at a lower weight: each by its stem
/// and its own compound parts; the last word (the head) must be in a document, so
/// "ai-assistent" also finds "AI-baseret digital assistent" and "Al-baseret" (OCR), ranked
/// below documents holding both words. None when fewer than two are words
/// of letters that are not stop words ("2016-2020" stays a phrase); a single letter is no word
/// ("e-boks" is not searched as "boks").
Xapian::Query ClauseQueries::hyphen_parts(const std::vector<std::string>& words) {
  std::vector<std::string> kept;
  for (const std::string& w : words) {
    if (!std::any_of(w.begin(), w.end(), [](char c) { return c < '0' || c > '9'; })) return {};
    const auto letters =
        std::count_if(w.begin(), w.end(), [](char c) { return (c & 0xC0) != 0x80; });
    if (letters >= 2 && !analyzer_.is_stopword(w)) kept.push_back(w);
  }
  if (kept.size() < 2) return {};  // before any part is recorded as searched for
  std::vector<Xapian::Query> parts;
  for (const std::string& w : kept)
    parts.push_back(with_split(with_compound_parts(by_stem("", w), w), w));
  // The last word is the head, as in every Danish compound: it must be in a document, the
  // others add their weight where they are too.
  const Xapian::Query head = parts.back();
  parts.pop_back();
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_AND_MAYBE, head, any_of(parts)),
                       QueryParser::kSplitPartsWeight);
}

Xapian::Query ClauseQueries::exact_phrase(const std::string& prefix, const std::string& text) {
  const std::vector<std::string> words = written_words(text);
  if (words.empty()) return Xapian::Query();
  return phrase(prefix, words);
}

Xapian::Query ClauseQueries::phrase(const std::string& prefix,
                                    const std::vector<std::string>& words,
                                    Xapian::termcount others) {
  std::vector<Xapian::Query> terms;
  if (others == 0)
    out_.phrases.push_back(words);
  else
    out_.loose_phrases.push_back({words, others});
  for (const std::string& w : words) terms.emplace_back(word_term(prefix, w), 1, next_position());
  if (terms.size() == 1) return terms[0];
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()) + others);
}

std::size_t ClauseQueries::content_words(const std::vector<std::string>& words) const {
  return static_cast<std::size_t>(std::count_if(
      words.begin(), words.end(),
      [&](const std::string& w) { return keep_stopwords_ || !analyzer_.is_stopword(w); }));
}

Xapian::Query ClauseQueries::phrase_bonus(const std::vector<std::string>& words) {
  if (content_words(words) < 2) return Xapian::Query();
  std::vector<Xapian::Query> terms;
  out_.phrases.push_back(words);
  for (const std::string& w : words) {
    const Xapian::termpos position = next_position();
    std::vector<Xapian::Query> forms{Xapian::Query(word_term("", w), 1, position)};
    if (!analyzer_.is_stopword(w))
      for (const std::string& form : analyzer_.inflections(w, vocabulary_))
        forms.emplace_back(word_term("", form), 1, position);
    terms.push_back(any_of(forms));
  }
  if (terms.size() == 1) return terms[0];
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
}

Xapian::Query ClauseQueries::field(const Token& token) {
  if (token.field == "titel") {
    const std::string& prefix = schema_.field("title").prefix;
    return token.kind == TokenKind::kPhrase ? exact_phrase(prefix, token.text)
                                            : free_word(prefix, token.text, nullptr);
  }
  if (token.text.empty()) throw QuerySyntaxError{};
  if (token.field == "kilde" || token.field == "type") {
    const Field& field = schema_.field(token.field == "kilde" ? "source" : "type");
    // Unquoted: by the words of the value ("kilde:KL" finds "…, KL og Danske Regioner");
    // quoted, or a field without words indexed: the whole value, exactly.
    if (token.kind == TokenKind::kPhrase || field.word_prefix.empty())
      return Xapian::Query(filter_term(field.prefix, token.text));
    const std::vector<std::string> terms = filter_word_terms(field, analyzer_, token.text);
    if (terms.empty()) throw QuerySyntaxError{};
    return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
  }
  return date_range(token.field == "år" ? "year" : "date", token.text);
}

Xapian::Query ClauseQueries::date_range(const std::string& field_name, const std::string& text) {
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
    if (from.empty() && to.empty()) throw QuerySyntaxError{};
    if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, *field.value_slot, from);
    if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, *field.value_slot, to);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, *field.value_slot, from, to);
  } catch (const BadInput&) {
    throw QuerySyntaxError{};
  }
}

Xapian::Query ClauseQueries::near(const std::vector<std::string>& words, int distance) {
  std::vector<Xapian::Query> terms;
  for (const std::string& w : words) {
    out_.phrases.push_back({w});
    terms.emplace_back(word_term("", w), 1, next_position());
  }
  const auto window = static_cast<Xapian::termcount>(distance + static_cast<int>(words.size()) - 1);
  return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window);
}

std::vector<SynonymQuery> ClauseQueries::synonyms_of(const std::vector<std::string>& words) {
  std::vector<SynonymQuery> out;
  for (std::size_t i = 0; i < words.size();) {
    const auto match = synonyms_.match(words, i);
    if (!match) {
      ++i;
      continue;
    }
    const std::string from = joined({words.begin() + static_cast<long>(i),
                                     words.begin() + static_cast<long>(i + match->length)});
    for (const auto& other : match->others) {
      if (other.size() == 1) {
        const Xapian::Query stem = by_stem("", other[0]);
        out.push_back({i, match->length, stem, stem});
      } else {
        std::vector<Xapian::Query> stems;  // no positions: they are the phrase's
        for (const std::string& w : other) stems.emplace_back(stem_term("", analyzer_.stem(w)));
        const double share = 1.0 / static_cast<double>(other.size());
        out.push_back(
            {i, match->length,
             Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase("", other), share),
             Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                           Xapian::Query(Xapian::Query::OP_AND, stems.begin(), stems.end()), share),
             true});
      }
      out_.expansions.push_back({"synonym", from, joined(other)});
    }
    i += match->length;
  }
  return out;
}

std::vector<SynonymQuery> ClauseQueries::joined_neighbours(const std::vector<std::string>& words) {
  std::vector<SynonymQuery> out;
  if (!vocabulary_) return out;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& a = words[i];
    const std::string& b = words[i + 1];
    if (analyzer_.is_stopword(a) || analyzer_.is_stopword(b)) continue;
    const std::string together = a + b;
    if (vocabulary_(together) == 0) continue;
    const Xapian::Query q = by_stem("", together);
    out.push_back({i, 2, q, q});
    out_.expansions.push_back({"variant", a + " " + b, together});
  }
  return out;
}

std::vector<std::string> ClauseQueries::written_words(const std::string& text) const {
  std::vector<std::string> words;
  for (const AnalyzedWord& w : analyzer_.analyze(text, Stemming::kNone))
    if (!w.alternative) words.push_back(w.word);
  return words;
}

std::vector<std::string> ClauseQueries::single_words(const std::string& text) const {
  std::vector<std::string> words = written_words(text);
  if (words.empty()) throw QuerySyntaxError{};
  return words;
}

}  // namespace opslag
