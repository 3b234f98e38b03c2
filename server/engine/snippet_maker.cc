// Snippets: find matching words, pick the richest window, cut it with its match ranges.
#include "server/engine/snippet_maker.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace opslag {
namespace {

/// A stretch of the text that matched, and which query term it matched.
struct Match {
  std::size_t begin;
  std::size_t end;
  std::string key;
};

/// Marks each place where `phrase` stands in `words`: its words in order, with at most `others`
/// other words among them, each as the word itself or as an alternative form ("sundhed" in
/// "sundhed.dk").
void find_phrase(const std::vector<AnalyzedWord>& words, const std::vector<std::string>& phrase,
                 unsigned others, std::vector<Match>& matches) {
  if (words.empty() || phrase.empty()) return;
  std::uint32_t last = 0;
  for (const AnalyzedWord& w : words) last = std::max(last, w.position);
  std::vector<std::vector<const AnalyzedWord*>> at(last + 1);
  for (const AnalyzedWord& w : words) at[w.position].push_back(&w);
  const auto find = [&](std::uint32_t position, const std::string& word) -> const AnalyzedWord* {
    for (const AnalyzedWord* w : at[position])
      if (w->word == word) return w;
    return nullptr;
  };
  std::string key;
  for (const std::string& p : phrase) key += p + ' ';
  const auto window = static_cast<std::uint32_t>(phrase.size() + others);
  for (std::uint32_t p = 0; p + phrase.size() <= at.size(); ++p) {
    const AnalyzedWord* first = find(p, phrase[0]);
    const AnalyzedWord* end = first;
    // Each next word at its earliest place: if any placement fits the window, that one does.
    std::uint32_t previous = p;
    for (std::size_t n = 1; end && n < phrase.size(); ++n) {
      end = nullptr;
      for (std::uint32_t q = previous + 1; !end && q < p + window && q < at.size(); ++q)
        if ((end = find(q, phrase[n]))) previous = q;
    }
    if (first && end) matches.push_back({first->begin, end->end, key});
  }
}

std::vector<Match> find_matches(const std::vector<AnalyzedWord>& words, const ParsedQuery& query,
                                const DanishAnalyzer& analyzer) {
  std::vector<Match> matches;
  // A word begins with stem_start() of its stem: stem only the words that could match.
  std::vector<std::string_view> starts;
  for (const std::string& s : query.stems) starts.push_back(DanishAnalyzer::stem_start(s));
  for (const AnalyzedWord& w : words) {
    const bool candidate = std::any_of(starts.begin(), starts.end(),
                                       [&](std::string_view s) { return w.word.starts_with(s); });
    if (candidate) {
      std::string stem = analyzer.stem(w.word);
      if (query.stems.contains(stem)) {
        matches.push_back({w.begin, w.end, std::move(stem)});
        continue;
      }
    }
    // A compound with a part the query asked for is marked whole.
    const bool holds_part =
        std::any_of(query.part_stems.begin(), query.part_stems.end(),
                    [&](const auto& part) { return w.word.find(part.first) != std::string::npos; });
    if (!holds_part || w.alternative) continue;
    for (std::string& part : analyzer.compound_stems(w.word)) {
      if (query.part_stems.contains(part)) {
        matches.push_back({w.begin, w.end, std::move(part)});
        break;
      }
    }
  }
  for (const auto& phrase : query.phrases) find_phrase(words, phrase, 0, matches);
  for (const LoosePhrase& phrase : query.loose_phrases)
    find_phrase(words, phrase.words, phrase.others, matches);
  for (const AnalyzedWord& w : words) {
    for (const std::string& prefix : query.prefixes)
      if (w.word.starts_with(prefix)) matches.push_back({w.begin, w.end, prefix});
  }
  // An alternative covers its whole word or hyphen chain: keep the widest of overlapping ones.
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Match> merged;
  for (Match& m : matches) {
    if (!merged.empty() && m.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, m.end);
      continue;
    }
    merged.push_back(std::move(m));
  }
  return merged;
}

