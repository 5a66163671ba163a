// Itemizing a paragraph: its characters with their run, bidi level, script, face and the
// UAX #14 break opportunity after each (word boundaries from a dictionary for Thai, Lao,
// Khmer and Myanmar, which write words without spaces).
#pragma once
#include <string>
#include <vector>

#include "text/paragraph.hpp"

namespace leafpress::text {

enum class BreakAfter : char { Must, Allow, No };

struct Itemized {
    std::u32string text;
    std::vector<int> run;               // StyledRun index per character
    std::vector<unsigned char> level;   // bidi embedding level per character
    std::vector<const Face*> face;      // face per character
    std::vector<hb_script_t> script;    // script per character, common characters resolved
    std::vector<BreakAfter> breaks;     // break opportunity after each character
    Direction direction = Direction::LeftToRight;
};

Itemized itemize(const std::vector<StyledRun>& runs, const ParagraphStyle& style, const TextContext& context,
                 Diagnostics& diags);

bool is_space(char32_t c);

}  // namespace leafpress::text
