#include <catch2/catch.hpp>

#include "check/check.hpp"
#include "check/contrast.hpp"
#include "check/readability.hpp"
#include "core/utf8.hpp"
#include "text/shape.hpp"
#include "support.hpp"
#include "system_fonts.hpp"

using namespace leafpress;

TEST_CASE("syllables of English words", "[check][readability]") {
    const std::pair<const char*, int> words[] = {
        {"cat", 1},   {"care", 1}, {"table", 2},  {"little", 2},  {"used", 1},    {"wanted", 2},
        {"makes", 1}, {"uses", 2}, {"immune", 2}, {"therapy", 3}, {"patient", 2}, {"inflammation", 4},
        {"the", 1},   {"a", 1},    {"energy", 3}, {"system", 2},
    };
    for (const auto& [w, n] : words) {
        CAPTURE(w);
        CHECK(syllables(w) == n);
    }
}

TEST_CASE("text statistics and the Flesch-Kincaid grade", "[check][readability]") {
    const auto s = text_stats("The cat sat on the mat. It was a good cat!");
    CHECK(s.sentences == 2);
    CHECK(s.words == 11);
    CHECK(s.syllables == 11);
    CHECK(flesch_kincaid_grade(s) == Approx(0.39 * 5.5 + 11.8 * 1 - 15.59));
    // A block without a final full stop still ends a sentence; "e.g." does not end one.
    CHECK(text_stats("Short line without a stop").sentences == 1);
    CHECK(text_stats("Use e.g. this one. Then stop.").sentences == 2);
    CHECK(flesch_kincaid_grade(text_stats("")) == 0);
    // Long words in long sentences read at a high grade; short ones at a low grade.
    CHECK(flesch_kincaid_grade(text_stats("Mesenchymal stem cells demonstrate immunomodulatory characteristics "
                                          "facilitating amelioration of systemic inflammatory conditions.")) > 12);
    CHECK(flesch_kincaid_grade(text_stats("Stem cells may calm the immune system. This can help you feel better.")) <
          8);
}

TEST_CASE("WCAG contrast ratios", "[check][contrast]") {
    CHECK(contrast_ratio({0, 0, 0}, {1, 1, 1}) == Approx(21));
    CHECK(contrast_ratio({1, 1, 1}, {1, 1, 1}) == Approx(1));
    const Color grey{0x77 / 255.0, 0x77 / 255.0, 0x77 / 255.0};
    CHECK(contrast_ratio(grey, {1, 1, 1}) == Approx(4.48).margin(0.01));
    const Color teal{0x0E / 255.0, 0x6E / 255.0, 0x6E / 255.0};
    CHECK(contrast_ratio(teal, {1, 1, 1}) > 4.5);
    CHECK(contrast_ratio({1, 1, 1}, teal) == Approx(contrast_ratio(teal, {1, 1, 1})));
}

namespace {
// A one-page leaflet drawn by hand: some text, a footer with `footer` in it.
struct Handmade {
    Diagnostics setup;
    text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    Document doc;
    Brand brand;
    Layout layout;
    LaidOut laid;

    Handmade() {
        doc.title = "T";
        doc.reviewed = Date{2026, 11, 1};
        brand.name = "C";
        brand.phone = "(555) 010-0199";
        brand.tel = "tel:555-010-0199";
        brand.disclaimer = "D";
    }

    GlyphRun run(const std::u32string& text, Point at, Role role, Color color = {0, 0, 0}) {
        // Each character its glyph (check.overlap compares their ink), 6 pt apart.
        GlyphRun g{lib.find("Noto Sans", FontStyle::Regular), Pt(12), color, at, {}, {role}};
        Pt x{0};
        for (char32_t c : text) {
            hb_codepoint_t gid = 0;
            hb_font_get_nominal_glyph(g.face->hb_font(), c, &gid);
            g.add(gid, x, Pt(0), Pt(6), std::u32string(1, c));
            x += Pt(6);
        }
        return g;
    }

    // The phone number as layout marks it.
    GlyphRun phone(Point at) {
        GlyphRun g = run(U"(555) 010-0199", at, Role::Footer);
        g.source.meaning = Meaning::PhoneNumber;
        return g;
    }

