// The words leafpress itself prints around a leaflet's content, in the leaflet's language, and
// how that language writes a date: read from data/translations/<language>.toml (see
// content/translations.hpp) and decided once for each leaflet when it is built.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/language.hpp"

namespace leafpress {

struct Labels {
    std::string questions;      // heading of the call to action
    std::string call;           // before the phone number: "Call"
    std::string page;           // "Page {n} of {m}"
    std::string reviewed;       // before the review date: "Reviewed"
    std::string qr_code;        // a QR code's alternative text starts so: "QR code:"
    std::string version;        // before the leaflet's version: "Version"
    std::string next_review;    // before the next review date: "Next review"
    std::string sources;        // the heading of the references: "Sources"
    std::string language_help;  // the heading of the brand's language-assistance taglines
    std::string notes;          // the heading of a page left for the reader's notes: "Notes"

    [[nodiscard]] std::string page_of(int n, int m) const;
};

// How a language writes a date, from its file's [date] table. A form's placeholders: {day}
// and {m} (day and month, no padding), {dd} and {mm} (two digits), {year}, {yyyy} (four
// digits) and {month} (the month's name from `months`).
struct DateForm {
    std::string format;         // with no region, or a region in `regions`
    std::string other_regions;  // any other region (empty: `format` everywhere)
    std::vector<std::string> regions;
    std::vector<std::string> months;  // twelve names, January first; empty when no form names {month}

    // The form for a language tag's region.
    [[nodiscard]] const std::string& for_region(const std::string& region) const;
};

// A leaflet's words.
struct Words {
    Labels labels;
    Language language;             // the labels' language: the leaflet's, or English when it has no file
    bool own = false;              // the leaflet's language has a translation file
    std::optional<DateForm> date;  // none: ICU's long form for the language when `own`, else ISO
    std::string file;              // the translation file read, for the build's inputs
};

}  // namespace leafpress
