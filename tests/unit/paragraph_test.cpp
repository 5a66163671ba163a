#include <catch2/catch.hpp>

#include "core/utf8.hpp"
#include "support.hpp"
#include "text/paragraph.hpp"

using namespace leafpress;
using namespace leafpress::text;

namespace {
struct Fixture {
    Diagnostics setup;
    FontLibrary lib = FontLibrary::scan(test::fonts_dir(), setup, FontLibrary::System::Ignore);
    FontChain chain = *resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
    std::unique_ptr<LazyHyphenator> en = std::make_unique<LazyHyphenator>("en", "/usr/share/hyphen");
};
Fixture& fx() {
    static Fixture f;
    return f;
}

struct Result {
    SetParagraph p;
    Diagnostics diags;
};

Result set(const std::string& text, Pt width, Align align = Align::RaggedRight, std::string lang = "en",
           FontStyle style = FontStyle::Regular) {
    Result r;
    ParagraphStyle ps;
    ps.size = Pt(12);
    ps.align = align;
    ps.language = Language::parse(lang);
    TextContext ctx{fx().chain, lang == "en" ? fx().en.get() : nullptr, {"p.toml", 3, 1}};
    r.p = set_paragraph({{text, style, {}, {}}}, ps, width, ctx, r.diags);
    return r;
}

// The text of a line as extraction would see it, glyph by glyph in visual order.
std::string line_text(const Line& l) {
    std::u32string s;
    for (const auto& run : l.runs)
        for (const auto& g : run.glyphs) s += g.text;
    return utf8::encode(s);
}

// The lines' text as a reader gets it: a line broken at a space carries that space (a glyph
// without width), and a hyphen added at a break is not part of the text.
std::string joined(const SetParagraph& p) {
    std::u32string all;
    for (const auto& l : p.lines)
        for (const auto& r : l.runs)
            for (const auto& g : r.glyphs)
                if (g.kind == GlyphKind::Text) all += g.text;
    return utf8::encode(all);
}

const char* kText =
    "Autoimmune diseases occur when the immune system mistakenly attacks healthy tissues, leading to chronic "
    "inflammation, pain, fatigue, and progressive organ or tissue damage. Conditions such as rheumatoid arthritis, "
    "lupus, multiple sclerosis, psoriasis, and inflammatory bowel disease often require lifelong management.";
}  // namespace

TEST_CASE("a paragraph keeps every word in order", "[paragraph]") {
    for (Align a : {Align::RaggedRight, Align::Justified}) {
        auto r = set(kText, Pt(240), a);
        CHECK(r.diags.all().empty());
        CHECK(r.p.lines.size() > 4);
        CHECK(joined(r.p) == kText);
    }
}

TEST_CASE("no line is wider than the measure", "[paragraph]") {
    for (double w : {120.0, 180.0, 240.0, 400.0}) {
        for (Align a : {Align::RaggedRight, Align::Justified}) {
            auto r = set(kText, Pt(w), a);
            for (const auto& l : r.p.lines) {
                CAPTURE(w, line_text(l));
                CHECK(l.width <= Pt(w + 0.01));
            }
        }
    }
}

TEST_CASE("justified lines fill the measure except the last", "[paragraph]") {
    auto r = set(kText, Pt(240), Align::Justified);
    REQUIRE(r.p.lines.size() > 2);
    for (std::size_t i = 0; i + 1 < r.p.lines.size(); ++i)
        CHECK(r.p.lines[i].width.value() == Approx(240).margin(0.05));
    CHECK(r.p.lines.back().width < Pt(240));
}

TEST_CASE("hyphenation: never on the last line, at most two in a row", "[paragraph]") {
    for (double w : {110.0, 150.0, 200.0}) {
        auto r = set(kText, Pt(w), Align::Justified);
        CAPTURE(w);
        int in_a_row = 0;
        for (const auto& l : r.p.lines) {
            in_a_row = l.hyphenated ? in_a_row + 1 : 0;
            CHECK(in_a_row <= 2);
        }
        CHECK_FALSE(r.p.lines.back().hyphenated);
        if (r.p.lines.size() > 1) CHECK_FALSE(r.p.lines[r.p.lines.size() - 2].hyphenated);
    }
}

