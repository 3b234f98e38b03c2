// Finds how a word is written by counting its forms in titles and a short document's text.
#include "server/engine/word_casing.h"

#include "schema/analysis/icu_text.h"
#include "schema/stored_document.h"

namespace opslag {
namespace {

/// Documents looked at to find how a word is written: the shortest of the first few.
constexpr int kFormCandidates = 8;
/// A document's text is searched for how a word is written only when it is this short (terms).
constexpr Xapian::termcount kMaxFormDocumentLength = 20000;

/// `text` with ASCII capitals and the two-byte Latin-1 capitals (Æ, Ø, Å, É…) in lower case:
/// the same length, so its offsets are the text's.
std::string lower_latin(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto& c = reinterpret_cast<unsigned char&>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto& next = reinterpret_cast<unsigned char&>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        next = static_cast<unsigned char>(next + 32);
      ++i;
    }
  }
  return out;
}

/// True when `form` is the folded `word` with only its first letter a capital ("Strategien"):
/// how a word stands at the start of a title or a sentence, which says nothing of its case.
bool only_first_capital(std::string_view form, std::string_view word) {
  const std::size_t first = text::next_char(form, 0);
  return form != word && lower_latin(form) == word && form.substr(first) == word.substr(first);
}

bool is_word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

/// True when what comes before `at` in `text` ends a sentence or a heading's part ("… – Ny
/// strategi") or there is nothing: a capital there says nothing of a word's case. (After a
/// colon Danish writes small letters, so a capital there is meant: "Kilde:
/// Digitaliseringsstyrelsen".)
bool starts_sentence(std::string_view text, std::size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  const std::string_view before = text.substr(0, at);
  if (before.empty()) return true;
  for (std::string_view end : {".", "!", "?", "(", "\"", "\n", "\f", "-", "–", "—", "«"})
    if (before.ends_with(end)) return true;
  return false;
}

/// Of the first documents holding `term`, the shortest (least to read), or 0 for none.
Xapian::docid shortest_holding(const Xapian::Database& db, const std::string& term) {
  Xapian::docid best = 0;
  Xapian::termcount best_length = 0;
  int seen = 0;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && seen < kFormCandidates;
       ++p, ++seen) {
    if (best == 0 || p.get_doclength() < best_length) {
      best = *p;
      best_length = p.get_doclength();
    }
  }
  return best;
}

}  // namespace

void WrittenForms::count_in(std::string_view text) {
  const std::string lowered = lower_latin(text);
  int seen = 0;
  for (std::size_t at = lowered.find(word_); at != std::string::npos && seen < kMaxCounted;
       at = lowered.find(word_, at + 1)) {
    const std::size_t end = at + word_.size();
    if ((at > 0 && is_word_byte(text[at - 1])) || (end < text.size() && is_word_byte(text[end])))
      continue;
    std::string form(text.substr(at, word_.size()));
    if (text::fold(form) != word_) continue;
    ++seen;
    if (!only_first_capital(form, word_) || !starts_sentence(text, at)) ++counts_[form];
  }
}

std::string WrittenForms::most_written() const {
  std::string best;
  int best_count = 0;
  for (const auto& [form, count] : counts_) {
    if (count > best_count || (count == best_count && form == word_)) {
      best = form;
      best_count = count;
    }
  }
  return best.empty() ? word_ : best;
}

std::string as_written(const Xapian::Database& db, const std::string& word,
                       const std::vector<std::string>& titles) {
  WrittenForms forms(word);
  for (const std::string& title : titles) forms.count_in(title);
  if (const Xapian::docid id = shortest_holding(db, word);
      id != 0 && db.get_doclength(id) <= kMaxFormDocumentLength) {
    forms.count_in(StoredDocument::from_data(db.get_document(id).get_data()).body);
  }
  return forms.most_written();
}

}  // namespace opslag
