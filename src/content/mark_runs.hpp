// Characters that join the one before them into one cluster as HarfBuzz shapes it: combining
// marks (Mn, Mc, Me), emoji modifiers, a zero width joiner and the character after it, tags.
// Shaping a cluster costs time in the square of its length, so a run of them is held to
// limits::kClusterMarks, as Unicode's Stream-Safe Text Format (UAX #15) holds runs of
// non-starters to 30; real stacks (Vietnamese, Tibetan, emoji sequences) are far shorter.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace leafpress {

struct LongMarkRun {
    std::size_t offset = 0;  // the first byte of the joining character past the limit
    std::size_t length = 0;  // how many joining characters the run has in all
};

// The first run in UTF-8 `text` of more than `limit` joining characters, if any. Linear in text.
std::optional<LongMarkRun> find_long_mark_run(std::string_view text, std::size_t limit);

// The same count character by character, for text put together piece by piece (a body's text
// with its references, &#x301;, decoded): one run may mix written and referenced marks.
class MarkRunCounter {
public:
    enum class Step { Fine, Passed, Over };  // Passed: the first character past the limit
    explicit MarkRunCounter(std::size_t limit) : limit_(limit) {}
    // `reference`: the character was written as a reference (&#x301;), not as itself.
    Step feed(char32_t c, bool reference);
    void reset() { run_ = 0, after_joiner_ = referenced_ = false; }
    // Whether the run so far has a character written as a reference.
    [[nodiscard]] bool referenced() const { return referenced_; }

private:
    std::size_t limit_;
    std::size_t run_ = 0;
    bool after_joiner_ = false;
    bool referenced_ = false;
};

}  // namespace leafpress
