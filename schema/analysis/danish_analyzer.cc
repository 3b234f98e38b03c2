// The Danish analysis chain shared by indexer and server.
#include "schema/analysis/danish_analyzer.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
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
  /// Stems already worked out with the dictionary, which costs more than Snowball.
  std::unordered_map<std::string, std::string> stems;
  static constexpr std::size_t kMaxCachedStems = 200000;
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
  Worker& operator*() const { return *worker_; }

 private:
  const DanishAnalyzer& owner_;
  std::unique_ptr<Worker> worker_;
};

DanishAnalyzer::DanishAnalyzer(const std::vector<std::string>& stopwords,
                               std::map<std::string, std::string> stem_overrides)
    : stem_overrides_(std::move(stem_overrides)) {
  Xapian::Stem snowball("danish");
  for (const std::string& word : stopwords) {
    const std::string folded = text::fold(word);
    stopwords_.insert(folded);
    stop_stems_.insert(snowball(folded));
  }
}

DanishAnalyzer::DanishAnalyzer(const Schema& schema)
    : DanishAnalyzer(schema.stopwords(), schema.stem_overrides()) {
  compounds_ = schema.compounds();
  if (!compounds_) return;
  const auto add = [&](const std::string& from, OtherForm to) {
    std::vector<OtherForm>& forms = other_forms_[from];
    if (std::none_of(forms.begin(), forms.end(),
                     [&](const OtherForm& f) { return f.stem == to.stem; }))
      forms.push_back(std::move(to));
  };
  for (const auto& [plural, singular] : compounds_->dictionary().umlaut_plurals()) {
    std::string plural_stem = stem(plural), singular_stem = stem(singular);
    if (plural_stem == singular_stem) continue;
    add(plural_stem, {singular_stem, singular});
    add(singular_stem, {plural_stem, plural});
  }
}

std::vector<DanishAnalyzer::OtherForm> DanishAnalyzer::other_forms(const std::string& stem) const {
  std::vector<OtherForm> forms;
  if (const auto it = other_forms_.find(stem); it != other_forms_.end()) forms = it->second;
  for (const auto& [ending, other] : kSameNounEndings) {
    if (stem.size() <= ending.size() || !stem.ends_with(ending)) continue;
    std::string word = stem.substr(0, stem.size() - ending.size()) + std::string(other);
    std::string word_stem = this->stem(word);
    if (word_stem != stem) forms.push_back({std::move(word_stem), std::move(word)});
  }
  return forms;
}

std::vector<std::string> DanishAnalyzer::inflections(std::string_view word,
                                                     const WordFrequency& vocabulary) const {
  if (!vocabulary || !is_plain_word(word)) return {};
  WorkerLease worker(*this);
  const std::string stem = stem_with(*worker, std::string(word));
  std::vector<std::string> bases{stem};
  if (const unsigned char last = stem.empty() ? 0 : static_cast<unsigned char>(stem.back());
      last >= 'a' && last <= 'z' &&
      std::string_view("aeiouy").find(static_cast<char>(last)) == std::string_view::npos)
    bases.push_back(stem + stem.back());  // "kat" -> "katt-en"
  std::vector<std::string> forms;
  const auto consider = [&](std::string form) {
    if (form == word || std::find(forms.begin(), forms.end(), form) != forms.end()) return;
    if (stem_with(*worker, form) != stem || vocabulary(form) == 0) return;
    forms.push_back(std::move(form));
  };
  consider(stem);
  for (const std::string& base : bases)
    for (const std::string_view ending : kInflectionEndings) consider(base + std::string(ending));
  return forms;
}

std::string DanishAnalyzer::stem_with(Worker& worker, const std::string& word) const {
  if (!is_plain_word(word)) return word;
  if (const auto it = stem_overrides_.find(word); it != stem_overrides_.end()) return it->second;
  if (!compounds_) return worker.stemmer(word);
  if (const auto it = worker.stems.find(word); it != worker.stems.end()) return it->second;
  std::string stem = family_stem(worker, word, worker.stemmer(word));
  if (worker.stems.size() >= Worker::kMaxCachedStems) worker.stems.clear();
  worker.stems.emplace(word, stem);
  return stem;
}

