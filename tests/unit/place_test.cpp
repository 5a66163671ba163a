#include <catch2/catch.hpp>

#include "layout/place.hpp"

using namespace leafpress;

namespace {
// A unit of `lines` line boxes 10 pt tall, each holding one rule that marks it as unit `id`.
Unit unit(int id, std::size_t lines, bool keep_with_next = false) {
    Unit u;
    for (std::size_t i = 0; i < lines; ++i) {
        LineBox box{Pt(10), {}};
        box.items.emplace_back(
            Rule{{Pt(0), Pt(0)}, {Pt(1), Pt(0)}, Pt(1), {}, {Role::Paragraph, id, static_cast<int>(i)}});
        u.lines.push_back(std::move(box));
    }
    u.keep_with_next = keep_with_next;
    u.split = keep_with_next ? Split::Never : Split::Lines;
    return u;
}

// Frames of `height` points, one per page.
FrameSource frames(Pt height) {
    return [height](int index) -> std::optional<Frame> { return Frame{index, {Pt(0), Pt(0), Pt(100), height}}; };
}

// Which (unit, line) pairs each page holds, as "u.l" words.
std::vector<std::string> pages(const Placement& p) {
    std::vector<std::string> out;
    for (const auto& page : p.pages) {
        std::string s;
        for (const auto& item : page.items) {
            const auto& r = std::get<Rule>(item).source;
            s += (s.empty() ? "" : " ") + std::to_string(r.section) + "." + std::to_string(r.block);
        }
        out.push_back(s);
    }
    return out;
}
}  // namespace

TEST_CASE("a heading goes with all of a three-line paragraph, which cannot split", "[place]") {
    // Room for 6 lines: paragraph 0 takes 3, the heading 1; the next paragraph's 3 lines do not
    // fit in the 2 left and cannot split 2 + 1, so the heading goes with them.
    const std::vector<Unit> units{unit(0, 3), unit(1, 1, true), unit(2, 3)};
    const Placement p = place(units, frames(Pt(60)), {Pt(100), Pt(100)});
    CHECK(pages(p) == std::vector<std::string>{"0.0 0.1 0.2", "1.0 2.0 2.1 2.2"});
    CHECK(p.complete);
    CHECK(p.kept);
}

TEST_CASE("a heading goes with the first two lines of a long paragraph", "[place]") {
    const std::vector<Unit> units{unit(0, 3), unit(1, 1, true), unit(2, 6)};
    const Placement p = place(units, frames(Pt(60)), {Pt(100), Pt(100)});
    CHECK(pages(p) == std::vector<std::string>{"0.0 0.1 0.2 1.0 2.0 2.1", "2.2 2.3 2.4 2.5"});
}

TEST_CASE("a heading that opens a short first frame (under the cover) goes to the taller next with its text",
          "[place]") {
    // Page 1 has 25 pt under its cover, the pages after it 60: the heading and the three lines of
    // its paragraph (40 pt) do not fit the first, and nothing is left at its foot alone.
    const FrameSource first_short = [](int index) -> std::optional<Frame> {
        return Frame{index, {Pt(0), Pt(index == 0 ? 75 : 0), Pt(100), Pt(index == 0 ? 25 : 60)}};
    };
    const std::vector<Unit> units{unit(1, 1, true), unit(2, 3)};
    const Placement p = place(units, first_short, {Pt(100), Pt(100)});
    CHECK(pages(p) == std::vector<std::string>{"", "1.0 2.0 2.1 2.2"});
    CHECK(p.complete);
    CHECK(p.kept);
}

TEST_CASE("frames too short for a heading and its text say so", "[place]") {
    const std::vector<Unit> units{unit(1, 1, true), unit(2, 3)};
    const Placement p = place(units, frames(Pt(25)), {Pt(100), Pt(100)});
    CHECK_FALSE(p.kept);
}

TEST_CASE("a table row that starts a frame gets its table's header above it", "[place]") {
    std::vector<Unit> units{unit(0, 1, true), unit(1, 1), unit(2, 1), unit(3, 1)};
    for (auto& u : units) u.split = Split::Never;
    LineBox header = units[0].lines[0];
    std::get<Rule>(header.items[0]).source.section = 9;  // marks the repeated copy
    for (std::size_t k = 1; k < units.size(); ++k) units[k].repeat_header = {header};
    const Placement p = place(units, frames(Pt(30)), {Pt(100), Pt(100)});
    // Three lines a frame: header and two rows, then the header again with the last row.
    CHECK(pages(p) == std::vector<std::string>{"0.0 1.0 2.0", "9.0 3.0"});
}

TEST_CASE("units placed as they come: each page is given as soon as the placer moves past it", "[place]") {
    std::vector<std::string> given;
    int pushed = 0;
    std::vector<int> pushed_when_given;
    PagePlacer placer(
        frames(Pt(60)), {Pt(100), Pt(100)},
        [&](int index, Page&& page, std::vector<Extent>&&) {
            CHECK(index == static_cast<int>(given.size()));
            given.push_back(pages(Placement{{page}, {}, {}, true, true, 0, Pt(0)}).front());
            pushed_when_given.push_back(pushed);
        },
        LastPage::Given);
    // The same units as "a heading goes with the first two lines of a long paragraph".
    for (Unit u : {unit(0, 3), unit(1, 1, true), unit(2, 6), unit(3, 4)}) {
        placer.push(std::move(u));
        ++pushed;
    }
    const PagePlacer::End end = placer.finish();
    CHECK(given == std::vector<std::string>{"0.0 0.1 0.2 1.0 2.0 2.1", "2.2 2.3 2.4 2.5 3.0 3.1"});
    // Page 1 went while paragraph 2 was pushed (it ran over), page 2 while paragraph 3 was.
    CHECK(pushed_when_given == std::vector<int>{2, 3});
    CHECK(end.last_page == 2);
    CHECK(pages(end.placement).back() == "3.2 3.3");
    CHECK(end.placement.pages.front().items.empty());  // given away
}

TEST_CASE("a heading waits for the unit it keeps with before it is placed", "[place]") {
    int given = 0;
    PagePlacer placer(
        frames(Pt(40)), {Pt(100), Pt(100)}, [&](int, Page&&, std::vector<Extent>&&) { ++given; }, LastPage::Given);
    placer.push(unit(0, 3));
    placer.push(unit(1, 1, true));  // fits under paragraph 0 only if its text's start does too
    CHECK(given == 0);
    placer.push(unit(2, 3));  // it does not: heading and text go to page 2, and page 1 is done
    CHECK(given == 1);
    const PagePlacer::End end = placer.finish();
    CHECK(pages(end.placement).back() == "1.0 2.0 2.1 2.2");
}

TEST_CASE("the units on the last page are kept, its first from the line the page starts with", "[place]") {
    PagePlacer placer(
        frames(Pt(60)), {Pt(100), Pt(100)}, [](int, Page&&, std::vector<Extent>&&) {}, LastPage::Kept);
    for (Unit u : {unit(0, 3), unit(1, 1, true), unit(2, 6), unit(3, 4)}) placer.push(std::move(u));
    const PagePlacer::End end = placer.finish();
    // Paragraph 3 from its third line: placed again alone, it fills the last page as it did.
    REQUIRE(end.last_units.size() == 1);
    CHECK(end.last_units.front().lines.size() == 2);
    const Placement again = place(end.last_units, frames(Pt(60)), {Pt(100), Pt(100)});
    CHECK(pages(again) == std::vector<std::string>{"3.2 3.3"});
    CHECK(end.kept_before_last);
}