    Diagnostics check() {
        Diagnostics d;
        check_leaflet({doc, brand, layout, laid, Date{2026, 11, 25}}, d);
        return d;
    }
};

bool has(const Diagnostics& d, const std::string& code) {
    return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) { return x.code == code; });
}
}  // namespace

TEST_CASE("check.phone: a page without the phone number is an error", "[check]") {
    Handmade h;
    h.laid.pages.push_back({h.layout.page, {}});
    h.laid.pages[0].items.emplace_back(h.phone({Pt(50), Pt(800)}));
    h.laid.pages.push_back({h.layout.page, {}});
    // The digits alone are not the phone number: the check reads what layout says the number is.
    h.laid.pages[1].items.emplace_back(h.run(U"Call (555) 010-0199", {Pt(50), Pt(800)}, Role::Footer));
    const auto d = h.check();
    REQUIRE(has(d, "check.phone"));
    CHECK(std::count_if(d.all().begin(), d.all().end(), [](const Diagnostic& x) { return x.code == "check.phone"; }) ==
          1);
    CHECK(d.all()[0].message == "page 2 does not show the phone number (555) 010-0199");
    CHECK(d.all()[0].severity == Severity::Error);
}

TEST_CASE("check.phone: a number split over two lines, or a link that dials another, is an error", "[check]") {
    Handmade h;
    h.laid.pages.push_back({h.layout.page, {}});
    GlyphRun first = h.run(U"(555) 010-", {Pt(50), Pt(780)}, Role::CallToAction);
    GlyphRun second = h.run(U"0199", {Pt(50), Pt(800)}, Role::CallToAction);
    first.source.meaning = second.source.meaning = Meaning::PhoneNumber;
    h.laid.pages[0].items.emplace_back(first);
    h.laid.pages[0].items.emplace_back(second);
    CHECK(has(h.check(), "check.phone"));
    h.laid.pages[0].items.clear();
    h.laid.pages[0].items.emplace_back(h.phone({Pt(50), Pt(800)}));
    CHECK_FALSE(has(h.check(), "check.phone"));
    h.laid.pages[0].items.emplace_back(Link{{Pt(50), Pt(790), Pt(80), Pt(12)}, "tel:5550100199", {Role::Footer}});
    const auto d = h.check();
    REQUIRE(has(d, "check.phone"));
    CHECK(d.all()[0].message == "a link on page 1 dials tel:5550100199, not the clinic's tel:555-010-0199");
}

TEST_CASE("check.phone: the number must read left to right as written, in one piece", "[check]") {
    Handmade h;
    h.laid.pages.push_back({h.layout.page, {}});
    // Two runs of one line, in reading order in the model; where they are drawn decides.
    const auto line = [&](Pt first_x, Pt second_x) {
        GlyphRun area = h.run(U"(555) ", {first_x, Pt(800)}, Role::CallToAction);
        GlyphRun rest = h.run(U"010-0199", {second_x, Pt(800)}, Role::CallToAction);
        area.source.meaning = rest.source.meaning = Meaning::PhoneNumber;
        h.laid.pages[0].items = {area, rest};
        return has(h.check(), "check.phone");
    };
    CHECK_FALSE(line(Pt(50), Pt(86)));  // "(555) 010-0199": six glyphs of 6 pt, then the rest
    CHECK(line(Pt(98), Pt(50)));        // drawn "010-0199(555) ", as bidi reordering could
    CHECK(line(Pt(50), Pt(200)));       // apart, with other words between
}

TEST_CASE("check.overlap: two runs of text on top of each other are an error, neighbours are not", "[check]") {
    Handmade h;
    h.laid.pages.push_back({h.layout.page, {}});
    auto& items = h.laid.pages[0].items;
    items.emplace_back(h.phone({Pt(50), Pt(800)}));
    // 10 characters of 6 pt: "Page 1 of 2" from x = 100 to 160; a line 17 pt below does not touch it.
    items.emplace_back(h.run(U"Page 1 of ", {Pt(100), Pt(700)}, Role::Footer));
    items.emplace_back(h.run(U"next line", {Pt(100), Pt(717)}, Role::Paragraph));
    items.emplace_back(h.run(U"2", {Pt(160), Pt(700)}, Role::Footer));  // the next run on the same line
    CHECK_FALSE(has(h.check(), "check.overlap"));
    // A long clinic name running into the page number, on the same baseline.
    items.emplace_back(h.run(U"A very long clinic name", {Pt(20), Pt(700)}, Role::Footer));
    const auto d = h.check();
    REQUIRE(has(d, "check.overlap"));
    CHECK(d.all()[0].message == "on page 1, text \"Page 1 of \" and text \"A very long clinic name\" overlap");
}