std::string DanishAnalyzer::family_stem(Worker& worker, const std::string& word,
                                        std::string snowball) const {
  std::optional<std::string> family;
  for (const std::string& base : compounds_->dictionary().bases_of(word)) {
    if (base.size() < 3 || is_stopword(base)) return snowball;
    const auto it = stem_overrides_.find(base);
    std::string stem = it != stem_overrides_.end() ? it->second : worker.stemmer(base);
    if (family && *family != stem) return snowball;  // forms of two words
    family = std::move(stem);
  }
  if (!family || *family == snowball || stop_stems_.contains(*family) ||
      stop_stems_.contains(snowball) || !snowball.starts_with(stem_start(*family)))
    return snowball;
  return *family;
}

std::string_view DanishAnalyzer::stem_start(std::string_view stem) {
  // Drop the last two letters (UTF-8 sequences), keeping at least three.
  const auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  const std::size_t letters =
      static_cast<std::size_t>(std::count_if(stem.begin(), stem.end(), is_lead));
  std::size_t end = stem.size();
  for (std::size_t dropped = 0; dropped < 2 && letters - dropped > 3; ++dropped) {
    do {
      --end;
    } while (!is_lead(stem[end]));
  }
  return stem.substr(0, end);
}

DanishAnalyzer::~DanishAnalyzer() = default;

std::string DanishAnalyzer::normalize(std::string_view input) const {
  if (!text::is_valid_utf8(input)) throw BadInput("text is not valid UTF-8");
  return text::to_nfc(input);
}

std::string DanishAnalyzer::stem(std::string_view word) const {
  if (!is_plain_word(word)) return std::string(word);
  WorkerLease worker(*this);
  return stem_with(*worker, std::string(word));
}

bool DanishAnalyzer::is_dictionary_word(std::string_view word) const {
  return compounds_ && (compounds_->knows(word) || !compound_stems(word).empty());
}

std::vector<std::string> DanishAnalyzer::compound_stems(std::string_view word) const {
  if (!compounds_ || word.size() < CompoundSplitter::kMinLetters || !is_plain_word(word)) return {};
  WorkerLease worker(*this);
  auto& cache = worker->compound_stems;
  if (const auto it = cache.find(std::string(word)); it != cache.end()) return it->second;
  std::vector<std::string> stems;
  for (const CompoundPart& part : compounds_->split(word)) {
    std::string stem = stem_with(*worker, part.word);
    if (std::find(stems.begin(), stems.end(), stem) == stems.end())
      stems.push_back(std::move(stem));
  }
  if (cache.size() >= Worker::kMaxCachedCompounds) cache.clear();
  cache.emplace(word, stems);
  return stems;
}

std::vector<std::string> DanishAnalyzer::compound_words(std::string_view word,
                                                        const WordFrequency& vocabulary) const {
  if (!compounds_ || !is_plain_word(word)) return {};
  std::vector<std::string> words;
  for (const CompoundPart& part : compounds_->split(word)) words.push_back(part.word);
  if (!words.empty() || !vocabulary || compounds_->knows(word)) return words;
  const WordFrequency content_words = [&](const std::string& part) -> std::uint64_t {
    return is_stopword(part) ? 0 : vocabulary(part);
  };
  return split_by_frequency(word, content_words,
                            [&](const std::string& head) { return compounds_->may_be_head(head); });
}

bool DanishAnalyzer::is_name(std::string_view word) const {
  return compounds_ && compounds_->dictionary().name_of(word).has_value();
}

bool DanishAnalyzer::is_stopword(std::string_view word) const {
  return stopwords_.contains(std::string(word));
}

