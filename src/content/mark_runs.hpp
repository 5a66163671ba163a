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

}  // namespace leafpress