TEST_CASE("check.stranded-heading: a heading with nothing of its section below it is an error", "[check]") {
    Handmade h;
    Section s;
    s.heading = "Side effects";
    s.blocks.push_back(Block{});
    h.doc.sections.push_back(s);
    h.laid.pages.push_back({h.layout.page, {}});
    auto& items = h.laid.pages[0].items;
    items.emplace_back(h.phone({Pt(50), Pt(800)}));
    GlyphRun heading = h.run(U"Side effects", {Pt(50), Pt(760)}, Role::Heading);
    heading.source.section = 0;
    items.emplace_back(heading);
    // Its text went to the next column, beside it and higher up.
    GlyphRun body = h.run(U"Most are mild.", {Pt(300), Pt(60)}, Role::Paragraph);
    body.source.section = 0;
    items.emplace_back(body);
    CHECK(has(h.check(), "check.stranded-heading"));
    body.origin = {Pt(50), Pt(780)};
    items.emplace_back(body);
    CHECK_FALSE(has(h.check(), "check.stranded-heading"));
}

TEST_CASE("check.stranded-heading reads a heading's line whole: a closing mark in another face is part of it",
          "[check]") {
    Handmade h;
    Section s;
    s.heading = "How do vaccines work?";
    s.blocks.push_back(Block{});
    h.doc.sections.push_back(s);
    h.laid.pages.push_back({h.layout.page, {}});
    auto& items = h.laid.pages[0].items;
    items.emplace_back(h.phone({Pt(50), Pt(800)}));
    // The heading's words, and its "?" set in another run at the end of the line (6 pt a
    // character), wider than the line of text below it.
    GlyphRun words = h.run(U"How do vaccines work", {Pt(50), Pt(100)}, Role::Heading);
    GlyphRun mark = h.run(U"?", {Pt(50 + 6 * 20), Pt(100)}, Role::Heading);
    GlyphRun body = h.run(U"They teach.", {Pt(50), Pt(120)}, Role::Paragraph);
    for (GlyphRun* g : {&words, &mark, &body}) g->source.section = 0;
    items.emplace_back(words);
    items.emplace_back(mark);
    items.emplace_back(body);
    CHECK_FALSE(has(h.check(), "check.stranded-heading"));
    // A heading of the same section in the next column, on the same baseline, is not its line:
    // with nothing below it, it is stranded.
    GlyphRun other = h.run(U"After", {Pt(300), Pt(100)}, Role::Heading);
    other.source.section = 0;
    items.emplace_back(other);
    CHECK(has(h.check(), "check.stranded-heading"));
}

TEST_CASE("check.overflow: text drawn off the page is an error", "[check]") {
    Handmade h;
    h.laid.pages.push_back({h.layout.page, {}});
    h.laid.pages[0].items.emplace_back(h.phone({Pt(50), Pt(800)}));
    CHECK_FALSE(has(h.check(), "check.overflow"));
    h.laid.pages[0].items.emplace_back(h.run(U"far too far to the right", {Pt(560), Pt(400)}, Role::Paragraph));
    CHECK(has(h.check(), "check.overflow"));
}

