// The body markup: a small subset of CommonMark parsed with md4c into Blocks.
// Supported: paragraphs, *emphasis*, **strong**, [links](uri) to http(s), mailto and tel
// addresses, bare URLs, bullet and numbered lists with one nested level, hard line breaks.
// Anything else is a warning and its text is kept as plain text. White space is collapsed as
// the text is read, and every span records where its characters are in the file.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "content/document.hpp"
#include "content/string_source.hpp"
#include "core/diagnostics.hpp"

namespace leafpress {

// Where the body text starts in its file, so that offsets become file positions.
struct TextOrigin {
    std::string file;
    int line = 1;    // line of the body's first character
    int column = 1;  // column of the body's first character
};

// `source` maps offsets in the body to positions in its file.
std::vector<Block> parse_markup(std::string_view body, const StringSource& source, Diagnostics& diags);

// The same for a body that stands verbatim in its file from `origin` on.
std::vector<Block> parse_markup(std::string_view body, const TextOrigin& origin, Diagnostics& diags);

// Whether a link target is one leafpress prints and makes clickable: http, https, mailto or tel.
bool is_allowed_link(std::string_view uri);

}  // namespace leafpress
