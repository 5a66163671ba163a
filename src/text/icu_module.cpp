// The ICU module (libleafpress_icu.so, see icu_module.hpp): the only code that calls ICU.
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <cstring>
#include <memory>

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
    for (int32_t b = ubrk_following(bi, 0); b != UBRK_DONE && b < static_cast<int32_t>(units.size());
         b = ubrk_next(bi)) {
        const std::size_t at = char_at[static_cast<std::size_t>(b)];  // the character after the break
        if (at > 0) allow_after[at - 1] = 1;
    }
    return 0;
}

extern "C" void leafpress_icu_lower(char32_t* text, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) text[k] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(text[k])));
}

namespace {

// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct CloseFormat {
    void operator()(UDateFormat* f) const { udat_close(f); }
};

}  // namespace

extern "C" int leafpress_icu_format_date(int year, int month, int day, const char* locale, char* out,
                                         std::size_t capacity) {
    char id[ULOC_FULLNAME_CAPACITY] = {};
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(locale, id, sizeof id, nullptr, &status);
    if (U_FAILURE(status)) return -1;
    const UChar utc[] = {u'U', u'T', u'C', 0};
    std::unique_ptr<UDateFormat, CloseFormat> format(udat_open(UDAT_NONE, UDAT_LONG, id, utc, -1, nullptr, 0, &status));
    if (U_FAILURE(status) || !format) return -1;
    // A language ICU has no data for gets another locale's pattern (the root's "2026 M10 1", or
    // the default locale's): not the language's own way, so none.
    const char* valid = udat_getLocaleByType(format.get(), ULOC_VALID_LOCALE, &status);
    char asked[ULOC_LANG_CAPACITY] = {}, got[ULOC_LANG_CAPACITY] = {};
    if (U_FAILURE(status) || !valid) return -1;
    uloc_getLanguage(id, asked, sizeof asked, &status);
    uloc_getLanguage(valid, got, sizeof got, &status);
    if (U_FAILURE(status) || !*asked || std::strcmp(asked, got) != 0) return -1;
    const UDate at = static_cast<UDate>(days_from_civil(year, month, day)) * U_MILLIS_PER_DAY;
    UChar text[256];
    const int32_t n = udat_format(format.get(), at, text, 256, nullptr, &status);
    if (U_FAILURE(status) || n <= 0 || n >= 256) return -1;
    int32_t bytes = 0;
    u_strToUTF8(out, static_cast<int32_t>(capacity), &bytes, text, n, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || bytes <= 0 ||
        static_cast<std::size_t>(bytes) >= capacity)
        return -1;
    return bytes;
}
