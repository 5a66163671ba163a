// The words leafpress itself prints around the content, in the leaflet's language, and dates
// written as that language writes them.
#pragma once
#include <string>
#include <string_view>

#include "content/document.hpp"
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

// The labels in a language: English, Spanish, French, Portuguese, German, Italian, Polish,
// Russian, Ukrainian, Vietnamese, Tagalog, Hmong, Chinese (Simplified and Traditional),
// Japanese, Korean, Armenian, Arabic, Persian, Hebrew, Hindi, Punjabi, Thai and Khmer;
// English for anything else.
const Labels& labels_for(const Language& language);

// Whether labels_for has the language's own words (rather than English's).
bool has_labels(const Language& language);

// A date as the language writes it: "October 1, 2026" (US English), "1 October 2026"
// (British English), "1 de octubre de 2026", "2026年10月1日", "01.10.2026"; the ISO form
// "2026-10-01" for languages without a form of their own here.
std::string format_date(const Date& date, const Language& language);

}  // namespace leafpress