namespace {

/// Collects the words of a text in order as the word breaker yields them, with the alternative
/// forms of each: its inner parts ("sundhed" and "dk" of "sundhed.dk") and, for a run of words
/// joined by single hyphens ("e-Boks", "Nem-ID"), the run joined.
class WordCollector {
 public:
  explicit WordCollector(std::function<std::string(const std::string&)> stem_of)
      : stem_of_(std::move(stem_of)) {}

  /// Text between words (spaces, punctuation).
  void separator(std::string_view raw) { gap_ += raw; }

  /// A word too long to index, or with nothing left after folding: it breaks any hyphen run.
  void skip() {
    last_word_ = SIZE_MAX;
    gap_.clear();
  }

  /// The word `folded`, written at [begin, end) of the text.
  void word(std::string folded, std::size_t begin, std::size_t end) {
    const bool hyphen_joined = last_word_ != SIZE_MAX && is_hyphen(gap_) && has_letter(folded) &&
                               has_letter(words_[last_word_].word);
    if (hyphen_joined) {
      extend_chain(folded, end);
    } else {
      flush_chain();
    }
    gap_.clear();
    last_word_ = words_.size();
    words_.push_back({folded, stem_of_(folded), begin, end, position_, false});
    const auto parts = inner_parts(folded);
    if (parts.size() >= 2) {
      for (std::string_view part : parts) {
        std::string p(part);
        words_.push_back({p, stem_of_(p), begin, end, position_, true});
      }
    }
    ++position_;
  }

  /// Every word collected, the last hyphen run included.
  [[nodiscard]] std::vector<AnalyzedWord> finish() {
    flush_chain();
    return std::move(words_);
  }

 private:
  void extend_chain(const std::string& folded, std::size_t end) {
    if (chain_parts_ == 0) {
      chain_ = words_[last_word_];
      chain_.alternative = true;
      chain_parts_ = 1;
    }
    chain_.word += folded;
    chain_.end = end;
    ++chain_parts_;
  }

  void flush_chain() {
    if (chain_parts_ >= 2 && chain_.word.size() <= DanishAnalyzer::kMaxWordBytes) {
      chain_.stem = stem_of_(chain_.word);
      words_.push_back(chain_);
    }
    chain_parts_ = 0;
  }

  std::function<std::string(const std::string&)> stem_of_;
  std::vector<AnalyzedWord> words_;
  AnalyzedWord chain_;           // the hyphen run being joined
  std::size_t chain_parts_ = 0;  // words in it so far
  std::uint32_t position_ = 0;
  std::string gap_;                   // separators since the last word
  std::size_t last_word_ = SIZE_MAX;  // index in words_ of the last word proper
};

}  // namespace

std::vector<AnalyzedWord> DanishAnalyzer::analyze(std::string_view input, Stemming stemming) const {
  const std::string nfc = normalize(input);
  WorkerLease worker(*this);
  const text::Utf8Text utext(nfc);
  UErrorCode status = U_ZERO_ERROR;
  worker->breaker->setText(utext.get(), status);
  if (U_FAILURE(status))
    throw InternalError(std::string("ICU word breaking failed: ") + u_errorName(status));

  WordCollector words([&](const std::string& w) -> std::string {
    if (stemming == Stemming::kNone) return {};
    return stem_with(*worker, w);
  });
  auto& breaker = *worker->breaker;
  for (int32_t begin = breaker.first(), end = breaker.next(); end != ::icu::BreakIterator::DONE;
       begin = end, end = breaker.next()) {
    const std::string_view raw(nfc.data() + begin, static_cast<std::size_t>(end - begin));
    if (breaker.getRuleStatus() < UBRK_WORD_NONE_LIMIT) {
      words.separator(raw);
      continue;
    }
    std::string folded = text::fold(raw);
    if (folded.empty() || folded.size() > kMaxWordBytes) {
      words.skip();
      continue;
    }
    words.word(std::move(folded), static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
  }
  return words.finish();
}

}  // namespace opslag
