// The ICU module (libleafpress_icu.so, see icu_module.hpp): the only code that calls ICU.
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <vector>

#include "core/c_handle.hpp"
#include "text/icu_module.hpp"

using leafpress::text::kIcuModuleAbi;

extern "C" std::uint64_t leafpress_icu_abi() { return kIcuModuleAbi; }

extern "C" int leafpress_icu_line_breaks(const char32_t* text, std::size_t n, const char* language,
                                         unsigned char* allow_after) {
    // The text as UTF-16, with the character each code unit belongs to.
    std::vector<UChar> units;
    std::vector<std::size_t> char_at;
    units.reserve(n);
    char_at.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        const auto c = static_cast<UChar32>(text[k]);
        if (c > 0xFFFF) {
            units.push_back(U16_LEAD(c));
            units.push_back(U16_TRAIL(c));
            char_at.push_back(k);
            char_at.push_back(k);
        } else {
            units.push_back(static_cast<UChar>(c));
            char_at.push_back(k);
        }
    }
    UErrorCode status = U_ZERO_ERROR;
    const leafpress::CHandle<UBreakIterator, ubrk_close> breaks(
        ubrk_open(UBRK_LINE, language, units.data(), static_cast<int32_t>(units.size()), &status));
    if (U_FAILURE(status) || !breaks) return -1;
    UBreakIterator* bi = breaks.get();
    for (int32_t b = ubrk_following(bi, 0); b != UBRK_DONE && b < static_cast<int32_t>(units.size()); b = ubrk_next(bi)) {
        const std::size_t at = char_at[static_cast<std::size_t>(b)];  // the character after the break
        if (at > 0) allow_after[at - 1] = 1;
    }
    return 0;
}

extern "C" void leafpress_icu_lower(char32_t* text, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) text[k] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(text[k])));
}