TEST_CASE("check.contrast: text on a background is measured against that background", "[check]") {
    Handmade h;
    h.laid.pages.push_back({h.layout.page, {}});
    auto& items = h.laid.pages[0].items;
    items.emplace_back(h.phone({Pt(50), Pt(800)}));
    // White on teal passes; white on a pale tint fails.
    items.emplace_back(
        Box{{Pt(0), Pt(0), Pt(300), Pt(100)}, Color{0x0E / 255.0, 0x6E / 255.0, 0x6E / 255.0}, {}, Pt(0), {}});
    items.emplace_back(h.run(U"White on teal", {Pt(20), Pt(50)}, Role::Title, {1, 1, 1}));
    CHECK_FALSE(has(h.check(), "check.contrast"));
    items.emplace_back(Box{{Pt(0), Pt(200), Pt(300), Pt(100)}, Color{0.9, 0.95, 0.95}, {}, Pt(0), {}});
    items.emplace_back(h.run(U"White on mist", {Pt(20), Pt(250)}, Role::Paragraph, {1, 1, 1}));
    const auto d = h.check();
    REQUIRE(has(d, "check.contrast"));
    CHECK(d.all()[0].message.starts_with("text in #FFFFFF on #E6F2F2 has a contrast of"));
}

TEST_CASE("check.contrast: large text needs 3:1, normal text 4.5:1", "[check]") {
    Handmade h;
    h.laid.pages.push_back({h.layout.page, {}});
    auto& items = h.laid.pages[0].items;
    items.emplace_back(h.phone({Pt(50), Pt(800)}));
    const Color grey{0.55, 0.55, 0.55};  // #8C8C8C on white: 3.36:1
    GlyphRun big = h.run(U"Large heading", {Pt(50), Pt(100)}, Role::Heading, grey);
    big.size = Pt(18);
    items.emplace_back(big);
    CHECK_FALSE(has(h.check(), "check.contrast"));
    items.emplace_back(h.run(U"small print", {Pt(50), Pt(200)}, Role::Paragraph, grey));
    const auto d = h.check();
    REQUIRE(has(d, "check.contrast"));
    CHECK(d.all()[0].message.find("under the 4.5:1 WCAG asks for normal text") != std::string::npos);
}

TEST_CASE("check.small-text: a large-print layout holds every piece of text to its smallest size", "[check]") {
    Handmade h;
    h.layout.min_text = Pt(16);
    h.laid.pages.push_back({h.layout.page, {}});
    h.laid.pages[0].items.emplace_back(h.phone({Pt(50), Pt(800)}));
    h.laid.decisions = {Pt(16), Pt(16), {}};
    CHECK_FALSE(has(h.check(), "check.small-text"));
    h.laid.decisions.smallest = Pt(12);
    const auto d = h.check();
    REQUIRE(has(d, "check.small-text"));
    CHECK(d.all()[0].severity == Severity::Error);
}

TEST_CASE("check.alt-text and check.heading-levels: figures are described, headings do not skip", "[check]") {
    Handmade h;
    h.laid.pages.push_back({h.layout.page, {}});
    auto& items = h.laid.pages[0].items;
    items.emplace_back(h.phone({Pt(50), Pt(800)}));
    items.emplace_back(h.run(U"Title", {Pt(50), Pt(60)}, Role::Title));
    GlyphRun heading = h.run(U"Section", {Pt(50), Pt(120)}, Role::Heading);
    heading.source.section = 0;
    items.emplace_back(heading);
    h.laid.figures.push_back({"Clinic logo"});
    auto d = h.check();
    CHECK_FALSE(has(d, "check.alt-text"));
    CHECK_FALSE(has(d, "check.heading-levels"));
    h.laid.figures.push_back({" "});
    CHECK(has(h.check(), "check.alt-text"));
    // Without the title (level 1), the first heading is at level 2.
    items.erase(items.begin() + 1);
    CHECK(has(h.check(), "check.heading-levels"));
}

TEST_CASE("check.image-resolution: a figure printed under 150 dpi is a warning", "[check]") {
    Handmade h;
    h.laid.pages.push_back({h.layout.page, {}});
    auto& items = h.laid.pages[0].items;
    items.emplace_back(h.phone({Pt(50), Pt(800)}));
    auto raster = std::make_shared<Raster>();
    raster->width = 300;
    raster->height = 100;
    items.emplace_back(Image{{Pt(50), Pt(100), Pt(72), Pt(24)}, raster, "sharp.png", {Role::Figure}});  // 300 dpi
    CHECK_FALSE(has(h.check(), "check.image-resolution"));
    items.emplace_back(Image{{Pt(50), Pt(200), Pt(288), Pt(96)}, raster, "soft.png", {Role::Figure}});  // 75 dpi
    const auto d = h.check();
    REQUIRE(has(d, "check.image-resolution"));
    CHECK(d.all()[0].message == "the figure 'soft.png' prints at 75 dpi; under 150 dpi it looks blurred");
}

