// A list item's indent and marker are on the side its text starts from: the direction
// itemize resolved for the item's paragraph, whatever the leaflet's language.
#include <catch2/catch.hpp>

#include "content/load_content.hpp"
#include "layout/sections.hpp"
#include "style/layout.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

struct Sides {
    Pt marker{-1};      // the marker's left edge
    Pt text_left{1e9};  // the leftmost of the item's text
    Pt text_right{-1};  // the rightmost of the item's text
};

// The first list item of the leaflet's first section: where its marker and text are drawn.
Sides first_item(const std::string& language, const std::string& item) {
    static Diagnostics setup;
    static const text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    static const text::FontChain chain = *text::resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
    Diagnostics diags;
    const auto doc = load_content_text(
        "title = \"T\"\nlanguage = \"" + language + "\"\n[[section]]\nbody = \"\"\"\n- " + item + "\n\"\"\"\n",
        "c.toml", diags);
    REQUIRE(doc);
    Brand brand;
    const Layout layout = *load_layout(test::repo_dir() + "/layouts/a4.toml", diags);
    const auto units = section_units(*doc, 0, brand, layout, {chain, nullptr, {}}, Pt(300), diags);
    Sides s;
    for (const auto& u : units)
        for (const auto& line : u.lines)
            for (const auto& item : line.items)
                if (const auto* g = std::get_if<GlyphRun>(&item)) {
                    const Pt left = g->origin.x + g->left();
                    if (g->source.role == Role::ListMarker)
                        s.marker = left;
                    else if (g->source.role == Role::ListItem) {
                        s.text_left = std::min(s.text_left, left);
                        s.text_right = std::max(s.text_right, g->origin.x + g->right());
                    }
                }
    REQUIRE(s.marker >= Pt(0));
    REQUIRE(s.text_right >= Pt(0));
    return s;
}

}  // namespace

TEST_CASE("a list item's marker stands on the side its text starts from", "[sections][bidi]") {
    // English text in an Arabic leaflet: left to right, the marker on the left.
    const Sides latin = first_item("ar", "Take the tablets with food.");
    CHECK(latin.marker < latin.text_left);
    // Arabic text in an English leaflet ("Take the tablets with food."): the marker on the right.
    const Sides arabic = first_item("en", "تناول الأقراص مع الطعام.");
    CHECK(arabic.marker > arabic.text_right);
    // An item that starts with a phone number, then Arabic: the first strong letter is Arabic.
    const Sides number = first_item("en", "(858) 258-5090 اتصل بنا");
    CHECK(number.marker > number.text_right);
}
