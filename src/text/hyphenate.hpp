// Hyphenation with libhyphen and the system's pattern files (Debian's hyphen-* packages).
#pragma once
#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

struct _HyphenDict;

namespace leafpress::text {

struct HyphenMins {
    int left = 2;   // characters before the first possible hyphen
    int right = 3;  // characters after the last one
};

class Hyphenator {
public:
    // The patterns for a BCP 47 language ("en", "en-GB", "es"), or nullptr when none are installed.
    static std::unique_ptr<Hyphenator> load(std::string_view language, const std::string& patterns_dir);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Positions p (in characters, 0 < p < word.size()) where the word may be hyphenated
    // as word[0,p) + "-" / word[p,...). The word is letters only.
    [[nodiscard]] std::vector<std::size_t> points(std::u32string_view word, HyphenMins mins = {}) const;
    [[nodiscard]] const std::string& file() const { return file_; }

private:
    Hyphenator() = default;
    [[nodiscard]] std::vector<std::size_t> compute_points(std::u32string_view word, HyphenMins mins) const;
    [[nodiscard]] std::vector<std::size_t> points_8bit(std::u32string_view lower, HyphenMins mins) const;
    _HyphenDict* dict_ = nullptr;
    std::string file_;
    std::string charset_;  // the file's 8-bit encoding; empty for UTF-8
    mutable std::mutex memo_mutex_;
    mutable std::unordered_map<std::u32string, std::vector<std::size_t>> memo_;  // word + mins → points
};

// A language's patterns, loaded the first time a paragraph needs a hyphen: a leaflet whose
// lines break well without hyphens never reads them (loading English's is most of a short
// leaflet's build). Safe to share between threads.
class LazyHyphenator {
public:
    // Finds the pattern file now (a folder listing), loads it on first get().
    LazyHyphenator(std::string_view language, const std::string& patterns_dir);
    // Patterns already loaded (tests).
    explicit LazyHyphenator(std::unique_ptr<Hyphenator> loaded);
    [[nodiscard]] bool available() const { return !file_.empty() || hyphenator_ != nullptr; }
    // The patterns, loaded now if not yet; nullptr when there are none.
    [[nodiscard]] const Hyphenator* get() const;
    [[nodiscard]] bool loaded() const { return hyphenator_ != nullptr; }
    // The pattern file, or "" for patterns given loaded.
    [[nodiscard]] const std::string& file() const { return file_; }

private:
    std::string language_, dir_, file_;
    mutable std::once_flag once_;
    mutable std::unique_ptr<Hyphenator> hyphenator_;
};

// The pattern file for a language in a folder, or "" when there is none.
std::string find_patterns(std::string_view language, const std::string& patterns_dir);

}  // namespace leafpress::text
