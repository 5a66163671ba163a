// Itemizing: the paragraph's direction, its bidi levels, and numbers kept left to right inside
// right-to-left text (isolated before FriBidi resolves the levels). The fonts are the
// repository's (Noto Sans, Noto Sans Arabic); Hebrew letters have no face there, which itemize
// reports, but their levels do not depend on a face.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/utf8.hpp"
#include "support.hpp"
#include "text/itemize.hpp"

using namespace leafpress;
using namespace leafpress::text;

namespace {

struct Fonts {
    Diagnostics setup;
    FontLibrary lib = FontLibrary::scan(test::fonts_dir(), setup);
    FontChain chain = *resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
};
Fonts& fonts() {
    static Fonts f;
    return f;
}

Itemized itemized(const std::vector<StyledRun>& runs, BaseDirection direction = BaseDirection::Auto) {
    ParagraphStyle ps;
    ps.direction = direction;
    TextContext ctx{fonts().chain, nullptr, {"i.toml", 1, 1}};
    Diagnostics diags;
    return itemize(runs, ps, ctx, diags);
}

Itemized itemized(const std::string& text, BaseDirection direction = BaseDirection::Auto) {
    return itemized(std::vector<StyledRun>{{text, FontStyle::Regular, {}, {}}}, direction);
}

// The characters in visual order, left to right: UAX #9 rule L2 applied to the levels.
std::string visual(const Itemized& it) {
    std::u32string s = it.text;
    std::vector<unsigned char> lv = it.level;
    const unsigned char hi = lv.empty() ? 0 : *std::max_element(lv.begin(), lv.end());
    unsigned char lo_odd = 255;
    for (auto l : lv)
        if (l % 2 == 1) lo_odd = std::min(lo_odd, l);
    for (int level = hi; level >= lo_odd && level > 0; --level)
        for (std::size_t k = 0; k < s.size();) {
            if (lv[k] < level) {
                ++k;
                continue;
            }
            std::size_t e = k;
            while (e < s.size() && lv[e] >= level) ++e;
            std::reverse(s.begin() + static_cast<long>(k), s.begin() + static_cast<long>(e));
            std::reverse(lv.begin() + static_cast<long>(k), lv.begin() + static_cast<long>(e));
            k = e;
        }
    return utf8::encode(s);
}

// A right-to-left word as it stands in visual order: its letters reversed.
std::string rev(const std::string& word) {
    std::u32string s = utf8::decode(word).text;
    std::reverse(s.begin(), s.end());
    return utf8::encode(s);
}

const std::string kCall = "اتصل";     // "call"
const std::string kNow = "الآن";      // "now"
const std::string kClinic = "عيادة";  // "clinic"
const std::string kShalom = "שלום";   // Hebrew "hello"

}  // namespace

TEST_CASE("the paragraph's direction is its style's, else its first strong character's", "[itemize]") {
    CHECK(itemized(kShalom + " world").direction == Direction::RightToLeft);
    CHECK(itemized(kCall + " world").direction == Direction::RightToLeft);
    CHECK(itemized("world " + kCall).direction == Direction::LeftToRight);
    // Digits and punctuation are not strong: the first letter after them decides.
    CHECK(itemized("(858) 258-5090 " + kCall).direction == Direction::RightToLeft);
    CHECK(itemized("12345").direction == Direction::LeftToRight);
    CHECK(itemized("").direction == Direction::LeftToRight);
    CHECK(itemized("world " + kCall, BaseDirection::RightToLeft).direction == Direction::RightToLeft);
    CHECK(itemized(kCall + " world", BaseDirection::LeftToRight).direction == Direction::LeftToRight);
    // A right-to-left paragraph of Latin text alone is still at its right-to-left base level.
    const Itemized latin = itemized("abc", BaseDirection::RightToLeft);
    CHECK(latin.level == std::vector<unsigned char>{2, 2, 2});
}

TEST_CASE("a phone number in Arabic text reads left to right, one level above the words", "[itemize]") {
    const Itemized it = itemized(kCall + " (858) 258-5090 " + kNow);
    REQUIRE(it.direction == Direction::RightToLeft);
    CHECK(visual(it) == rev(kNow) + " (858) 258-5090 " + rev(kCall));
    // The words at level 1, the number's characters (its brackets and inner space too) at 2.
    const std::size_t at = 5, len = 14;  // "(858) 258-5090" after "اتصل "
    for (std::size_t i = 0; i < it.text.size(); ++i) {
        CAPTURE(i);
        CHECK(it.level[i] == (i >= at && i < at + len ? 2 : 1));
    }
}