TEST_CASE("checks of late furniture: a page's footer that came at the end, against the page it is drawn on",
          "[check]") {
    Handmade h;
    const auto run_checker = [&](const std::vector<PageItem>& body, const std::vector<PageItem>& late) {
        Diagnostics d;
        LeafletChecker checker({h.doc, h.brand, h.layout, Date{2026, 11, 25}}, d);
        checker.start({});
        checker.page({h.layout.page, body});
        DocumentEnd end;
        end.late = {late};
        end.smallest = Pt(12);
        checker.end(end);
        return d;
    };
    const std::vector<PageItem> body{h.run(U"Some text", {Pt(50), Pt(400)}, Role::Paragraph)};
    // The number in the late footer is the page's number: no finding; without it, one.
    CHECK_FALSE(has(run_checker(body, {h.phone({Pt(50), Pt(800)})}), "check.phone"));
    CHECK(has(run_checker(body, {}), "check.phone"));
    // A footer drawn over the page's text overlaps it.
    const auto over = run_checker(body, {h.phone({Pt(60), Pt(400)})});
    REQUIRE(has(over, "check.overlap"));
    CHECK(std::any_of(over.all().begin(), over.all().end(), [](const Diagnostic& x) {
        return x.message == "on page 1, text \"Some text\" and text \"(555) 010-0199\" overlap";
    }));
    // Late text over a dark box of the page is read against that box.
    std::vector<PageItem> dark = body;
    dark.emplace_back(
        Box{{Pt(0), Pt(700), Pt(600), Pt(142)}, Color{0.1, 0.1, 0.1}, std::nullopt, Pt(0), {Role::Decoration}});
    CHECK(has(run_checker(dark, {h.phone({Pt(50), Pt(800)})}), "check.contrast"));
    CHECK_FALSE(has(run_checker(body, {h.phone({Pt(50), Pt(800)})}), "check.contrast"));
}

TEST_CASE("check.phone: every occurrence of the number is checked, body text too, in any written form",
          "[check][phone-check]") {
    Handmade h;
    h.brand.phone = "+1 (505) 555-0199 ext. 210";
    h.brand.tel = "tel:+1-505-555-0199;ext=210";
    h.doc.sections.push_back({});
    h.doc.sections[0].where = {"c.toml", 4, 1};
    h.doc.sections[0].blocks.push_back({});
    h.doc.sections[0].blocks[0].where = {"c.toml", 6, 1};
    const auto body = [&](const std::u32string& text, Point at) {
        GlyphRun g = h.run(text, at, Role::Paragraph);
        g.source.section = g.source.block = 0;
        g.source.meaning = Meaning::PhoneNumber;
        return g;
    };
    const auto page = [&](std::vector<PageItem> items) {
        GlyphRun footer = h.run(U"+1 (505) 555-0199 ext. 210", {Pt(50), Pt(820)}, Role::Footer);
        footer.source.meaning = Meaning::PhoneNumber;
        items.emplace_back(footer);
        h.laid.pages = {{h.layout.page, std::move(items)}};
        return h.check();
    };
    // Whole, in other written forms: no finding.
    CHECK_FALSE(has(page({body(U"(505) 555-0199", {Pt(50), Pt(100)}), body(U"505-555-0199 x210", {Pt(50), Pt(120)})}),
                    "check.phone"));
    // Broken across two lines of a paragraph, with the footer whole on the page.
    auto d = page({body(U"+1 (505)", {Pt(150), Pt(100)}), body(U"555-0199 ext. 210", {Pt(50), Pt(114)})});
    REQUIRE(has(d, "check.phone"));
    CHECK(d.all()[0].where.line == 6);
    CHECK(d.all()[0].message.find("page 1") != std::string::npos);
    CHECK(d.all()[0].message.find("\"+1 (505)\"") != std::string::npos);
    // Scrambled as right-to-left text could draw it: the extension left of the number.
    GlyphRun ext = body(U"ext. 210 ", {Pt(50), Pt(100)});
    GlyphRun number = body(U"+1 (505) 555-0199", {Pt(104), Pt(100)});
    CHECK(has(page({number, ext}), "check.phone"));
    // The same runs drawn in order pass.
    ext.origin.x = Pt(158);
    number.origin.x = Pt(50);
    CHECK_FALSE(has(page({number, body(U" ", {Pt(152), Pt(100)}), ext}), "check.phone"));
}

