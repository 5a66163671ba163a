// The clinic's number wherever content mentions it: one unbreakable unit, marked as the number
// in the page model, reading left to right in right-to-left text.
#include <catch2/catch.hpp>

#include <map>

#include "content/load_content.hpp"
#include "core/utf8.hpp"
#include "layout/flow.hpp"
#include "layout/phone_runs.hpp"
#include "style/layout.hpp"
#include "support.hpp"
#include "system_fonts.hpp"

using namespace leafpress;

namespace {

const std::string kPhone = "+1 (505) 555-0199 ext. 210";

struct Built {
    LaidOut laid;
    Diagnostics diags;
};

Built build(const std::string& content, const std::string& layout_name) {
    static Diagnostics setup;
    static const text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    static const text::FontChain chain = *text::resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
    static const text::LazyHyphenator hyph{"en", "/usr/share/hyphen"};
    Built b;
    auto doc = load_content_text(content, "c.toml", b.diags);
    REQUIRE(doc);
    doc->words = test::translations().words_for(doc->language);
    Brand brand;
    brand.name = "Clinic";
    brand.phone = kPhone;
    brand.tel = "tel:+1-505-555-0199;ext=210";
    Layout layout = *load_layout(test::repo_dir() + "/layouts/" + layout_name + ".toml", b.diags);
    b.laid = flow(*doc, brand, layout, {chain, &hyph}, b.diags);
    return b;
}

bool is_content(Role r) {
    return r == Role::Paragraph || r == Role::ListItem || r == Role::TableCell || r == Role::Caption;
}

// Each line of content text on every page as drawn, left to right: runs on one baseline, in
// one column (runs more than a column's gap apart are other columns).
std::vector<std::u32string> drawn_lines(const LaidOut& laid, bool phone_only) {
    std::vector<std::u32string> out;
    for (const auto& page : laid.pages) {
        std::map<double, std::vector<const GlyphRun*>> lines;
        for (const auto& item : page.items)
            if (const auto* g = std::get_if<GlyphRun>(&item);
                g && is_content(g->source.role) && (!phone_only || g->source.meaning == Meaning::PhoneNumber))
                lines[g->origin.y.value()].push_back(g);
        for (auto& [y, runs] : lines) {
            std::sort(runs.begin(), runs.end(), [](const GlyphRun* a, const GlyphRun* b) {
                return a->origin.x + a->left() < b->origin.x + b->left();
            });
            out.emplace_back();
            for (std::size_t k = 0; k < runs.size(); ++k) {
                if (k > 0 &&
                    runs[k]->origin.x + runs[k]->left() > runs[k - 1]->origin.x + runs[k - 1]->right() + Pt(12))
                    out.emplace_back();
                out.back() += runs[k]->text;
            }
        }
    }
    return out;
}

int count_whole(const std::vector<std::u32string>& lines, const std::u32string& phone) {
    int n = 0;
    for (const auto& l : lines)
        for (std::size_t at = l.find(phone); at != std::u32string::npos; at = l.find(phone, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("the number in body text is one unit on one line, whatever words come before it", "[phone-runs]") {
    const std::u32string phone = utf8::decode(kPhone).text;
    // The number at every place along a line of a narrow column: some would break it.
    for (const char* layout : {"trifold", "a4"}) {
        for (int words = 0; words < 14; ++words) {
            std::string filler;
            for (int w = 0; w < words; ++w) filler += w % 3 ? "clinic " : "us ";
            const std::string body =
                "Call " + filler + "on " + kPhone + " today.\n\n- Or " + filler + "ring " + kPhone + " at night.";
            const auto b =
                build("title = \"T\"\n[[section]]\nheading = \"H\"\nbody = \"\"\"\n" + body + "\n\"\"\"\n", layout);
            CAPTURE(layout, words);
            // Whole in the drawn text, and marked as the number: one piece each.
            CHECK(count_whole(drawn_lines(b.laid, false), phone) == 2);
            CHECK(count_whole(drawn_lines(b.laid, true), phone) == 2);
        }
    }
}

TEST_CASE("the number in a table cell is one unit, and the cell is made wide enough for it", "[phone-runs]") {
    const std::u32string phone = utf8::decode(kPhone).text;
    const auto b = build(
        "title = \"T\"\n[[section]]\nheading = \"H\"\nbody = \"\"\"\n"
        "| Service | Number | Hours |\n|---|---|---|\n"
        "| Nurse line for questions about your treatment | " +
            kPhone + " | Weekdays 8 to 6 |\n\"\"\"\n",
        "a5");
    CHECK(count_whole(drawn_lines(b.laid, true), phone) == 1);
}

TEST_CASE("a table too narrow for the number in a cell says so, the number quoted in the hint", "[phone-runs]") {
    const auto b = build(
        "title = \"T\"\n[[section]]\nheading = \"H\"\nbody = \"\"\"\n"
        "| Vaccine | When | Booking |\n|---|---|---|\n"
        "| Tetanus and diphtheria booster | Every ten years for adults | " +
            kPhone + " |\n\"\"\"\n",
        "letter");
    const Diagnostic* table = nullptr;
    for (const auto& d : b.diags.all())
        if (d.code == "layout.table") table = &d;
    REQUIRE(table);
    CHECK(table->hint.find("the clinic's number \"" + kPhone + "\" is never broken") != std::string::npos);
    // Another word too long names that word.
    const auto w = build(
        "title = \"T\"\n[[section]]\nheading = \"H\"\nbody = \"\"\"\n"
        "| A | B | C |\n|---|---|---|\n| Pneumonoultramicroscopicsilicovolcanoconiosis | "
        "Pneumonoultramicroscopicsilicovolcanoconiosis | Pneumonoultramicroscopicsilicovolcanoconiosis |\n\"\"\"\n",
        "letter");
    bool named = false;
    for (const auto& d : w.diags.all())
        named = named || (d.code == "layout.table" &&
                          d.hint.find("\"Pneumonoultramicroscopicsilicovolcanoconiosis\", cannot be broken") !=
                              std::string::npos);
    CHECK(named);
}

TEST_CASE("the number in Hebrew and Urdu text reads left to right, its extension after it",
          "[phone-runs][bidi][system-fonts]") {
    test::require_system_fonts({{"Noto Sans Hebrew", "fonts-noto-core"}});
    const std::u32string phone = utf8::decode(kPhone).text;
    const struct {
        const char* language;
        const char* body;
    } cases[] = {
        // "For questions call us on <number> any day of the week."
        {"he",
         "\u05DC\u05E9\u05D0\u05DC\u05D5\u05EA \u05D4\u05EA\u05E7\u05E9\u05E8\u05D5 \u05D0\u05DC\u05D9\u05E0\u05D5 "
         "\u05D1\u05DE\u05E1\u05E4\u05E8 +1 (505) 555-0199 ext. 210 \u05D1\u05DB\u05DC \u05D9\u05D5\u05DD "
         "\u05D1\u05E9\u05D1\u05D5\u05E2."},
        // Urdu: "Call us on <number> for an appointment."
        {"ur",
         "\u06C1\u0645\u06CC\u06BA +1 (505) 555-0199 ext. 210 \u067E\u0631 \u0641\u0648\u0646 \u06A9\u0631\u06CC\u06BA "
         "\u0627\u0648\u0631 \u0645\u0644\u0627\u0642\u0627\u062A \u0637\u06D2 \u06A9\u0631\u06CC\u06BA\u06D4"},
        {"ar",
         "\u0627\u062A\u0635\u0644 \u0628\u0646\u0627 \u0639\u0644\u0649 +1 (505) 555-0199 ext. 210 "
         "\u0644\u062D\u062C\u0632 \u0645\u0648\u0639\u062F"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.language);
        const auto b = build(std::string("title = \"T\"\nlanguage = \"") + c.language +
                                 "\"\n[[section]]\nkind = \"callout\"\nbody = \"" + c.body + "\"\n",
                             "a4");
        CHECK(count_whole(drawn_lines(b.laid, true), phone) == 1);
        CHECK(count_whole(drawn_lines(b.laid, false), phone) == 1);
    }
}

TEST_CASE("mark_phone makes each written form of the number one linked run, across styles", "[phone-runs]") {
    Brand brand;
    brand.phone = kPhone;
    brand.tel = "tel:+1-505-555-0199;ext=210";
    std::vector<text::StyledRun> runs = {{"Call ", FontStyle::Regular, {}, {}},
                                         {"(505) 555", FontStyle::Bold, {}, {}},
                                         {"-0199 x210 or 505-555-0198.", FontStyle::Regular, {}, {}}};
    const auto out = mark_phone(runs, brand);
    REQUIRE(out.size() == 3);
    CHECK(out[0].text == "Call ");
    CHECK(out[1].text == "(505) 555-0199 x210");
    CHECK(out[1].role == text::RunRole::PhoneNumber);
    CHECK(out[1].style == FontStyle::Bold);
    CHECK(out[1].link == brand.tel);
    CHECK(out[2].text == " or 505-555-0198.");
    CHECK(out[2].role == text::RunRole::Text);
    // A web link's text is left alone.
    const std::vector<text::StyledRun> linked = {{"505-555-0199", FontStyle::Regular, {}, "https://example.org"}};
    CHECK(mark_phone(linked, brand).front().role == text::RunRole::Text);
}

TEST_CASE("a number too wide for its column is a located error, not a broken number", "[phone-runs]") {
    Brand brand;
    brand.phone = kPhone;
    brand.tel = "tel:+1-505-555-0199;ext=210";
    Diagnostics setup;
    const text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    const text::FontChain chain = *text::resolve_fonts("Noto Sans", {}, lib, {}, setup);
    text::ParagraphStyle ps;
    ps.size = Pt(12);
    text::TextContext ctx{chain, nullptr, {"c.toml", 7, 1}};
    text::StyledRun run{"Call " + kPhone, FontStyle::Regular, {}, {}, text::RunRole::Text, {{0, 9, 3}}};
    Diagnostics d;
    const auto set = text::set_paragraph(mark_phone({run}, brand), ps, Pt(80), ctx, d);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "layout.phone");
    CHECK(d.all()[0].where.line == 9);
    CHECK(d.all()[0].where.column == 8);
    int pieces = 0;
    for (const auto& line : set.lines)
        for (const auto& r : line.runs) pieces += r.role == text::RunRole::PhoneNumber;
    CHECK(pieces == 1);
}
