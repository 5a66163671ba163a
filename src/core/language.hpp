// Language tags (BCP 47, RFC 5646), checked by hand in linear time: no regular expression,
// so a 50 KB value costs nothing. A tag is parsed once into a Language, which says what the
// rest of leafpress needs to know: its primary language, script and region, the direction
// it is written in and whether its words are hyphenated.
#pragma once
#include <string>
#include <string_view>

namespace leafpress {

// Well-formed enough for leafpress: a primary subtag of 2 or 3 letters, then subtags of 1 to 8
// letters or digits separated by '-', at most limits::kLanguageTag characters in all.
bool is_language_tag(std::string_view tag);

enum class WritingDirection { LeftToRight, RightToLeft };

struct Language {
    std::string tag = "en";      // as written: "zh-Hant-TW"
    std::string primary = "en";  // lower case: "zh"
    std::string script;          // title case when given: "Hant"
    std::string region;          // upper case when given: "TW"
    WritingDirection direction = WritingDirection::LeftToRight;
    // Whether the language breaks words with hyphens at line ends (not Arabic, Hebrew, Persian,
    // Chinese, Japanese, Korean, Thai, Lao, Khmer, Myanmar, ...).
    bool hyphenated = true;

    // From a tag is_language_tag accepts (anything else gives English's defaults for the tag).
    static Language parse(std::string_view tag);
    [[nodiscard]] bool rtl() const { return direction == WritingDirection::RightToLeft; }
    bool operator==(const Language& o) const { return tag == o.tag; }
};

}  // namespace leafpress
