#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::utf8 {

// Byte offset of the first invalid sequence, or nullopt when the text is valid UTF-8.
std::optional<std::size_t> find_invalid(std::string_view s);

// Decodes valid UTF-8 into code points; byte_offsets[i] is where code point i starts.
struct Decoded {
    std::u32string text;
    std::vector<std::size_t> byte_offsets;
};
Decoded decode(std::string_view s);

void append(std::string& out, char32_t cp);
std::string encode(std::u32string_view s);

// "U+00E9"
std::string codepoint_name(char32_t cp);

// The text cut to at most `max_bytes` bytes at a character's start, so that a quote in a
// message stays valid UTF-8; `ellipsis` ("...") is added when it was cut, within the bytes.
std::string shortened(std::string_view s, std::size_t max_bytes, std::string_view ellipsis = "...");

// Text as XML or HTML character data or a double-quoted attribute's value: & < > " escaped.
std::string markup_escaped(std::string_view s);

}  // namespace leafpress::utf8