TEST_CASE("a ligature extracts as its letters", "[paragraph]") {
    auto r = set("office", Pt(300));
    REQUIRE(r.p.lines.size() == 1);
    const auto& glyphs = r.p.lines[0].runs[0].glyphs;
    REQUIRE(glyphs.size() == 4);
    CHECK(glyphs[1].text == U"ffi");
    CHECK(line_text(r.p.lines[0]) == "office");
}

TEST_CASE("a word longer than the measure is broken inside with a warning", "[paragraph]") {
    const std::string code = "REF-ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ";
    auto r = set("Quote " + code + " when you call.", Pt(150));
    REQUIRE(r.diags.all().size() == 1);
    CHECK(format(r.diags.all()[0]).starts_with("p.toml:3:1: warning: a word or address is wider than the column"));
    for (const auto& l : r.p.lines) CHECK(l.width <= Pt(150.01));
    std::string all;
    for (const auto& l : r.p.lines) all += line_text(l);
    CHECK(all == "Quote " + code + " when you call.");
}

TEST_CASE("a long web address breaks at its slashes, inside the measure", "[paragraph]") {
    const std::string url = "https://example.org/a/very/long/address/that/cannot/fit/on/one/line/at/all";
    auto r = set("See " + url + " now.", Pt(150));
    CHECK(r.diags.all().empty());
    CHECK(r.p.lines.size() > 2);
    for (const auto& l : r.p.lines) CHECK(l.width <= Pt(150.01));
    std::string all;
    for (const auto& l : r.p.lines) all += line_text(l);
    CHECK(all == "See " + url + " now.");
}

TEST_CASE("a character no font has is an error naming it", "[paragraph]") {
    auto r = set("Smile \uE000 please", Pt(300));
    REQUIRE(r.diags.has_errors());
    CHECK(format(r.diags.all()[0]).starts_with("p.toml:3:1: error: no installed font has the character U+E000"));
}

TEST_CASE("characters missing from the main face come from the fallback", "[paragraph]") {
    auto r = set("Call \u0627\u062a\u0635\u0644 now", Pt(300));
    CHECK(r.diags.all().empty());
    REQUIRE(r.p.lines.size() == 1);
    bool arabic = false;
    for (const auto& run : r.p.lines[0].runs) arabic = arabic || run.face->family() == "Noto Sans Arabic";
    CHECK(arabic);
}

TEST_CASE("an Arabic paragraph runs right to left, aligned right, numbers kept in order", "[paragraph][bidi]") {
    // "Call us at (858) 258-5090 for an appointment"
    const std::string text = "اتصل بنا على (858) 258-5090 لحجز موعد";
    auto r = set(text, Pt(400), Align::RaggedRight, "ar");
    CHECK(r.diags.all().empty());
    CHECK(r.p.direction == Direction::RightToLeft);
    REQUIRE(r.p.lines.size() == 1);
    const Line& l = r.p.lines[0];
    CHECK(l.width.value() == Approx(400));  // flush right
    // Visual left-to-right: the last Arabic word comes first, the phone number reads left to right.
    const std::string visual = line_text(l);
    CAPTURE(visual);
    CHECK(visual.find("258-5090") != std::string::npos);
    CHECK(visual.find("(858)") < visual.find("258-5090"));
    CHECK(visual.rfind("اتصل") > visual.find("258-5090"));
    // Glyph positions increase left to right.
    Pt last{-1};
    for (const auto& run : l.runs) {
        CHECK(run.left >= last - Pt(0.01));
        last = run.right;
    }
}

TEST_CASE("the clinic's number reads left to right whole in Arabic, its extension included", "[paragraph][bidi]") {
    // "Call us on +49 30 1234 5678 ext. 9 for an appointment", the number a phone-number run.
    ParagraphStyle ps;
    ps.size = Pt(12);
    ps.language = Language::parse("ar");
    TextContext ctx{fx().chain, nullptr, {"p.toml", 3, 1}};
    StyledRun before{"اتصل بنا على ", FontStyle::Regular, {}, {}};
    StyledRun phone{"+49 30 1234 5678 ext. 9", FontStyle::Bold, {}, {}, RunRole::PhoneNumber};
    StyledRun after{" لحجز موعد", FontStyle::Regular, {}, {}};
    Diagnostics diags;
    const SetParagraph p = set_paragraph({before, phone, after}, ps, Pt(500), ctx, diags);
    CHECK(diags.all().empty());
    REQUIRE(p.lines.size() == 1);
    // In visual order the number and its extension follow each other, as written.
    const std::string visual = line_text(p.lines[0]);
    CAPTURE(visual);
    CHECK(visual.find("+49 30 1234 5678 ext. 9") != std::string::npos);
}

