// The Danish analysis chain shared by indexer and server.
#include "schema/analysis/danish_analyzer.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "schema/analysis/icu_text.h"
#include "schema/errors.h"

namespace opslag {
namespace {

bool is_hyphen(std::string_view gap) { return gap == "-" || gap == "\u2010" || gap == "\u2011"; }

bool has_letter(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 'a' && b <= 'z') || b >= 0x80;
  });
}

/// True for a word made of letters only, the words the Snowball stemmer is for.
bool is_plain_word(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 'a' && b <= 'z') || b >= 0x80;
  });
}

/// Splits a folded word at its inner punctuation ("kl's" -> kl, s; "sundhed.dk" -> sundhed, dk).
std::vector<std::string_view> inner_parts(std::string_view word) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t mark = 0;
    if (std::string_view(".':_").find(word[i]) != std::string_view::npos) {
      mark = 1;
    } else if (word.compare(i, 3, "\u2019") == 0) {
      mark = 3;
    } else if (word.compare(i, 2, "\u00b7") == 0) {
      mark = 2;
    }
    if (mark == 0) {
      ++i;
      continue;
    }
    if (i > start) parts.push_back(word.substr(start, i - start));
    i += mark;
    start = i;
  }
  if (start < word.size()) parts.push_back(word.substr(start));
  return parts;
}

}  // namespace

/// The per-thread state of the chain: ICU's break iterator and Snowball's stemmer are not
/// thread-safe, so each analysing thread leases one of these.
struct DanishAnalyzer::Worker {
  std::unique_ptr<::icu::BreakIterator> breaker = text::make_word_breaker();
  Xapian::Stem stemmer{"danish"};
  /// Compound parts already worked out: words repeat, and splitting is the costly step.
  std::unordered_map<std::string, std::vector<std::string>> compound_stems;
  static constexpr std::size_t kMaxCachedCompounds = 100000;
};

/// Takes an idle worker (or makes one) and gives it back when it goes out of scope.
class DanishAnalyzer::WorkerLease {
 public:
  explicit WorkerLease(const DanishAnalyzer& owner) : owner_(owner) {
    std::lock_guard lock(owner_.mutex_);
    if (owner_.idle_.empty()) {
      worker_ = std::make_unique<Worker>();
    } else {
      worker_ = std::move(owner_.idle_.back());
      owner_.idle_.pop_back();
    }
  }
  ~WorkerLease() {
    std::lock_guard lock(owner_.mutex_);
    owner_.idle_.push_back(std::move(worker_));
  }
  WorkerLease(const WorkerLease&) = delete;
  WorkerLease& operator=(const WorkerLease&) = delete;
  Worker* operator->() const { return worker_.get(); }

 private:
  const DanishAnalyzer& owner_;
  std::unique_ptr<Worker> worker_;
};

DanishAnalyzer::DanishAnalyzer(const std::vector<std::string>& stopwords,
                               std::map<std::string, std::string> stem_overrides)
    : stem_overrides_(std::move(stem_overrides)) {
  for (const std::string& word : stopwords) stopwords_.insert(text::fold(word));
}

DanishAnalyzer::DanishAnalyzer(const Schema& schema)
    : DanishAnalyzer(schema.stopwords(), schema.stem_overrides()) {
  compounds_ = schema.compounds();
}

std::string DanishAnalyzer::stem_with(Xapian::Stem& stemmer, const std::string& word) const {
  if (!is_plain_word(word)) return word;
  if (const auto it = stem_overrides_.find(word); it != stem_overrides_.end()) return it->second;
  return stemmer(word);
}

DanishAnalyzer::~DanishAnalyzer() = default;

std::string DanishAnalyzer::normalize(std::string_view input) const {
  if (!text::is_valid_utf8(input)) throw BadInput("text is not valid UTF-8");
  return text::to_nfc(input);
}

