#include <catch2/catch.hpp>

#include "core/utf8.hpp"

using namespace leafpress;

TEST_CASE("a text shortened for a message is cut at a character, never inside one", "[utf8]") {
    // Tamil: three bytes a character; every cut length gives valid UTF-8 within the limit.
    const std::string tamil = "குடும்பத்தையும் குழந்தைகளையும் பாதுகாக்கும் தடுப்பூசிகள்";
    for (std::size_t max = 0; max <= tamil.size() + 1; ++max) {
        CAPTURE(max);
        const std::string s = utf8::shortened(tamil, max);
        CHECK_FALSE(utf8::find_invalid(s));
        if (tamil.size() > max) {
            CHECK(s.size() <= std::max<std::size_t>(max, 3));
            CHECK(s.ends_with("..."));
            CHECK(tamil.starts_with(s.substr(0, s.size() - 3)));
        } else {
            CHECK(s == tamil);
        }
    }
    // Four-byte characters, and no ellipsis.
    const std::string emoji = "💊💉🌡";
    CHECK(utf8::shortened(emoji, 7, "") == "💊");
    CHECK(utf8::shortened(emoji, 8, "") == "💊💉");
    CHECK(utf8::shortened("plain", 40) == "plain");
}
