// What a terminal shows of a build's findings: of each code in each file, the first few, then a
// count of the rest; a code's hint once.
#include <catch2/catch.hpp>

#include "core/diagnostics.hpp"

using namespace leafpress;

TEST_CASE("shown lines: the first ten of a code in a file, then one line with how many more", "[diagnostics]") {
    Diagnostics d;
    for (int i = 0; i < 500; ++i)
        d.warning("input.unknown-key", {"a.toml", i + 2, 1}, "unknown key 'k" + std::to_string(i) + "'",
                  "it is ignored");
    d.error("check.review-date", {"a.toml", 1, 9}, "no reviewed date", "add one");
    const auto lines = shown_lines(d.all());
    REQUIRE(lines.size() == 12);
    CHECK(lines[0] == "a.toml:2:1: warning: unknown key 'k0' [input.unknown-key]\n  hint: it is ignored");
    CHECK(lines[1] == "a.toml:3:1: warning: unknown key 'k1' [input.unknown-key]");  // the hint once
    CHECK(lines[9] == "a.toml:11:1: warning: unknown key 'k9' [input.unknown-key]");
    CHECK(lines[10] == "a.toml: note: ... and 490 more input.unknown-key findings not shown");
    CHECK(lines[11].starts_with("a.toml:1:9: error: no reviewed date [check.review-date]\n  hint: add one"));
}

TEST_CASE("shown lines: codes and files counted apart, repeats count, and nothing is bounded under the limit",
          "[diagnostics]") {
    Diagnostics d;
    for (int i = 0; i < 12; ++i) d.error("font.missing", {"b.toml", 13, i + 1}, "font " + std::to_string(i));
    for (int i = 0; i < 3; ++i) d.error("font.missing", {"c.toml", 13, i + 1}, "other font " + std::to_string(i));
    d.error("font.missing", {"b.toml", 14, 1}, "font 11");  // a repeat: counted, not shown
    const auto lines = shown_lines(d.all());
    REQUIRE(lines.size() == 14);
    CHECK(lines[10] == "b.toml: note: ... and 3 more font.missing findings not shown");
    CHECK(lines[11] == "c.toml:13:1: error: other font 0 [font.missing]");
    CHECK(shown_lines(d.all(), 100).size() == 15);
}
