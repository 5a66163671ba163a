#include <catch2/catch.hpp>

#include "support.hpp"
#include "text/shape.hpp"

using namespace leafpress;
using namespace leafpress::text;

namespace {
const FontLibrary& library() {
    static Diagnostics d;
    static const FontLibrary lib = FontLibrary::scan(test::fonts_dir(), d, FontLibrary::System::Ignore);
    return lib;
}
std::vector<ShapedGlyph> shape_text(const std::u32string& s, const Face& face, Direction dir = Direction::LeftToRight) {
    return shape({s, 0, s.size(), &face, Pt(10), dir, "en"});
}
Pt width(const std::vector<ShapedGlyph>& g) {
    Pt w{0};
    for (const auto& x : g) w += x.advance;
    return w;
}
}  // namespace

TEST_CASE("the font library finds faces by family and style", "[fonts]") {
    const auto& lib = library();
    REQUIRE(lib.find("Noto Sans", FontStyle::Regular));
    CHECK(lib.find("Noto Sans", FontStyle::Regular)->postscript_name() == "NotoSans-Regular");
    CHECK(lib.find("Noto Sans", FontStyle::BoldItalic)->postscript_name() == "NotoSans-BoldItalic");
    // A family without italics falls back to its regular face.
    CHECK(lib.find("Noto Sans Arabic", FontStyle::Italic)->postscript_name() == "NotoSansArabic-Regular");
    CHECK(lib.find("No Such Family", FontStyle::Regular) == nullptr);
}

TEST_CASE("resolve_fonts reports a family the library lacks", "[fonts]") {
    Diagnostics d;
    // The missing fallback is reported where it is named, not at the family.
    CHECK_FALSE(resolve_fonts("Noto Sans", {"Missing Sans"}, library(), {{"l.toml", 12, 10}, {"l.toml", 13, 13}}, d));
    REQUIRE(d.all().size() == 1);
    CHECK(format(d.all()[0]).starts_with("l.toml:13:13: error: font family 'Missing Sans' is neither in"));
    Diagnostics ok;
    auto chain = resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, library(), {}, ok);
    REQUIRE(chain);
    CHECK(chain->face_for(U'a', FontStyle::Regular)->family() == "Noto Sans");
    CHECK(chain->face_for(U'\u0628', FontStyle::Regular)->family() == "Noto Sans Arabic");
    CHECK(chain->face_for(U'\uE000', FontStyle::Regular) == nullptr);
}

TEST_CASE("shaping converts font units to points once", "[shape]") {
    const Face& f = *library().find("Noto Sans", FontStyle::Regular);
    const auto g = shape_text(U"H", f);
    REQUIRE(g.size() == 1);
    CHECK(g[0].advance == Pt(f.advance(g[0].gid) * 10.0 / f.units_per_em()));
    CHECK(g[0].cluster == 0);
}

TEST_CASE("shaping applies kerning", "[shape]") {
    const Face& f = *library().find("Noto Sans", FontStyle::Regular);
    const auto av = shape_text(U"AV", f);
    const auto a = shape_text(U"A", f);
    const auto v = shape_text(U"V", f);
    REQUIRE(av.size() == 2);
    CHECK(width(av) < width(a) + width(v));
}

TEST_CASE("shaping applies standard ligatures and keeps their cluster", "[shape]") {
    const Face& f = *library().find("Noto Sans", FontStyle::Regular);
    const auto g = shape_text(U"office", f);
    // "ffi" becomes one glyph whose cluster starts at the first f.
    REQUIRE(g.size() == 4);
    CHECK(g[0].cluster == 0);
    CHECK(g[1].cluster == 1);
    CHECK(g[2].cluster == 4);
    CHECK(g[3].cluster == 5);
}

TEST_CASE("Arabic is shaped right to left with joining forms", "[shape]") {
    const Face& f = *library().find("Noto Sans Arabic", FontStyle::Regular);
    const std::u32string word = U"\u0628\u0628\u0628";  // beh beh beh: initial, medial, final forms
    const auto g = shape_text(word, f, Direction::RightToLeft);
    REQUIRE(g.size() == 3);
    // Visual order: the last character first.
    CHECK(g[0].cluster == 2);
    CHECK(g[2].cluster == 0);
    // Three different glyphs for the same letter.
    CHECK(g[0].gid != g[1].gid);
    CHECK(g[1].gid != g[2].gid);
}

TEST_CASE("shaping remembers a face's words by setting and context, at any size", "[shape]") {
    const Face& f = *library().find("Noto Sans", FontStyle::Regular);
    const std::u32string text = U"office office";
    const auto first = shape({text, 0, 6, &f, Pt(10), Direction::LeftToRight, "en"});
    const auto again = shape({text, 7, 6, &f, Pt(20), Direction::LeftToRight, "en"});
    REQUIRE(first.size() == again.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(again[i].gid == first[i].gid);
        CHECK(again[i].advance.value() == Approx(first[i].advance.value() * 2));
        CHECK(again[i].cluster == first[i].cluster + 7);  // clusters index the text it was given
    }
    // A word shaped once is remembered: the next request for it, at another size, is answered
    // from the memo, not by HarfBuzz (a planted answer comes back).
    const std::u32string word = U"quizzical words";
    ShapeMemo& memo = f.shape_memo();
    const auto remembered = [&] {
        std::lock_guard lock(memo.mutex);
        return memo.words;
    };
    const auto before = remembered();
    const auto small = shape({word, 0, 9, &f, Pt(10), Direction::LeftToRight, "en"});
    const auto after = remembered();
    REQUIRE(after.size() == before.size() + 1);
    std::u32string key;
    for (const auto& [k, glyphs] : after)
        if (!before.contains(k)) key = k;
    REQUIRE(after.at(key).size() == small.size());
    {
        std::lock_guard lock(memo.mutex);
        memo.words.at(key)[0].gid = 4242;
    }
    const auto large = shape({word, 0, 9, &f, Pt(20), Direction::LeftToRight, "en"});
    {
        std::lock_guard lock(memo.mutex);
        memo.words.at(key) = after.at(key);
        CHECK(memo.words.size() == after.size());  // found, not shaped and added again
    }
    REQUIRE(large.size() == small.size());
    CHECK(large[0].gid == 4242);
    CHECK(large[1].gid == small[1].gid);
    CHECK(large[1].advance.value() == Approx(small[1].advance.value() * 2));
    // Arabic joins across a piece's edge: the same letter before another is its initial form,
    // alone its isolated form; what was remembered for one is not given for the other.
    const Face& ar = *library().find("Noto Sans Arabic", FontStyle::Regular);
    const std::u32string joined = U"\u0628\u0628", alone = U"\u0628";
    const auto initial = shape({joined, 0, 1, &ar, Pt(10), Direction::RightToLeft, "ar", HB_SCRIPT_ARABIC});
    const auto isolated = shape({alone, 0, 1, &ar, Pt(10), Direction::RightToLeft, "ar", HB_SCRIPT_ARABIC});
    REQUIRE(initial.size() == 1);
    REQUIRE(isolated.size() == 1);
    CHECK(initial[0].gid != isolated[0].gid);
    // And each again, now from memory, gives the same.
    CHECK(shape({joined, 0, 1, &ar, Pt(10), Direction::RightToLeft, "ar", HB_SCRIPT_ARABIC})[0].gid == initial[0].gid);
    CHECK(shape({alone, 0, 1, &ar, Pt(10), Direction::RightToLeft, "ar", HB_SCRIPT_ARABIC})[0].gid == isolated[0].gid);
}