std::string DanishAnalyzer::stem(std::string_view word) const {
  if (!is_plain_word(word)) return std::string(word);
  WorkerLease worker(*this);
  return stem_with(worker->stemmer, std::string(word));
}

std::vector<std::string> DanishAnalyzer::compound_stems(std::string_view word) const {
  if (!compounds_ || word.size() < CompoundSplitter::kMinLetters || !is_plain_word(word)) return {};
  WorkerLease worker(*this);
  auto& cache = worker->compound_stems;
  if (const auto it = cache.find(std::string(word)); it != cache.end()) return it->second;
  std::vector<std::string> stems;
  for (const CompoundPart& part : compounds_->split(word)) {
    std::string stem = stem_with(worker->stemmer, part.word);
    if (std::find(stems.begin(), stems.end(), stem) == stems.end())
      stems.push_back(std::move(stem));
  }
  if (cache.size() >= Worker::kMaxCachedCompounds) cache.clear();
  cache.emplace(word, stems);
  return stems;
}

bool DanishAnalyzer::is_stopword(std::string_view word) const {
  return stopwords_.contains(std::string(word));
}

std::vector<AnalyzedWord> DanishAnalyzer::analyze(std::string_view input, Stemming stemming) const {
  const std::string nfc = normalize(input);
  WorkerLease worker(*this);
  const text::Utf8Text utext(nfc);
  UErrorCode status = U_ZERO_ERROR;
  worker->breaker->setText(utext.get(), status);
  if (U_FAILURE(status))
    throw InternalError(std::string("ICU word breaking failed: ") + u_errorName(status));

  std::vector<AnalyzedWord> words;
  const auto stem_of = [&](const std::string& w) -> std::string {
    if (stemming == Stemming::kNone) return {};
    return stem_with(worker->stemmer, w);
  };
  // A run of words joined by single hyphens ("e-Boks", "Nem-ID") is also indexed joined.
  AnalyzedWord chain;
  std::size_t chain_parts = 0;
  const auto flush_chain = [&] {
    if (chain_parts >= 2 && chain.word.size() <= kMaxWordBytes) {
      chain.stem = stem_of(chain.word);
      words.push_back(chain);
    }
    chain_parts = 0;
  };

  auto& breaker = *worker->breaker;
  std::uint32_t position = 0;
  std::string gap;                   // separators since the last word
  std::size_t last_word = SIZE_MAX;  // index in `words` of the last word proper
  for (int32_t begin = breaker.first(), end = breaker.next(); end != ::icu::BreakIterator::DONE;
       begin = end, end = breaker.next()) {
    const std::string_view raw(nfc.data() + begin, static_cast<std::size_t>(end - begin));
    if (breaker.getRuleStatus() < UBRK_WORD_NONE_LIMIT) {
      gap += raw;
      continue;
    }
    std::string folded = text::fold(raw);
    if (folded.empty() || folded.size() > kMaxWordBytes) {
      last_word = SIZE_MAX;
      gap.clear();
      continue;
    }
    const auto word_begin = static_cast<std::size_t>(begin);
    const auto word_end = static_cast<std::size_t>(end);
    const bool hyphen_joined = last_word != SIZE_MAX && is_hyphen(gap) && has_letter(folded) &&
                               has_letter(words[last_word].word);
    if (!hyphen_joined) {
      flush_chain();
    } else {
      if (chain_parts == 0) {
        chain = words[last_word];
        chain.alternative = true;
        chain_parts = 1;
      }
      chain.word += folded;
      chain.end = word_end;
      ++chain_parts;
    }
    gap.clear();

    last_word = words.size();
    words.push_back({folded, stem_of(folded), word_begin, word_end, position, false});
    const auto parts = inner_parts(folded);
    if (parts.size() >= 2) {
      for (std::string_view part : parts) {
        std::string p(part);
        words.push_back({p, stem_of(p), word_begin, word_end, position, true});
      }
    }
    ++position;
  }
  flush_chain();
  return words;
}

}  // namespace opslag
