// Builds Xapian documents from StoredDocuments following the schema's layout.
#include "schema/document_terms.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_set>

#include "schema/analysis/icu_text.h"
#include "schema/errors.h"

namespace opslag {
namespace {

/// Adds the words of one text field, starting at `first`; returns the position after the last.
Xapian::termpos add_text(Xapian::Document& xdoc, const Field& field, const DanishAnalyzer& analyzer,
                         std::string_view text, Xapian::termpos first,
                         std::vector<CompoundWord>* compounds) {
  Xapian::termpos last = first;
  // A weighted field's word (a title's) counts its weight once: a title that repeats a word
  // ("NemLog-in: spørgsmål om NemLog-in") does not outrank a body that answers it.
  std::unordered_set<std::string> counted;
  for (const AnalyzedWord& w : analyzer.analyze(text)) {
    const Xapian::termpos pos = first + w.position;
    const bool repeat = field.weight > 1 && !counted.insert(w.word).second;
    const auto weight = repeat ? 0u : static_cast<Xapian::termcount>(field.weight);
    xdoc.add_posting(word_term("", w.word), pos, weight);
    xdoc.add_term(stem_term("", w.stem), weight);
    if (!field.prefix.empty()) {
      xdoc.add_posting(word_term(field.prefix, w.word), pos, 1);
      xdoc.add_term(stem_term(field.prefix, w.stem), 1);
    }
    if (!w.alternative) {
      for (std::string& part : analyzer.compound_stems(w.word)) {
        xdoc.add_term(part_term(part), weight);
        if (compounds) compounds->push_back({std::move(part), w.word});
      }
    }
    last = std::max(last, pos + 1);
  }
  return last;
}

void add_filter(Xapian::Document& xdoc, const Field& field, const DanishAnalyzer& analyzer,
                std::string_view value) {
  if (value.empty()) return;
  xdoc.add_boolean_term(filter_term(field.prefix, value));
  if (field.value_slot) xdoc.add_value(*field.value_slot, std::string(value));
  if (!field.word_prefix.empty())
    for (const std::string& term : filter_word_terms(field, analyzer, value))
      xdoc.add_boolean_term(term);
}

/// `a` + `b` + `c` in one allocation. (GCC 12 at -O3 takes "Z" + std::string(...) for an
/// overlapping copy and stops a Release build with -Werror=restrict.)
std::string joined(std::string_view a, std::string_view b, std::string_view c = {}) {
  std::string out;
  out.reserve(a.size() + b.size() + c.size());
  out.append(a).append(b).append(c);
  return out;
}

}  // namespace

std::string word_term(std::string_view prefix, std::string_view word) {
  return joined(prefix, word);
}

std::string stem_term(std::string_view prefix, std::string_view stem) {
  return joined("Z", prefix, stem);
}

bool is_plain_stem_term(std::string_view term) {
  return term.size() > 2 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z');
}

bool is_word_term(std::string_view term) {
  return !term.empty() && (term.front() < 'A' || term.front() > 'Z');
}

std::string part_term(std::string_view stem) { return joined("XC", stem); }

std::string_view term_stem(std::string_view term) {
  if (term.starts_with("XC")) return term.substr(2);
  if (!term.starts_with('Z')) return {};
  // A field's prefix is capitals; a stem is folded, so it never begins with one.
  const std::size_t stem = term.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1);
  return stem == std::string_view::npos ? std::string_view{} : term.substr(stem);
}

std::string id_term(const Schema& schema, std::string_view id) {
  return schema.field("id").prefix + std::string(id);
}

std::string filter_term(std::string_view prefix, std::string_view value) {
  std::string term = std::string(prefix) + text::fold(value);
  // A filter value too long for a Xapian term is cut, not refused, never inside a character.
  if (term.size() > kMaxTermBytes) {
    std::size_t end = kMaxTermBytes;
    while (end > 0 && U8_IS_TRAIL(static_cast<unsigned char>(term[end]))) --end;
    term.resize(end);
  }
  return term;
}

std::vector<std::string> filter_word_terms(const Field& field, const DanishAnalyzer& analyzer,
                                           std::string_view value) {
  std::vector<std::string> terms;
  for (const AnalyzedWord& w : analyzer.analyze(value, Stemming::kNone))
    if (!w.alternative) terms.push_back(filter_term(field.word_prefix, w.word));
  return terms;
}

Xapian::Document make_xapian_document(const Schema& schema, const DanishAnalyzer& analyzer,
                                      const StoredDocument& doc,
                                      std::vector<CompoundWord>* compounds) {
  const Field& id = schema.field("id");
  if (id.prefix.size() + doc.id.size() > kMaxTermBytes)
    throw BadInput("id is too long (" + std::to_string(doc.id.size()) + " bytes; the limit is " +
                   std::to_string(kMaxTermBytes - id.prefix.size()) + ")");
  Xapian::Document xdoc;
  xdoc.set_data(doc.to_data());
  xdoc.add_boolean_term(id_term(schema, doc.id));
  const Xapian::termpos body_start =
      add_text(xdoc, schema.field("title"), analyzer, doc.title, 1, compounds) + kFieldGap;
  add_text(xdoc, schema.field("body"), analyzer, doc.body, body_start, compounds);

  const std::string compact_date = [&] {
    std::string d = doc.date;
    std::erase(d, '-');
    return d;
  }();
  add_filter(xdoc, schema.field("date"), analyzer, compact_date);
  add_filter(xdoc, schema.field("year"), analyzer, doc.year());
  add_filter(xdoc, schema.field("source"), analyzer, doc.source);
  add_filter(xdoc, schema.field("type"), analyzer, doc.type);
  add_filter(xdoc, schema.field("language"), analyzer, doc.language);
  if (const auto slot = schema.field("hash").value_slot) xdoc.add_value(*slot, doc.hash);
  if (!doc.indexed.empty()) set_indexed(schema, xdoc, doc.indexed);
  return xdoc;
}

void set_indexed(const Schema& schema, Xapian::Document& xdoc, const std::string& indexed) {
  xdoc.add_value(*schema.field("indexed").value_slot, indexed);
}

StoredDocument read_stored_document(const Schema& schema, const Xapian::Document& xdoc) {
  StoredDocument doc = StoredDocument::from_data(xdoc.get_data());
  doc.indexed = xdoc.get_value(*schema.field("indexed").value_slot);
  return doc;
}

std::vector<std::string> spelling_words(const Xapian::Document& xdoc) {
  std::vector<std::string> words;
  for (auto it = xdoc.termlist_begin(); it != xdoc.termlist_end(); ++it) {
    const std::string& term = *it;
    const bool letters = term.size() >= 3 && std::all_of(term.begin(), term.end(), [](char c) {
                           const auto b = static_cast<unsigned char>(c);
                           return (b >= 'a' && b <= 'z') || b >= 0x80;
                         });
    if (letters) words.push_back(term);
  }
  return words;
}

}  // namespace opslag
