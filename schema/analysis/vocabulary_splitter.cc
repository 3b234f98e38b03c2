// Frequency-based compound splitting: every cut into two or three parts, scored by the
// geometric mean of the parts' frequencies.
#include "schema/analysis/vocabulary_splitter.h"

#include <cmath>
#include <unordered_map>

namespace opslag {
namespace {

bool starts_char(std::string_view word, std::size_t at) {
  return (static_cast<unsigned char>(word[at]) & 0xC0) != 0x80;
}

std::size_t letters(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) n += starts_char(text, i);
  return n;
}

/// One word's search, each frequency asked once.
class Search {
 public:
  Search(std::string_view word, const WordFrequency& frequency, const HeadCheck& may_be_head)
      : word_(word), frequency_(frequency), may_be_head_(may_be_head) {}

  /// How often `part` is held (0 when it is too short or too rare to be a part).
  std::uint64_t part_frequency(const std::string& part) {
    if (letters(part) < kSplitMinPartLetters) return 0;
    const auto [it, added] = known_.try_emplace(part, 0);
    if (added) it->second = frequency_(part);
    return it->second >= kSplitMinPartFrequency ? it->second : 0;
  }

  /// The best cut of word_[from...] into exactly `count` parts, with the sum of the logarithms
  /// of their frequencies in `log_sum`; empty when there is none.
  std::vector<std::string> best(std::size_t from, std::size_t count, double& log_sum) {
    const std::string rest(word_.substr(from));
    if (count == 1) {
      if (may_be_head_ && !may_be_head_(rest)) return {};
      const std::uint64_t f = part_frequency(rest);
      if (f == 0) return {};
      log_sum = std::log(static_cast<double>(f));
      return {rest};
    }
    std::vector<std::string> result;
    for (std::size_t cut = from + 1; cut < word_.size(); ++cut) {
      if (!starts_char(word_, cut)) continue;
      const std::string text(word_.substr(from, cut - from));
      // The modifier as it stands, or without its linking letter ("affalds" -> "affald").
      std::uint64_t f = part_frequency(text);
      std::string modifier = text;
      if (text.ends_with('s') || text.ends_with('e')) {
        const std::string bare = text.substr(0, text.size() - 1);
        if (const std::uint64_t g = part_frequency(bare); g > f) {
          f = g;
          modifier = bare;
        }
      }
      if (f == 0) continue;
      double tail_sum = 0;
      std::vector<std::string> tail = best(cut, count - 1, tail_sum);
      if (tail.empty()) continue;
      const double sum = std::log(static_cast<double>(f)) + tail_sum;
      if (result.empty() || sum > log_sum) {
        log_sum = sum;
        result = {modifier};
        result.insert(result.end(), tail.begin(), tail.end());
      }
    }
    return result;
  }

 private:
  std::string_view word_;
  const WordFrequency& frequency_;
  const HeadCheck& may_be_head_;
  std::unordered_map<std::string, std::uint64_t> known_;
};

}  // namespace

std::vector<std::string> split_by_frequency(std::string_view word, const WordFrequency& frequency,
                                            const HeadCheck& may_be_head) {
  if (letters(word) < kSplitMinWordLetters) return {};
  Search search(word, frequency, may_be_head);
  // The fewest parts first: "fuldmagt|ordning", not "fuld|magt|ordning".
  for (std::size_t count = 2; count <= kSplitMaxParts; ++count) {
    double log_sum = 0;
    std::vector<std::string> parts = search.best(0, count, log_sum);
    if (parts.empty()) continue;
    const double mean = std::exp(log_sum / static_cast<double>(count));
    if (mean <= static_cast<double>(frequency(std::string(word)))) return {};
    return parts;
  }
  return {};
}

}  // namespace opslag
