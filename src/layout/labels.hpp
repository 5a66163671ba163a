// The words leafpress itself prints around the content, in the leaflet's language.
#pragma once
#include <string>
#include <string_view>

namespace leafpress {

struct Labels {
    std::string questions;  // heading of the call to action
    std::string call;       // before the phone number: "Call"
    std::string page;       // "Page {n} of {m}"
    std::string reviewed;   // before the review date: "Reviewed"
    std::string qr_code;    // a QR code's alternative text starts so: "QR code:"
    std::string version;    // before the leaflet's version: "Version"
    std::string next_review;  // before the next review date: "Next review"
    std::string sources;    // the heading of the references: "Sources"

    [[nodiscard]] std::string page_of(int n, int m) const;
};

// English, Spanish, French, Portuguese, Vietnamese and Arabic; English for anything else.
const Labels& labels_for(std::string_view language);

}  // namespace leafpress
