#include <catch2/catch.hpp>

#include "style/phone.hpp"

using namespace leafpress;

TEST_CASE("phone numbers become the tel: URI that dials them (RFC 3966)", "[phone]") {
    const struct {
        const char* written;
        const char* uri;
    } cases[] = {
        {"(858) 258-5090", "tel:858-258-5090"},
        {"858.258.5090", "tel:858-258-5090"},
        {"+1 858 258 5090", "tel:+1-858-258-5090"},
        {"+44 20 7946 0958", "tel:+44-20-7946-0958"},
        {"+44 (0)20 7946 0958", "tel:+44-20-7946-0958"},
        {"+44 (0) 20 7946 0958", "tel:+44-20-7946-0958"},
        {"1-800-FLOWERS", "tel:1-800-3569377"},
        {"1-800-flowers", "tel:1-800-3569377"},
        {"0800 123 4567 ext. 12", "tel:0800-123-4567;ext=12"},
        {"0800 123 4567 ext 12", "tel:0800-123-4567;ext=12"},
        {"(858) 258-5090 x204", "tel:858-258-5090;ext=204"},
        {"(858) 258-5090 extension 7", "tel:858-258-5090;ext=7"},
        {"+33 1 23 45 67 89 #3", "tel:+33-1-23-45-67-89;ext=3"},
        {"  +49 30 901820  ", "tel:+49-30-901820"},
        {"+34\u00A0912\u00A0345\u00A0678", "tel:+34-912-345-678"},
        {"111", "tel:111"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.written);
        const PhoneUri p = phone_uri(c.written);
        REQUIRE(p.uri);
        CHECK(*p.uri == c.uri);
    }
}

TEST_CASE("a phone number that cannot be dialled is refused, saying why", "[phone]") {
    const struct {
        const char* written;
        const char* problem;
    } cases[] = {
        {"", "the phone number is empty"},
        {"call us", "the phone number must start with a digit, '+' or '(', not 'c'"},
        {"12", "the phone number has fewer than 3 digits"},
        {"(858 258-5090", "the phone number has a '(' without its ')'"},
        {"858) 258-5090", "the phone number has a ')' without its '('"},
        {"858 258 5090 or 858 258 5091", "the phone number has 22 digits; a number has at most 15"},
        {"858 258 5090; 555 0100", "the phone number has the character ';', which cannot be dialled"},
        {"1234567890123456", "the phone number has 16 digits; a number has at most 15"},
        {"+1 858 258 5090 +1", "the phone number has the character '+', which cannot be dialled"},
        {"858-258-5090 \u260E", "the phone number has the character '\u260E', which cannot be dialled"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.written);
        const PhoneUri p = phone_uri(c.written);
        CHECK_FALSE(p.uri);
        CHECK(p.problem == c.problem);
    }
}

namespace {

// The occurrences PhoneFinder finds in `text`, as the text they cover.
std::vector<std::string> found(const PhoneFinder& f, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& s : f.find_utf8(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

}  // namespace

TEST_CASE("the clinic's number is found in running text in any of its written forms", "[phone][phone-find]") {
    const PhoneFinder f("+1 (505) 555-0199 ext. 210");
    using V = std::vector<std::string>;
    const struct {
        const char* text;
        V want;
    } cases[] = {
        {"call us on +1 (505) 555-0199 ext. 210 today", {"+1 (505) 555-0199 ext. 210"}},
        {"call (505) 555-0199.", {"(505) 555-0199"}},
        {"call 505-555-0199, any time", {"505-555-0199"}},
        {"call +1 505 555 0199 now", {"+1 505 555 0199"}},
        {"call 1-505-555-0199 now", {"1-505-555-0199"}},
        {"call 505.555.0199 x210.", {"505.555.0199 x210"}},
        {"call 505/555/0199 #210", {"505/555/0199 #210"}},
        {"call (505)\u00A0555\u20110199 extension 210", {"(505)\u00A0555\u20110199 extension 210"}},
        {"5055550199", {"5055550199"}},
        // Another extension is not the clinic's: the number alone.
        {"call 505-555-0199 ext. 12", {"505-555-0199"}},
        // Twice, and in Hebrew and Urdu text, with Arabic-Indic digits.
        {"\u05D4\u05EA\u05E7\u05E9\u05E8\u05D5 +1 (505) 555-0199 ext. 210 \u05D0\u05D5 505-555-0199",
         {"+1 (505) 555-0199 ext. 210", "505-555-0199"}},
        {"\u0641\u0648\u0646 \u06F5\u06F0\u06F5-\u06F5\u06F5\u06F5-\u06F0\u06F1\u06F9\u06F9 \u067E\u0631",
         {"\u06F5\u06F0\u06F5-\u06F5\u06F5\u06F5-\u06F0\u06F1\u06F9\u06F9"}},
        {"open 24 hours: 505-555-0199 24 hours a day", {"505-555-0199"}},
        // Other numbers, and longer numbers that contain the digits.
        {"call 505-555-0198 or 911", {}},
        {"code 505-555-01991", {}},
        {"ref 2-505-555-0199", {}},
        {"ref 505-555-0199-7", {}},
        {"ref 12 505 555 0199", {}},
        {"ref +2 505 555 0199", {}},
        {"ref +44 1 505 555 0199", {}},
        {"ID A505-555-0199", {}},
        {"555-0199 and (505) 555", {}},
        {"a 2505 555 0199 b", {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(found(f, c.text) == c.want);
    }
}

TEST_CASE("the number's own written form is found as written, vanity letters and trunk zero too",
          "[phone][phone-find]") {
    CHECK(found(PhoneFinder("1-800-FLOWERS"), "ring 1-800-FLOWERS or 1 800 356 9377!") ==
          std::vector<std::string>{"1-800-FLOWERS", "1 800 356 9377"});
    const PhoneFinder uk("+44 (0)20 7946 0958");
    CHECK(found(uk, "ring 020 7946 0958, +44 20 7946 0958 or +44 (0)20 7946 0958") ==
          std::vector<std::string>{"020 7946 0958", "+44 20 7946 0958", "+44 (0)20 7946 0958"});
    CHECK(found(uk, "ring 20 7946 0958") == std::vector<std::string>{"20 7946 0958"});
    const PhoneFinder local("(858) 258-5090");
    CHECK(found(local, "ring 858-258-5090 or +1 858 258 5090") == std::vector<std::string>{"858-258-5090"});
    CHECK(PhoneFinder("").find_utf8("858-258-5090").empty());
}

TEST_CASE("a piece of text is the whole number, or it is not", "[phone][phone-find]") {
    const PhoneFinder f("+1 (505) 555-0199 ext. 210");
    CHECK(f.is_whole(U"+1 (505) 555-0199 ext. 210"));
    CHECK(f.is_whole(U" (505) 555-0199 "));
    CHECK(f.is_whole(U"505-555-0199 x210"));
    CHECK_FALSE(f.is_whole(U"+1 (505)"));
    CHECK_FALSE(f.is_whole(U"555-0199 ext. 210"));
    CHECK_FALSE(f.is_whole(U"ext. 210 +1 (505) 555-0199"));
    CHECK_FALSE(f.is_whole(U"ext. 210"));
    CHECK_FALSE(f.is_whole(U"call 505-555-0199"));
}
