// The body markup: a small subset of CommonMark parsed with md4c into Blocks.
// Supported: paragraphs, *emphasis*, **strong**, [links](uri), bare URLs, bullet and
// numbered lists with one nested level, hard line breaks. Anything else is a warning and
// its text is kept as plain text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "content/document.hpp"
#include "core/diagnostics.hpp"

namespace leafpress {

// Where the body text starts in its file, so that offsets become file positions.
struct TextOrigin {
    std::string file;
    int line = 1;    // line of the body's first character
    int column = 1;  // column of the body's first character
};

std::vector<Block> parse_markup(std::string_view body, const TextOrigin& origin, Diagnostics& diags);

}  // namespace leafpress
