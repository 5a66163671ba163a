// The clinic's phone number: read as the clinic wrote it, dialled exactly. The printed number
// is always the text in the brand file; the tel: URI (RFC 3966) is made from it here, once.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace leafpress {

struct PhoneUri {
    std::optional<std::string> uri;  // "tel:+44-20-7946-0958", "tel:858-258-5090;ext=12"
    std::string problem;             // why there is none: the number cannot be dialled as written
    std::string hint;
};

// Reads a phone number as people write it: an optional leading '+' and country code, groups
// of digits separated by spaces, '-', '.', '/' or parentheses, the letters of a vanity number
// (1-800-FLOWERS dials 1-800-356-9377), a trunk "(0)" after a country code (dropped when
// dialling), and an extension after "ext", "ext.", "extension", "x" or "#". A number with a
// '+' becomes a global number; one without stays a local number, digits grouped as written.
PhoneUri phone_uri(std::string_view phone);

}  // namespace leafpress
