#include <catch2/catch.hpp>

#include "style/layout.hpp"
#include "support.hpp"

using namespace leafpress;
using test::TempDir;

TEST_CASE("the shipped a4 layout loads", "[layout]") {
    Diagnostics d;
    auto l = load_layout(resolve_layout_path("a4", test::repo_dir() + "/layouts"), d);
    REQUIRE(l);
    CHECK(d.all().empty());
    CHECK(l->name == "a4");
    CHECK(l->page.width.value() == Approx(595.28).margin(0.01));
    CHECK(l->page.height.value() == Approx(841.89).margin(0.01));
    CHECK(l->type.body >= Pt(12));
    CHECK(l->align == Align::RaggedRight);
}

TEST_CASE("layout names and paths", "[layout]") {
    CHECK(resolve_layout_path("a4", "/x/layouts") == "/x/layouts/a4.toml");
    CHECK(resolve_layout_path("./mine.toml", "/x/layouts") == "./mine.toml");
    CHECK(resolve_layout_path("other/trifold.toml", "/x/layouts") == "other/trifold.toml");
}

TEST_CASE("layout values are checked", "[layout]") {
    struct Case {
        const char* name;
        const char* text;
        const char* expected;  // every diagnostic, formatted, one after another
        std::size_t count = 1;
    };
    const Case cases[] = {
        {"unknown size", "[page]\nsize = \"B7\"\n",
         "l.toml:2:8: error: unknown page size 'B7' [layout.size]\n"
         "  hint: use A3, A4, A5, Letter or Legal, or give width and height in mm"},
        {"body too small", "[type]\nbody = 2\n",
         "l.toml:2:8: error: 'body' must be between 4 and 72 pt [layout.range]"},
        {"bad align", "[type]\nalign = \"center\"\n",
         "l.toml:2:9: error: unknown alignment 'center' [layout.align]\n"
         "  hint: align is \"ragged\" or \"justify\""},
        {"margins eat the page", "[page]\nsize = \"A5\"\nmargins = { left = 100, right = 100 }\n",
         "l.toml:3:11: error: the margins leave less than an inch for the text [layout.margins]"},
        {"unknown key", "[type]\nfamly = \"X\"\n",
         "l.toml:2:1: warning: unknown key 'famly' in [type]; did you mean 'family'? [input.unknown-key]"},
        // Two mistakes: both reported, each once, in the file's order.
        {"two mistakes", "[type]\nbody = 2\nalign = \"center\"\n",
         "l.toml:2:8: error: 'body' must be between 4 and 72 pt [layout.range]\n"
         "l.toml:3:9: error: unknown alignment 'center' [layout.align]\n"
         "  hint: align is \"ragged\" or \"justify\"",
         2},
        {"section ratio out of range", "[sections]\nlist_indent = 9\n",
         "l.toml:2:15: error: 'list_indent' must be between 0 and 4 times [layout.range]"},
        {"figure taller than the body", "[sections]\nfigure_height = 1.5\n",
         "l.toml:2:17: error: 'figure_height' must be between 0 and 1 times [layout.range]"},
        {"unknown ratio", "[sections]\nlist_indnet = 1\n",
         "l.toml:2:1: warning: unknown key 'list_indnet' in [sections]; did you mean 'list_indent'? "
         "[input.unknown-key]"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        TempDir dir;
        Diagnostics d;
        load_layout(dir.write("l.toml", c.text), d);
        // Every diagnostic in full (message, code, hint), the temporary folder left out.
        std::string got = test::messages(d);
        for (std::size_t at; (at = got.find(dir.path() + "/")) != std::string::npos;)
            got.erase(at, dir.path().size() + 1);
        CHECK(got == c.expected);
        CHECK(d.all().size() == c.count);
    }
}

TEST_CASE("a section's proportions are named in the layout, today's values by default", "[layout]") {
    TempDir dir;
    Diagnostics d;
    const auto plain = load_layout(dir.write("a.toml", "name = \"A\"\n"), d);
    REQUIRE(plain);
    CHECK(plain->sections.list_indent == 1.4);
    CHECK(plain->sections.heading_space == 1.1);
    CHECK(plain->sections.callout_padding == 0.8);
    CHECK(plain->sections.figure_height == 0.7);
    const auto wide =
        load_layout(dir.write("b.toml", "[sections]\nlist_indent = 2.8\nheading_gap = 0\ncaption_size = 1\n"), d);
    REQUIRE(wide);
    CHECK(d.all().empty());
    CHECK(wide->sections.list_indent == 2.8);
    CHECK(wide->sections.heading_gap == 0);
    CHECK(wide->sections.caption_size == 1);
    CHECK(wide->sections.marker_gap == 0.5);  // the rest keep their defaults
}