/// The index of the match starting the window of `length` bytes whose distinct terms weigh
/// most (`weight[i]` is what matches[i]'s term weighs); of equal ones, the window with more
/// matches, then the first.
std::size_t best_window(const std::vector<Match>& matches, std::size_t length,
                        const std::vector<double>& weight) {
  std::size_t best = 0;
  double best_score = -1;
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    std::set<std::string_view> distinct;
    double score = 0;
    std::size_t count = 0;
    for (std::size_t j = i; j < matches.size() && matches[j].end - matches[i].begin <= length;
         ++j) {
      if (distinct.insert(matches[j].key).second) score += weight[j];
      ++count;
    }
    if (score > best_score || (score == best_score && count > best_count)) {
      best_score = score;
      best_count = count;
      best = i;
    }
  }
  return best;
}

/// How far before the first match of its window a snippet of `length` bytes starts: the
/// window chosen is this much shorter, so that every match of it is shown.
std::size_t lead_of(std::size_t length) { return length / 5; }

/// How far past the length a snippet may run to keep a word's closing punctuation.
constexpr std::size_t kTrailingPunctuation = 8;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; }

/// Appends `text` with each run of white space made one space.
void append_collapsed(std::string& out, std::string_view text) {
  bool space = false;
  for (char c : text) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != ' ') out += ' ';
    space = false;
    out += c;
  }
  if (space && !out.empty() && out.back() != ' ') out += ' ';
}

/// The ASCII letter an accented Latin-1 letter folds to (the second byte after 0xC3), or 0
/// for æ, ø, å and the rest, which fold to themselves (capitals to their small letter).
char accent_base(unsigned char second) {
  // 0x80-0xBF: À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß, then small.
  static constexpr char kBase[33] = "aaaaa\0\0ceeeeiiiidnooooo\0\0uuuuy\0\0";
  if (second < 0x80 || second > 0xBF) return 0;
  if (second == 0xBF) return 'y';  // ÿ
  return kBase[second & 0x1F];
}

/// `text[at..]` starts with `key` (folded), comparing ASCII and Latin-1 letters without case or
/// accents, as DanishAnalyzer folds them.
bool starts_with_folded(std::string_view text, std::size_t at, std::string_view key) {
  std::size_t i = at;
  for (std::size_t k = 0; k < key.size(); ++i, ++k) {
    if (i >= text.size()) return false;
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c == 0xC3 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      ++i;
      if (const char base = accent_base(next)) {
        if (key[k] != base) return false;
        continue;
      }
      if (next >= 0x80 && next <= 0x9E && next != 0x97) next += 0x20;  // Æ Ø Å -> æ ø å
      if (k + 1 >= key.size() || static_cast<unsigned char>(key[k]) != 0xC3 ||
          static_cast<unsigned char>(key[k + 1]) != next)
        return false;
      ++k;
      continue;
    }
    if (c != static_cast<unsigned char>(key[k])) return false;
  }
  return true;
}

/// True if no letter or digit stands right before `at`.
bool at_word_start(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(bytes, 0, i, c);
  return c < 0 || !u_isalnum(c);
}

/// Places where a query word or stem may begin, found without analysing: each still has to be
/// confirmed by the analyzer, but no real match is missed for Danish text (a word begins with
/// stem_start() of its stem, not always with the stem: "kommissoriet", "kommissorium").
std::vector<Match> find_candidates(std::string_view text, const ParsedQuery& query) {
  std::vector<std::string_view> keys;
  for (const std::string& s : query.stems) keys.push_back(DanishAnalyzer::stem_start(s));
  for (const std::string& p : query.prefixes) keys.push_back(p);
  // A phrase is looked for by its longest word, which is seldom a stop word.
  const auto add_longest = [&](const std::vector<std::string>& phrase) {
    if (phrase.empty()) return;
    keys.push_back(
        *std::max_element(phrase.begin(), phrase.end(),
                          [](const auto& a, const auto& b) { return a.size() < b.size(); }));
  };
  for (const auto& phrase : query.phrases) add_longest(phrase);
  for (const LoosePhrase& phrase : query.loose_phrases) add_longest(phrase.words);
  // Most bytes cannot begin any key: one table look-up rejects them.
  std::array<bool, 256> first{};
  for (std::string_view key : keys) {
    if (key.empty()) continue;
    const auto c = static_cast<unsigned char>(key[0]);
    first[c] = true;
    if (c >= 'a' && c <= 'z') first[c - 'a' + 'A'] = true;
  }
  std::vector<Match> candidates;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!first[static_cast<unsigned char>(text[i])]) continue;
    for (std::string_view key : keys) {
      if (!key.empty() && starts_with_folded(text, i, key) && at_word_start(text, i)) {
        candidates.push_back({i, i + key.size(), std::string(key)});
        break;
      }
    }
  }
  return candidates;
}

