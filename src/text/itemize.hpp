// Itemizing a paragraph: its characters with their run, bidi level, script, face and the
// UAX #14 break opportunity after each (word boundaries from a dictionary for Thai, Lao,
// Khmer and Myanmar, which write words without spaces). Numbers and the clinic's phone number
// inside right-to-left text are given to FriBidi as left-to-right isolates; the isolate marks
// are FriBidi's alone, never part of the text that is shaped, drawn or extracted.
#pragma once
#include <string>
#include <vector>

#include "text/paragraph.hpp"

namespace leafpress::text {

enum class BreakAfter : char { Must, Allow, No };

struct Itemized {
    std::u32string text;
    std::vector<int> run;              // StyledRun index per character
    std::vector<unsigned char> level;  // bidi embedding level per character
    std::vector<const Face*> face;     // face per character
    std::vector<hb_script_t> script;   // script per character, common characters resolved
    std::vector<BreakAfter> breaks;    // break opportunity after each character
    // The paragraph's direction, decided here once: the style's, else its first strong
    // character's (UAX #9 P2, P3). SetParagraph carries it on to the layout.
    Direction direction = Direction::LeftToRight;
};

Itemized itemize(const std::vector<StyledRun>& runs, const ParagraphStyle& style, const TextContext& context,
                 Diagnostics& diags);

bool is_space(char32_t c);

}  // namespace leafpress::text
