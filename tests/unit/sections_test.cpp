#include <catch2/catch.hpp>

#include "layout/sections.hpp"

using namespace leafpress;

TEST_CASE("a link's address is printed without its scheme and trailing slash", "[sections]") {
    CHECK(printed_address("https://example.org/") == "example.org");
    CHECK(printed_address("http://www.nhs.uk/conditions/lupus/") == "www.nhs.uk/conditions/lupus");
    CHECK(printed_address("mailto:help@example.org") == "help@example.org");
    CHECK(printed_address("tel:+44-20-7946-0958") == "+44-20-7946-0958");
    CHECK(printed_address("https://example.org/a?b=c") == "example.org/a?b=c");
}
