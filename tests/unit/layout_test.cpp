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
        {"unknown size", "[page]\nsize = \"B7\"\n", "l.toml:2:8: error: unknown page size 'B7' [layout.size]\n"
         "  hint: use A3, A4, A5, Letter or Legal, or give width and height in mm"},
        {"body too small", "[type]\nbody = 2\n", "l.toml:2:8: error: 'body' must be between 4 and 72 pt [layout.range]"},
        {"bad align", "[type]\nalign = \"center\"\n", "l.toml:2:9: error: unknown alignment 'center' [layout.align]\n"
         "  hint: align is \"ragged\" or \"justify\""},
        {"margins eat the page", "[page]\nsize = \"A5\"\nmargins = { left = 100, right = 100 }\n",
         "l.toml:3:11: error: the margins leave less than an inch for the text [layout.margins]"},
        {"unknown key", "[type]\nfamly = \"X\"\n", "l.toml:2:1: warning: unknown key 'famly' in [type]; did you mean 'family'? [input.unknown-key]"},
        // Two mistakes: both reported, each once, in the file's order.
        {"two mistakes", "[type]\nbody = 2\nalign = \"center\"\n",
         "l.toml:2:8: error: 'body' must be between 4 and 72 pt [layout.range]\n"
         "l.toml:3:9: error: unknown alignment 'center' [layout.align]\n"
         "  hint: align is \"ragged\" or \"justify\"",
         2},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        TempDir dir;
        Diagnostics d;
        load_layout(dir.write("l.toml", c.text), d);
        // Every diagnostic in full (message, code, hint), the temporary folder left out.
        std::string got = test::messages(d);
        for (std::size_t at; (at = got.find(dir.path() + "/")) != std::string::npos;) got.erase(at, dir.path().size() + 1);
        CHECK(got == c.expected);
        CHECK(d.all().size() == c.count);
    }
}