TEST_CASE("Vietnamese stacked diacritics shape with marks in the main face", "[paragraph]") {
    auto r = set("Người bệnh cần được chăm sóc cẩn thận.", Pt(300), Align::RaggedRight, "vi");
    CHECK(r.diags.all().empty());
    REQUIRE(r.p.lines.size() == 1);
    CHECK(line_text(r.p.lines[0]) == "Người bệnh cần được chăm sóc cẩn thận.");
}

TEST_CASE("hard line breaks start new lines", "[paragraph]") {
    auto r = set("first\nsecond", Pt(300));
    REQUIRE(r.p.lines.size() == 2);
    CHECK(line_text(r.p.lines[0]) == "first");
    CHECK(line_text(r.p.lines[1]) == "second");
}

TEST_CASE("hyphenation patterns are read only when a paragraph cannot break well without them",
          "[paragraph][hyphenate]") {
    const auto lines_of = [](const SetParagraph& p) {
        std::vector<std::string> out;
        for (const auto& l : p.lines) {
            std::string s;
            for (const auto& r : l.runs)
                for (const auto& g : r.glyphs) s += utf8::encode(g.text) + (g.kind == GlyphKind::Hyphen ? "-" : "");
            out.push_back(s);
        }
        return out;
    };
    ParagraphStyle ps;
    ps.size = Pt(12);
    LazyHyphenator en("en", "/usr/share/hyphen");
    REQUIRE(en.available());
    Diagnostics d;
    // Short words in a wide column: every line fits within tolerance, no patterns needed.
    const TextContext ctx{fx().chain, &en, {"p.toml", 1, 1}};
    auto easy = set_paragraph(
        {{"Rest when you feel tired. Protect your skin from the sun. Drink water.", FontStyle::Regular, {}, {}}}, ps,
        Pt(200), ctx, d);
    CHECK(easy.lines.size() >= 2);
    CHECK_FALSE(en.loaded());
    // Long words in a narrow column: without hyphens a line would be far too short.
    auto hard = set_paragraph({{"An immunosuppressive haematopoietic transplantation", FontStyle::Regular, {}, {}}}, ps,
                              Pt(120), ctx, d);
    CHECK(en.loaded());
    bool hyphenated = false;
    for (const auto& l : lines_of(hard)) hyphenated = hyphenated || l.ends_with("-");
    CHECK(hyphenated);
}

TEST_CASE("a right-to-left line is aligned once: set_line's starts at its left edge, as wide as its glyphs",
          "[paragraph][bidi]") {
    ParagraphStyle ps;
    ps.size = Pt(12);
    ps.language = Language::parse("ar");
    TextContext ctx{fx().chain, nullptr, {"p.toml", 3, 1}};
    for (const char* text : {"اتصل بنا على (858) 258-5090 لحجز موعد", "صفحة 1 من 3", "مرحبا بكم في العيادة"}) {
        CAPTURE(text);
        Diagnostics diags;
        const Line l = set_line({{text, FontStyle::Regular, {}, {}}}, ps, ctx, diags);
        REQUIRE(!l.runs.empty());
        // Its pen positions, exactly: nothing moved to the right of a huge measure and back.
        Pt x{0};
        for (const auto& run : l.runs) {
            CHECK(run.left == x);
            for (const auto& g : run.glyphs) x += g.advance;
            CHECK(run.right == x);
        }
        CHECK(l.width == x);
        // set_paragraph aligns the same line to the right of its measure.
        const SetParagraph p = set_paragraph({{text, FontStyle::Regular, {}, {}}}, ps, Pt(300), ctx, diags);
        REQUIRE(p.lines.size() == 1);
        CHECK(p.lines[0].width == Pt(300));
        CHECK(p.lines[0].runs.front().left == Pt(300) - l.width);
    }
}