TEST_CASE("Arabic-Indic digit groups around a hyphen keep their order in Arabic text", "[itemize]") {
    // FriBidi alone sets the groups of Arabic numbers (AN) around a neutral hyphen right to left.
    const Itemized it = itemized(kCall + " ٠٥٨-١٢٣٤٥٦٧ " + kNow);
    CHECK(visual(it) == rev(kNow) + " ٠٥٨-١٢٣٤٥٦٧ " + rev(kCall));
    const Itemized persian = itemized(kCall + " ۰۲۱-۸۸۷۷۶۶۵۵ " + kNow);
    CHECK(visual(persian) == rev(kNow) + " ۰۲۱-۸۸۷۷۶۶۵۵ " + rev(kCall));
}

TEST_CASE("a number after Latin words in right-to-left text stays with them", "[itemize]") {
    // "Call WhatsApp 050-123-4567 now": the Latin words and the number are one left-to-right
    // stretch, as the bidi algorithm makes it; the number is not isolated from the word before it.
    const Itemized it = itemized(kCall + " WhatsApp 050-123-4567 " + kNow);
    CHECK(visual(it) == rev(kNow) + " WhatsApp 050-123-4567 " + rev(kCall));
}

TEST_CASE("Hebrew and Arabic in one paragraph, with digits and Latin words", "[itemize]") {
    const Itemized it = itemized(kShalom + " 12345-678 " + kClinic + " Noto 42 " + kNow);
    REQUIRE(it.direction == Direction::RightToLeft);
    CHECK(visual(it) == rev(kNow) + " Noto 42 " + rev(kClinic) + " 12345-678 " + rev(kShalom));
    // Short numbers are left to the bidi algorithm: "42" after Latin is part of the Latin stretch.
    const std::size_t n42 = utf8::decode(kShalom + " 12345-678 " + kClinic + " Noto ").text.size();
    CHECK(it.level[n42] == 2);
    CHECK(it.level[n42 + 1] == 2);
}

TEST_CASE("a number after right-to-left words in a left-to-right paragraph is isolated from them", "[itemize]") {
    // "Call <clinic> 555-0147-22 today": the number belongs to the English sentence; the bidi
    // algorithm alone would take it into the Arabic word's stretch and show it before the word.
    const Itemized it = itemized("Call " + kClinic + " 555-0147-22 today");
    REQUIRE(it.direction == Direction::LeftToRight);
    CHECK(visual(it) == "Call " + rev(kClinic) + " 555-0147-22 today");
    const Itemized end = itemized("Call " + kClinic + " (858) 258-5090.");
    CHECK(visual(end) == "Call " + rev(kClinic) + " (858) 258-5090.");
}

TEST_CASE("the clinic's phone-number run is isolated whole, its extension included", "[itemize]") {
    const std::vector<StyledRun> runs = {{kCall + " ", FontStyle::Regular, {}, {}},
                                         {"+1 (505) 555-0199 ext. 210", FontStyle::Bold, {}, {}, RunRole::PhoneNumber},
                                         {" " + kNow, FontStyle::Regular, {}, {}}};
    const Itemized it = itemized(runs);
    REQUIRE(it.direction == Direction::RightToLeft);
    CHECK(visual(it) == rev(kNow) + " +1 (505) 555-0199 ext. 210 " + rev(kCall));
    // The same text not marked as the clinic's number: "ext. 210" is a stretch of its own.
    const Itemized plain = itemized(kCall + " +1 (505) 555-0199 ext. 210 " + kNow);
    CHECK(visual(plain) != visual(it));
}

TEST_CASE("the isolates are FriBidi's alone: the text has no isolate characters", "[itemize]") {
    const std::string text = kCall + " (858) 258-5090 " + kNow + " ٠٥٨-١٢٣٤٥٦٧";
    const Itemized it = itemized(text);
    CHECK(utf8::encode(it.text) == text);
    CHECK(it.level.size() == it.text.size());
    CHECK(it.run.size() == it.text.size());
    CHECK(it.face.size() == it.text.size());
    CHECK(it.text.find_first_of(U"\u2066\u2067\u2068\u2069") == std::u32string::npos);
}
