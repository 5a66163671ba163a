// Characters no input text may hold: control characters (C0 but tab and newline, DEL, C1), the
// noncharacters (U+FDD0 to U+FDEF, U+FFFE and U+FFFF and their like in every plane), and lone
// surrogates; numeric character references in markup are held to the same (markup.cpp). None prints, most are pasted in
// by accident from another program, and they break what is made from the text (XML metadata refuses them). Every string
// of a TOML input is checked once, when it is parsed, and refused at the character's own line and column, also inside
// escapes ("\u0001").
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "core/diagnostics.hpp"

namespace leafpress {

struct ForbiddenChar {
    std::size_t offset = 0;  // its first byte in the text
    char32_t code = 0;
};

// Whether no input text may hold `c` (also true past U+10FFFF, which a reference can name).
bool forbidden_char(char32_t c);

// Such a character in words: "the noncharacter U+FFFF", "a lone surrogate (U+D800)".
std::string describe_forbidden_char(char32_t c);

// The first character of UTF-8 `text` that no input may hold, if any.
std::optional<ForbiddenChar> find_forbidden_char(std::string_view text);

// Reports (input.control-character) the first such character of each string value and key in
// `table`, parsed from `text` (the file at `path`). True when there was none.
bool check_input_text(const toml::table& table, std::string_view text, const std::string& path, Diagnostics& diags);

}  // namespace leafpress
