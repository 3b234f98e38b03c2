// Finds how a word is written by counting its forms in titles and a short document's text.
#include "server/engine/word_casing.h"

#include <algorithm>
#include <utility>
#include <vector>

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

bool is_word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

/// `form` without its hyphens ("e-Boks" -> "eBoks").
std::string without_hyphens(std::string_view form) {
  std::string out(form);
  std::erase(out, '-');
  return out;
}

/// True when `form` is the folded `word` with only its first letter a capital ("Strategien"):
/// how a word stands at the start of a title or a sentence, which says nothing of its case.
bool only_first_capital(std::string_view form, std::string_view word) {
  const std::string bare = without_hyphens(form);
  const std::size_t first = text::next_char(bare, 0);
  return bare != word && lower_latin(bare) == word && bare.substr(first) == word.substr(first);
}

/// True when what comes before `at` in `text` ends a sentence or a heading's part ("… – Ny
/// strategi") or there is nothing: a capital there says nothing of a word's case. (After a
/// colon Danish text writes small letters, so a capital there is meant: "Kilde:
/// Digitaliseringsstyrelsen"; a title's colon begins its subtitle: "SYS-AP: It-systemets
/// produktserie".)
bool starts_sentence(std::string_view text, std::size_t at, WrittenIn in) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  const std::string_view before = text.substr(0, at);
  if (before.empty()) return true;
  for (std::string_view end : {".", "!", "?", "(", "\"", "\n", "\f", "-", "–", "—", "«"})
    if (before.ends_with(end)) return true;
  return in == WrittenIn::kTitle && before.ends_with(":");
}

/// `form` with its first letter in lower case ("It-systemets" -> "it-systemets").
std::string lower_first(std::string_view form) {
  const std::size_t first = text::next_char(form, 0);
  return lower_latin(form.substr(0, first)) + std::string(form.substr(first));
}

/// A lower-cased text with each hyphen between two word bytes left out ("e-boks" -> "eboks"),
/// as the index holds a hyphenated word whole.
class JoinedText {
 public:
  explicit JoinedText(std::string_view lowered) {
    text_.reserve(lowered.size());
    for (std::size_t i = 0; i < lowered.size(); ++i) {
      if (lowered[i] == '-' && i > 0 && i + 1 < lowered.size() && is_word_byte(lowered[i - 1]) &&
          is_word_byte(lowered[i + 1])) {
        hyphens_.push_back(text_.size());
        continue;
      }
      text_.push_back(lowered[i]);
    }
  }

  [[nodiscard]] const std::string& text() const { return text_; }

  /// Where the byte at `at` of text() stands in the text it was made from.
  [[nodiscard]] std::size_t original(std::size_t at) const {
    const auto left_out = std::upper_bound(hyphens_.begin(), hyphens_.end(), at) - hyphens_.begin();
    return at + static_cast<std::size_t>(left_out);
  }

 private:
  std::string text_;
  std::vector<std::size_t> hyphens_;  ///< for each hyphen left out, where the next byte stands
};

/// The places [begin, end) where `text` holds `word` as a whole word.
std::vector<std::pair<std::size_t, std::size_t>> whole_words(std::string_view text,
                                                             std::string_view word) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at > 0 && is_word_byte(text[at - 1])) || (end < text.size() && is_word_byte(text[end])))
      continue;
    out.emplace_back(at, end);
    if (out.size() == static_cast<std::size_t>(WrittenForms::kMaxCounted)) break;
  }
  return out;
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

void WrittenForms::count_in(std::string_view text, WrittenIn in) {
  const std::string lowered = lower_latin(text);
  int seen = 0;
  for (const auto& [at, end] : whole_words(lowered, word_)) {
    if (seen == kMaxCounted) return;
    if (tally(text, at, end, in)) ++seen;
  }
  // A word the text never writes whole may be written with hyphens, as the index holds
  // joined: "e-Boks" for "eboks".
  if (seen > 0 || lowered.find('-') == std::string::npos) return;
  const JoinedText joined(lowered);
  for (const auto& [at, end] : whole_words(joined.text(), word_)) {
    if (seen == kMaxCounted) return;
    if (tally(text, joined.original(at), joined.original(end - 1) + 1, in)) ++seen;
  }
}

bool WrittenForms::tally(std::string_view text, std::size_t at, std::size_t end, WrittenIn in) {
  std::string form(text.substr(at, end - at));
  if (text::fold(without_hyphens(form)) != word_) return false;
  if (!only_first_capital(form, word_) || !starts_sentence(text, at, in)) {
    ++counts_[std::move(form)];
  } else if (at_sentence_start_.empty()) {
    at_sentence_start_ = lower_first(form);
  }
  return true;
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
  if (!best.empty()) return best;
  return at_sentence_start_.empty() ? word_ : at_sentence_start_;
}

std::string as_written(const Xapian::Database& db, const std::string& word,
                       const std::vector<std::string>& titles) {
  WrittenForms forms(word);
  for (const std::string& title : titles) forms.count_in(title, WrittenIn::kTitle);
  if (const Xapian::docid id = shortest_holding(db, word);
      id != 0 && db.get_doclength(id) <= kMaxFormDocumentLength) {
    const StoredDocument doc = StoredDocument::from_data(db.get_document(id).get_data());
    forms.count_in(doc.title, WrittenIn::kTitle);
    forms.count_in(doc.body, WrittenIn::kText);
  }
  return forms.most_written();
}

}  // namespace opslag
