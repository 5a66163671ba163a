// Language tags (BCP 47, RFC 5646), checked by hand in linear time: no regular expression,
// so a 50 KB value costs nothing.
#pragma once
#include <string_view>

namespace leafpress {

// Well-formed enough for leafpress: a primary subtag of 2 or 3 letters, then subtags of 1 to 8
// letters or digits separated by '-', at most limits::kLanguageTag characters in all.
bool is_language_tag(std::string_view tag);

}  // namespace leafpress
