// Knuth–Plass on synthetic box/glue/penalty lists, written as tables of expected lines:
// every character is a 10 pt box, a space is glue (10 pt, +5/-3 when justified), '|' is a
// hyphenation point (a flagged penalty 10 pt wide), '\n' a forced break.
#include <catch2/catch.hpp>

#include "text/break_lines.hpp"

using namespace leafpress;
using namespace leafpress::text;

namespace {

enum class Mode { Justified, Ragged };

struct Layouted {
    std::vector<std::string> lines;
    Breaks breaks;
};

Layouted run(const std::string& text, double width, Mode mode, BreakOptions options = {}) {
    std::vector<Item> items;
    std::vector<char> chars;  // what each item prints
    const bool just = mode == Mode::Justified;
    for (char c : text) {
        if (c == ' ') {
            items.push_back(glue(Pt(10), just ? Pt(5) : Pt(0), just ? Pt(3) : Pt(0)));
        } else if (c == '|') {
            items.push_back(penalty(Pt(10), 50, Flag::Hyphen));
        } else if (c == '\n') {
            items.push_back(penalty(Pt(0), kInfinity, Flag::None));
            chars.push_back(0);
            items.push_back(glue(Pt(0), kFill, Pt(0)));
            chars.push_back(0);
            items.push_back(penalty(Pt(0), -kInfinity, Flag::None));
        } else {
            items.push_back(box(Pt(10)));
        }
        chars.push_back(c);
    }
    items.push_back(penalty(Pt(0), kInfinity, Flag::None));
    chars.push_back(0);
    items.push_back(glue(Pt(0), kFill, Pt(0)));
    chars.push_back(0);
    items.push_back(penalty(Pt(0), -kInfinity, Flag::None));
    chars.push_back(0);
    if (mode == Mode::Ragged) {
        options.ragged_stretch = Pt(30);
        options.tolerance = 1000;
    }
    Layouted out;
    out.breaks = break_lines(items, Pt(width), options);
    std::size_t from = 0;
    for (std::size_t b : out.breaks.positions) {
        std::string line;
        for (std::size_t i = from; i < b; ++i)
            if (chars[i] != '|' && chars[i] != 0 && chars[i] != '\n') line.push_back(chars[i]);
        while (!line.empty() && line.front() == ' ') line.erase(line.begin());
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (items[b].type == ItemType::Penalty && items[b].flagged) line += "-";
        out.lines.push_back(line);
        from = b + 1;
    }
    return out;
}

struct Case {
    const char* name;
    const char* text;
    double width;
    Mode mode;
    std::vector<std::string> lines;
};

}  // namespace

TEST_CASE("break_lines: tables of expected lines", "[break]") {
    const Case cases[] = {
        {"exact fit", "aaa bbb ccc ddd", 70, Mode::Justified, {"aaa bbb", "ccc ddd"}},
        {"one line", "aaa bbb", 200, Mode::Justified, {"aaa bbb"}},
        {"shrinks a little", "aaa bbb", 68, Mode::Justified, {"aaa bbb"}},
        {"never shrinks past the limit", "aaa bbb", 66, Mode::Justified, {"aaa", "bbb"}},
        {"hyphenates a word that cannot fit", "abcdef|ghij", 70, Mode::Justified, {"abcdef-", "ghij"}},
        {"hyphenates to avoid a very loose line",
         "aaaa bbbb|cccc dd ee ff gg hh",
         100,
         Mode::Justified,
         {"aaaa bbbb-", "cccc dd ee", "ff gg hh"}},
        {"never hyphenates into the last line", "aaaa bbbb|cccc", 100, Mode::Justified, {"aaaa", "bbbbcccc"}},
        {"ragged leaves a short line rather than overflow", "aaaa bbbb|cccc", 90, Mode::Ragged, {"aaaa", "bbbbcccc"}},
        {"forced break", "aaa\nbbb ccc", 200, Mode::Justified, {"aaa", "bbb ccc"}},
        {"empty line from two forced breaks", "aa\n\nbb", 200, Mode::Ragged, {"aa", "", "bb"}},
        {"ragged balances lines", "aaaa bbbb cc dd eeee ffff", 110, Mode::Ragged, {"aaaa bbbb", "cc dd eeee", "ffff"}},
        {"an overlong box is set overfull rather than lost",
         "aaaaaaaaaaaa bb",
         50,
         Mode::Justified,
         {"aaaaaaaaaaaa", "bb"}},
    };
    for (const auto& c : cases) {
        SECTION(c.name) {
            CAPTURE(c.text, c.width);
            CHECK(run(c.text, c.width, c.mode).lines == c.lines);
        }
    }
}

TEST_CASE("break_lines reports overfull lines", "[break]") {
    CHECK(run("aaaaaaaaaaaa bb", 50, Mode::Justified).breaks.overfull);
    CHECK_FALSE(run("aaa bbb ccc", 70, Mode::Justified).breaks.overfull);
}

TEST_CASE("break_lines limits hyphenated lines in a row", "[break]") {
    // Hyphenating every line gives the tightest fit; the limit forbids a third in a row.
    const char* text = "aaaa|aaaa bbbb|bbbb cccc|cccc dddd|dddd eeee|eeee ffff|ffff";
    BreakOptions two;
    two.max_consecutive_hyphens = 2;
    for (int limit : {1, 2}) {
        BreakOptions o;
        o.max_consecutive_hyphens = limit;
        const auto r = run(text, 140, Mode::Justified, o);
        CAPTURE(limit, r.lines);
        CHECK_FALSE(r.breaks.hyphen_limit_relaxed);
        int in_a_row = 0, most = 0;
        for (const auto& l : r.lines) {
            in_a_row = (!l.empty() && l.back() == '-') ? in_a_row + 1 : 0;
            most = std::max(most, in_a_row);
        }
        CHECK(most <= limit);
    }
}

TEST_CASE("break_lines relaxes the hyphen limit only when nothing else sets", "[break]") {
    BreakOptions o;
    o.max_consecutive_hyphens = 1;
    const auto r = run("ab|cd|ef|gh", 30, Mode::Justified, o);
    CHECK(r.lines == std::vector<std::string>{"ab-", "cd-", "ef-", "gh"});
    CHECK(r.breaks.hyphen_limit_relaxed);
}

TEST_CASE("adjustment_ratio", "[break]") {
    CHECK(adjustment_ratio(Pt(90), Pt(20), Pt(5), Pt(100)) == Approx(0.5));
    CHECK(adjustment_ratio(Pt(105), Pt(20), Pt(10), Pt(100)) == Approx(-0.5));
    CHECK(adjustment_ratio(Pt(100), Pt(0), Pt(0), Pt(100)) == 0.0);
    CHECK(std::isinf(adjustment_ratio(Pt(90), Pt(0), Pt(0), Pt(100))));
}