namespace {
// A line of text shaped in one face, as the text stage shapes it: the glyphs and their offsets.
GlyphRun shaped(const text::Face& face, const std::u32string& chars, Point at, std::string_view lang) {
    GlyphRun g{&face, Pt(12), {0, 0, 0}, at, {}, {Role::Paragraph}};
    text::ShapeRequest r{chars, 0, chars.size(), &face, Pt(12)};
    r.language = lang;
    Pt x{0};
    for (const auto& sg : text::shape(r)) {
        g.add(sg.gid, x + sg.x_offset, sg.y_offset, sg.advance, chars.substr(sg.cluster, 1));
        x += sg.advance;
    }
    return g;
}
}  // namespace

TEST_CASE(
    "check.overlap compares ink: marks of one line on the next are an error, Latin descenders over ascenders are not",
    "[check][ink][system-fonts]") {
    test::require_system_fonts({{"Noto Sans Myanmar", "fonts-noto-core"}});
    Handmade h;
    const text::Face* myanmar = h.lib.fallback(U'\u1000', HB_SCRIPT_MYANMAR, FontStyle::Regular, "my");
    REQUIRE(myanmar);
    // Burmese set at a Latin line height (12 pt at 1.3): a line's vowel signs below (ူ) under
    // the next line's signs above (ီ) at the same places.
    const Pt first{400}, second = first + Pt(12 * 1.3);
    const std::u32string low = U"\u1000\u1030\u1000\u1030\u1000\u1030", high = U"\u1000\u102E\u1000\u102E\u1000\u102E";
    const GlyphRun below = shaped(*myanmar, low, {Pt(50), first}, "my");
    const GlyphRun above = shaped(*myanmar, high, {Pt(50), second}, "my");
    // Their line boxes (cap height above the baseline, down to it) are well apart...
    REQUIRE(second - text::cap_height(*myanmar, Pt(12)) > first + Pt(1));
    // ...but their ink is not.
    Pt lowest{-1e9}, highest{1e9};
    for (const auto& g : below.glyphs)
        lowest = std::max(lowest, first - text::glyph_ink(*myanmar, g.gid, Pt(12)).bottom);
    for (const auto& g : above.glyphs)
        highest = std::min(highest, second - text::glyph_ink(*myanmar, g.gid, Pt(12)).top);
    REQUIRE(lowest > highest + Pt(1));
    h.laid.pages.push_back({h.layout.page, {}});
    auto& items = h.laid.pages[0].items;
    items.emplace_back(h.phone({Pt(50), Pt(800)}));
    items.emplace_back(below);
    items.emplace_back(above);
    const auto d = h.check();
    REQUIRE(has(d, "check.overlap"));
    CHECK(d.all()[0].message ==
          "on page 1, text \"" + utf8::encode(below.text) + "\" and text \"" + utf8::encode(above.text) + "\" overlap");
    // Moved apart by the line height their face asks for, they are fine.
    items[2] = shaped(*myanmar, high, {Pt(50), first + Pt(12 * 2.2)}, "my");
    CHECK_FALSE(has(h.check(), "check.overlap"));

    // Latin descenders over the next line's ascenders and accents, 12 pt at 1.15: a box from
    // each face's descender to its ascender would overlap; the ink does not.
    const text::Face& latin = *h.lib.find("Noto Sans", FontStyle::Regular);
    const Pt pitch{12 * 1.15};
    items.emplace_back(shaped(latin, U"gjpqy gjpqy gypsy", {Pt(50), Pt(300)}, "en"));
    items.emplace_back(shaped(latin, U"bdfhk ÉÅÎlt Ångström", {Pt(50), Pt(300) + pitch}, "en"));
    REQUIRE(text::vertical_metrics(latin, Pt(12)).ascent + text::vertical_metrics(latin, Pt(12)).descent > pitch);
    CHECK_FALSE(has(h.check(), "check.overlap"));
}
