// Itemizing a paragraph: each character's bidi level, script, face and the break opportunity
// after it, with the repository's fonts alone (tests/data/shaping/*.test pins whole dumps).
#include <catch2/catch.hpp>

#include "core/utf8.hpp"
#include "support.hpp"
#include "text/itemize.hpp"

using namespace leafpress;
using namespace leafpress::text;

namespace {

struct Fixture {
    Diagnostics setup;
    FontLibrary lib = FontLibrary::scan(test::fonts_dir(), setup, FontLibrary::System::Ignore);
    FontChain chain = *resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
};
const Fixture& fx() {
    static const Fixture f;
    return f;
}

Itemized items(const std::vector<StyledRun>& runs, const std::string& language = "en") {
    ParagraphStyle style;
    style.language = Language::parse(language);
    Diagnostics d;
    return itemize(runs, style, {fx().chain, nullptr, {"p.toml", 1, 1}}, d);
}
StyledRun styled(const std::string& text, FontStyle style = FontStyle::Regular) {
    StyledRun run;
    run.text = text;
    run.style = style;
    return run;
}
Itemized items(const std::string& text, const std::string& language = "en") { return items({styled(text)}, language); }

std::string levels(const Itemized& it) {
    std::string out;
    for (unsigned char l : it.level) out += static_cast<char>('0' + l);
    return out;
}

std::string breaks(const Itemized& it) {
    std::string out;
    for (BreakAfter b : it.breaks) out += b == BreakAfter::Must ? '!' : b == BreakAfter::Allow ? '|' : '.';
    return out;
}

}  // namespace

TEST_CASE("itemize: bidi levels of Arabic in English, and of numbers in Arabic", "[itemize]") {
    const auto ltr = items("Say مرحبا now");
    CHECK(ltr.direction == Direction::LeftToRight);
    CHECK(levels(ltr) == "0000111110000");
    const auto rtl = items("خذ 12 حبة", "ar");
    CHECK(rtl.direction == Direction::RightToLeft);
    CHECK(levels(rtl) == "111221111");  // the number reads left to right inside
}

TEST_CASE("itemize: spaces, digits and brackets take the script around them", "[itemize]") {
    const auto it = items("abc (123) مرحبا");
    REQUIRE(it.script.size() == 15);
    for (std::size_t i = 0; i < 10; ++i) {
        CAPTURE(i);
        CHECK(it.script[i] == HB_SCRIPT_LATIN);
    }
    for (std::size_t i = 10; i < 15; ++i) CHECK(it.script[i] == HB_SCRIPT_ARABIC);
}

TEST_CASE("itemize: each character's face, a combining mark its base's", "[itemize]") {
    const auto it = items(utf8::encode(U"e\u0301 \u0628\u064E"));
    const Face* latin = fx().lib.find("Noto Sans", FontStyle::Regular);
    const Face* arabic = fx().lib.find("Noto Sans Arabic", FontStyle::Regular);
    REQUIRE(it.face.size() == 5);
    CHECK(it.face[0] == latin);
    CHECK(it.face[1] == latin);  // the acute with its e
    CHECK(it.face[3] == arabic);
    CHECK(it.face[4] == arabic);  // the fatha with its beh
    // Bold text takes the bold face.
    const auto bold = items({styled("Take", FontStyle::Bold)});
    CHECK(bold.face[0] == fx().lib.find("Noto Sans", FontStyle::Bold));
}

TEST_CASE("itemize: break opportunities after spaces and soft hyphens, none at a no-break space", "[itemize]") {
    CHECK(breaks(items("one two")) == "...|..!");
    CHECK(breaks(items(utf8::encode(U"10\u00A0mg x"))) == ".....|!");
    CHECK(breaks(items(utf8::encode(U"ab\u00ADcd"))) == "..|.!");
    CHECK(breaks(items("one\ntwo")) == "...!..!");
    // Runs join into one text, with a break between them where the text allows it.
    const auto two = items({styled("Take "), styled("two", FontStyle::Bold)});
    CHECK(breaks(two) == "....|..!");
    CHECK(two.run == std::vector<int>{0, 0, 0, 0, 0, 1, 1, 1});
}
