// Characters no input text may hold: control characters (C0 but tab and newline, DEL, C1), the
// noncharacters U+FFFE and U+FFFF, and lone surrogates. None prints, most are pasted in by
// accident from another program, and they break what is made from the text (XML metadata
// refuses them). Every string of a TOML input is checked once, when it is parsed, and refused
// at the character's own line and column, also inside escapes ("\u0001").
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

// The first character of UTF-8 `text` that no input may hold, if any.
std::optional<ForbiddenChar> find_forbidden_char(std::string_view text);

// Reports (input.control-character) the first such character of each string value and key in
// `table`, parsed from `text` (the file at `path`). True when there was none.
bool check_input_text(const toml::table& table, std::string_view text, const std::string& path, Diagnostics& diags);

}  // namespace leafpress
