// How words and metadata become Xapian terms and values: the one place the index layout lives.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "schema/analysis/danish_analyzer.h"
#include "schema/schema.h"
#include "schema/stored_document.h"

namespace opslag {

/// The term for a word as written (folded), under a text field's prefix. Positional.
[[nodiscard]] std::string word_term(std::string_view prefix, std::string_view word);

/// The term for a stem, under a text field's prefix ("Z" + prefix + stem, as Xapian does).
[[nodiscard]] std::string stem_term(std::string_view prefix, std::string_view stem);

/// The term for the stem of a compound's part ("XC" + "portal" for "sundhedsportalen"): a
/// document holds one for every part of every compound in its text fields.
[[nodiscard]] std::string part_term(std::string_view stem);

/// A compound word of a document and the stem of one of its parts.
struct CompoundWord {
  std::string part_stem;
  std::string word;
};

/// The unique term of the document whose id is `id` (the id field's prefix + the id): the one
/// way the indexer replaces or deletes a document and the server finds one.
[[nodiscard]] std::string id_term(const Schema& schema, std::string_view id);

/// The boolean term for a filter value ("XK" + "digitaliseringsstyrelsen").
[[nodiscard]] std::string filter_term(std::string_view prefix, std::string_view value);

/// The terms of the words of a filter field's value under its word_prefix ("XKW" + "kl" for
/// each word of "Digitaliseringsministeriet, KL og Danske Regioner"); none without one.
[[nodiscard]] std::vector<std::string> filter_word_terms(const Field& field,
                                                         const DanishAnalyzer& analyzer,
                                                         std::string_view value);

/// The stem in a stem term ("Z" + prefix + stem) or a compound part's term ("XC" + stem); ""
/// for any other term.
[[nodiscard]] std::string_view term_stem(std::string_view term);

/// True for a plain stem term ("Z" + stem, no field prefix): what "similar" expands on.
[[nodiscard]] bool is_plain_stem_term(std::string_view term);

/// True for an unprefixed word term (prefixes are capitals; words are folded, so never begin
/// with one).
[[nodiscard]] bool is_word_term(std::string_view term);

/// The first term in Xapian's order past every prefixed term ("[" follows "Z"): where the
/// unprefixed words that follow them in the term list begin again.
inline constexpr std::string_view kPastPrefixedTerms = "[";

/// Xapian refuses a term longer than this (and drops the whole batch being written with it).
inline constexpr std::size_t kMaxTermBytes = 245;

/// Words of the body start at this position after the title's, so no phrase spans the two.
inline constexpr Xapian::termpos kFieldGap = 100;

/// Builds the Xapian document for `doc`: its data (JSON), its terms and its values, as the
/// schema lays them out. Text fields are indexed both unprefixed (weighted, so a plain query
/// searches them all and title words count more) and under their own prefix; the parts of
/// compounds under part_term(). The compounds found are added to `compounds` if given.
/// Throws BadInput if the id is too long for a Xapian term (with its prefix, over kMaxTermBytes).
[[nodiscard]] Xapian::Document make_xapian_document(const Schema& schema,
                                                    const DanishAnalyzer& analyzer,
                                                    const StoredDocument& doc,
                                                    std::vector<CompoundWord>* compounds = nullptr);

/// Records in `xdoc` when its document was first indexed (StoredDocument::indexed).
void set_indexed(const Schema& schema, Xapian::Document& xdoc, const std::string& indexed);

/// The StoredDocument kept in `xdoc`: its data, and when it was first indexed from its value.
/// Throws IndexUnavailable as StoredDocument::from_data does.
[[nodiscard]] StoredDocument read_stored_document(const Schema& schema,
                                                  const Xapian::Document& xdoc);

/// The words of `xdoc` that feed Xapian's spelling data ("Mente du …?"): unprefixed words of
/// letters only, three bytes or longer. Numbers never do, so they are never "corrected".
[[nodiscard]] std::vector<std::string> spelling_words(const Xapian::Document& xdoc);

}  // namespace opslag
