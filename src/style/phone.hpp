// The clinic's phone number: read as the clinic wrote it, dialled exactly. The printed number
// is always the text in the brand file; the tel: URI (RFC 3966) is made from it here, once.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

namespace leafpress {

// Where the clinic's number is written in running text, in any of its written forms: the brand's
// phone exactly as written, or its digits with other separators ("(505) 555-0199",
// "505-555-0199", "+1 505 555 0199", "1.505.555.0199"), with or without its country code (and,
// for a number written "+44 (0)20 ...", its trunk 0), and with or without the brand's extension
// after it ("ext. 210", "x210", "#210"). Digits may be ASCII or Arabic-Indic. A longer number that
// contains the digits ("505-555-01991", "2-505-555-0199") is not the clinic's.
struct PhoneSpan {
    std::size_t begin = 0, end = 0;  // [begin, end): code points of a u32 text, or bytes of UTF-8
};

class PhoneFinder {
public:
    explicit PhoneFinder(std::string_view phone);

    std::vector<PhoneSpan> find(std::u32string_view text) const;
    std::vector<PhoneSpan> find_utf8(std::string_view text) const;  // byte offsets
    // Whether `text`, spaces at its ends aside, is one written form of the number and nothing else.
    bool is_whole(std::u32string_view text) const;
    bool empty() const { return national_.empty() && written_.empty(); }

private:
    std::size_t match_at(std::u32string_view t, std::size_t i) const;  // its end, or 0
    std::size_t extension_at(std::u32string_view t, std::size_t i) const;

    std::u32string written_;                // the brand's phone, as written
    std::string country_, national_, ext_;  // digits
    bool trunk_ = false;                    // "+44 (0)20 ...": national numbers start with 0
};

}  // namespace leafpress
