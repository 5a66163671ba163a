// Between leafpress and the module that calls ICU (libleafpress_icu.so). ICU's libraries cost
// every process about 0.6 ms to load, though a leaflet needs them only for three things: line
// breaks inside Thai, Lao, Khmer and Myanmar text, which UAX #14 leaves to a dictionary that
// libunibreak does not have, lower-casing a word before looking it up in hyphenation
// patterns, and writing a date in a language whose translation file gives no date form. The
// module is loaded the first time one is asked (icu()).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace leafpress::text {

// Changed whenever the functions below change: a module from another build is refused.
inline constexpr std::uint64_t kIcuModuleAbi = 2;

extern "C" {
// Marks allow_after[k] = 1 for each k in [0, n - 1) after which ICU's line break iterator for
// `language` allows a break inside text[0, n); returns 0, or -1 when ICU failed.
using IcuLineBreaksFn = int (*)(const char32_t* text, std::size_t n, const char* language, unsigned char* allow_after);
// Each character of text[0, n) to its lower case (Unicode's simple case mapping).
using IcuLowerFn = void (*)(char32_t* text, std::size_t n);
// The date year-month-day in ICU's long form for `locale` (a BCP 47 tag: "fi" gives
// "1. lokakuuta 2026"), as UTF-8 in out[0, capacity); returns its length, or -1 when ICU has no
// data of its own for the language (it would fall back to its root locale) or failed.
using IcuFormatDateFn = int (*)(int year, int month, int day, const char* locale, char* out, std::size_t capacity);
}

struct Icu {
    IcuLineBreaksFn line_breaks = nullptr;
    IcuLowerFn lower = nullptr;
    IcuFormatDateFn format_date = nullptr;
};

// The module's functions, loaded the first time, or why they cannot be.
const Result<const Icu*>& icu();

}  // namespace leafpress::text
