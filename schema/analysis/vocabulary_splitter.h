// Splits a compound that no dictionary knows ("affaldsdata") into words that an index holds
// ("affald", "data"), by how often the index holds them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace opslag {

/// How many documents hold a folded word as written.
using WordFrequency = std::function<std::uint64_t(const std::string& word)>;

/// Whether a word may stand last in a compound ("lige" in "statslige" may not).
using HeadCheck = std::function<bool(const std::string& head)>;

/// The parts of a folded word as words of the vocabulary `frequency` describes, modifiers first
/// and the head last, a linking -s- or -e- taken off its modifier; empty when no split is
/// better than the word itself. Parts have at least kSplitMinPartLetters letters and are held by
/// at least kSplitMinPartFrequency documents; the fewest parts win ("fuldmagt|ordning", not
/// "fuld|magt|ordning"), and of cuts into as many, the one whose frequencies have the highest
/// geometric mean, if that mean is above the word's own frequency (Koehn and Knight, "Empirical
/// methods for compound splitting", 2003). A head must pass `may_be_head`, if given.
[[nodiscard]] std::vector<std::string> split_by_frequency(std::string_view word,
                                                          const WordFrequency& frequency,
                                                          const HeadCheck& may_be_head = {});

/// Words of fewer letters are never split; parts have at least kSplitMinPartLetters letters.
inline constexpr std::size_t kSplitMinWordLetters = 8;
inline constexpr std::size_t kSplitMinPartLetters = 4;
inline constexpr std::uint64_t kSplitMinPartFrequency = 2;
inline constexpr std::size_t kSplitMaxParts = 3;

}  // namespace opslag
