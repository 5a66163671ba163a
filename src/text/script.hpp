// Scripts (ISO 15924, as HarfBuzz names them): which script each character of a paragraph is
// written in, and which installed font families and Debian packages cover a script.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <hb.h>

namespace leafpress::text {

// The script of every character, with characters common to several scripts (spaces, digits,
// punctuation, symbols) and combining marks taking the script of the text around them, as
// libraqm does: the preceding script, else (at the start) the first one that follows. Paired
// brackets take the script their opening bracket had.
std::vector<hb_script_t> resolve_scripts(std::u32string_view text);

// Whether the character belongs to no script of its own (Common or Inherited).
bool is_common(char32_t c);

// The families to try, in order, for a script in a language: the Noto family for the script
// (for Han: the Chinese, Japanese or Korean cut that matches the language), then symbol and
// math families for symbols.
std::vector<std::string> fallback_families(hb_script_t script, std::string_view language);

// The Debian package whose fonts cover a script ("fonts-noto-cjk" for Han); empty for
// private-use and unassigned characters, which no package covers.
std::string_view font_package(hb_script_t script);

// "Han", "Devanagari", ... (English name), or the ISO 15924 code for the rarer ones.
std::string script_name(hb_script_t script);

}  // namespace leafpress::text