/// The first byte of the word at or after `at`, so a slice never starts inside a word.
std::size_t slice_begin(std::string_view text, std::size_t at) {
  if (at == 0) return 0;
  const std::size_t space = text.find_first_of(" \t\r\n", at);
  return space == std::string_view::npos ? text.size() : space;
}

/// A space at or after `at` (or the end), so a slice never ends inside a word.
std::size_t slice_end(std::string_view text, std::size_t at) {
  if (at >= text.size()) return text.size();
  const std::size_t space = text.find_first_of(" \t\r\n", at);
  return space == std::string_view::npos ? text.size() : space;
}

}  // namespace

/// See snippet_maker.h: [begin, end) of the text, its words (offsets into the whole text),
/// and the matches among them.
struct SnippetMaker::Passage {
  std::size_t begin;
  std::size_t end;
  std::vector<AnalyzedWord> words;
  std::vector<Match> matches;
};

/// See snippet_maker.h: how much a match of each key counts when choosing the passage. The
/// analysed matches are keyed by stem, compound part or phrase; the cheap scan's candidates by
/// the start of a stem, a prefix or a phrase's longest word. A stem weighs what the searcher
/// gave it, a phrase the sum of its words', the rest 1.
class SnippetMaker::KeyWeights {
 public:
  explicit KeyWeights(const ParsedQuery& query) {
    if (query.stem_weights.empty()) return;
    for (const auto& [stem, weight] : query.stem_weights) {
      raise(matches_, stem, weight);
      raise(candidates_, std::string(DanishAnalyzer::stem_start(stem)), weight);
    }
    const auto add_phrase = [&](const std::vector<std::string>& words) {
      if (words.empty()) return;
      double sum = 0;
      std::string key;
      for (const std::string& w : words) {
        const auto it = query.word_weights.find(w);
        sum += it == query.word_weights.end() ? 1.0 : it->second;
        key += w + ' ';
      }
      raise(matches_, key, sum);
      raise(candidates_,
            *std::max_element(words.begin(), words.end(),
                              [](const auto& a, const auto& b) { return a.size() < b.size(); }),
            sum);
    };
    for (const auto& phrase : query.phrases) add_phrase(phrase);
    for (const LoosePhrase& phrase : query.loose_phrases) add_phrase(phrase.words);
  }

  /// What each analysed match weighs, by its key.
  [[nodiscard]] std::vector<double> of_matches(const std::vector<Match>& matches) const {
    return of(matches_, matches);
  }

  /// What each candidate of the cheap scan weighs, by its key.
  [[nodiscard]] std::vector<double> of_candidates(const std::vector<Match>& candidates) const {
    return of(candidates_, candidates);
  }

 private:
  static void raise(std::map<std::string, double>& weights, const std::string& key, double weight) {
    auto [it, added] = weights.emplace(key, weight);
    if (!added) it->second = std::max(it->second, weight);
  }

  static std::vector<double> of(const std::map<std::string, double>& weights,
                                const std::vector<Match>& matches) {
    std::vector<double> out;
    out.reserve(matches.size());
    for (const Match& m : matches) {
      const auto it = weights.find(m.key);
      out.push_back(it == weights.end() ? 1.0 : it->second);
    }
    return out;
  }

  std::map<std::string, double> matches_;
  std::map<std::string, double> candidates_;
};

std::string Snippet::with_marks(std::string_view open, std::string_view close) const {
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : marks) {
    out.append(text, at, begin - at);
    out.append(open);
    out.append(text, begin, end - begin);
    out.append(close);
    at = end;
  }
  out.append(text, at);
  return out;
}

