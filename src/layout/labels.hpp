// Dates written as the leaflet's language writes them (its words are content/words.hpp).
#pragma once
#include <string>

#include "content/document.hpp"
#include "content/words.hpp"

namespace leafpress {

// A date as the leaflet's language writes it: the form in its translation file ("October 1,
// 2026", "1 de octubre de 2026", "2026年10月1日", "01.10.2026"); for a file without a [date]
// table, ICU's long form for the language ("1. lokakuuta 2026"); the ISO form "2026-10-01" for
// a language without a file, one ICU has no data for, or when ICU cannot be loaded.
std::string format_date(const Date& date, const Words& words);

// A date in a form of a translation file (see DateForm).
std::string format_date(const Date& date, const std::string& form, const std::vector<std::string>& months);

}  // namespace leafpress
