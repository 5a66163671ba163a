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