Snippet SnippetMaker::make(std::string_view text, const ParsedQuery& query, std::size_t length,
                           std::size_t* match_at) const {
  const KeyWeights weights(query);
  const Passage passage = locate(text, query, length, weights);
  const std::vector<AnalyzedWord>& words = passage.words;
  const std::vector<Match>& matches = passage.matches;
  if (words.empty()) return {};

  // Start a little before the first match of the best window, on a word's first byte.
  std::size_t start = words.front().begin;
  if (match_at) *match_at = start;
  if (!matches.empty()) {
    const std::size_t lead = lead_of(length);
    const std::size_t first =
        matches[best_window(matches, length - lead, weights.of_matches(matches))].begin;
    if (match_at) *match_at = first;
    for (const AnalyzedWord& w : words) {
      if (!w.alternative && w.begin + lead >= first) {
        start = std::min(w.begin, first);
        break;
      }
    }
  }
  if (passage.begin == 0 && start <= words.front().begin) start = 0;
  // End after the last whole word that fits, with the punctuation that follows it.
  std::size_t end = start, next_word = passage.end;
  for (const AnalyzedWord& w : words) {
    if (w.alternative || w.begin < start) continue;
    if (w.end <= start + length) {
      end = std::max(end, w.end);
    } else {
      next_word = w.begin;
      break;
    }
  }
  if (end == start) end = words.back().end;
  while (end < next_word && end < text.size() && !is_space(text[end]) &&
         end - start < length + kTrailingPunctuation)
    ++end;
  // The bound above counts bytes: never stop inside a character.
  while (end < text.size() && end > start && U8_IS_TRAIL(static_cast<uint8_t>(text[end]))) --end;
  const bool cut_end = text.find_first_not_of(" \t\r\n", end) != std::string_view::npos;

  Snippet out{start > 0 ? "…" : "", {}};
  std::size_t at = start;
  for (const Match& m : matches) {
    if (m.begin < start || m.end > end) continue;
    append_collapsed(out.text, text.substr(at, m.begin - at));
    const std::size_t mark = out.text.size();
    append_collapsed(out.text, text.substr(m.begin, m.end - m.begin));
    out.marks.emplace_back(mark, out.text.size());
    at = m.end;
  }
  append_collapsed(out.text, text.substr(at, end - at));
  if (cut_end) out.text += " …";
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> SnippetMaker::marks(
    std::string_view text, const ParsedQuery& query) const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (find_candidates(text, query).empty()) return out;  // nothing to analyse the text for
  for (const Match& m : analyze_slice(text, 0, text.size(), query).matches)
    out.emplace_back(m.begin, m.end);
  return out;
}

SnippetMaker::Passage SnippetMaker::analyze_slice(std::string_view text, std::size_t begin,
                                                  std::size_t end, const ParsedQuery& query) const {
  Passage passage{
      begin, end, analyzer_.analyze(text.substr(begin, end - begin), Stemming::kNone), {}};
  for (AnalyzedWord& w : passage.words) {
    w.begin += begin;
    w.end += begin;
  }
  passage.matches = find_matches(passage.words, query, analyzer_);
  return passage;
}

SnippetMaker::Passage SnippetMaker::locate(std::string_view text, const ParsedQuery& query,
                                           std::size_t length, const KeyWeights& weights) const {
  // Analysing a whole long document per hit costs more than the search: find where query
  // words may start with a cheap scan, and analyse only around the best such place.
  const std::vector<Match> candidates = find_candidates(text, query);
  if (candidates.empty()) return analyze_slice(text, 0, slice_end(text, 2 * length), query);
  const std::size_t around = candidates[best_window(candidates, length - lead_of(length),
                                                    weights.of_candidates(candidates))]
                                 .begin;
  const std::size_t begin = slice_begin(text, around > length ? around - length : 0);
  Passage passage = analyze_slice(text, begin, slice_end(text, around + 2 * length), query);
  if (!passage.matches.empty()) return passage;
  // The scan found only look-alikes ("post" in "postyr"): analyse everything.
  return analyze_slice(text, 0, text.size(), query);
}

}  // namespace opslag
