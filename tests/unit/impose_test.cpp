// Saddle-stitch imposition, as a table: for n reading pages, the pages on each side of each
// sheet (left, right; 0 is a blank), in the order the sides are printed.
#include <catch2/catch.hpp>

#include <vector>

#include "layout/impose.hpp"

using namespace leafpress;

namespace {

std::vector<std::vector<int>> numbers(const Imposition& im) {
    std::vector<std::vector<int>> out;
    for (const auto& side : im.sides) {
        std::vector<int> s;
        for (const auto& slot : side) s.push_back(slot.page + 1);  // 1-based; a blank is 0
        out.push_back(s);
    }
    return out;
}

}  // namespace

TEST_CASE("saddle-stitch imposition puts the cover on the first side and reads in order when folded", "[impose]") {
    struct Case {
        int pages;
        std::vector<std::vector<int>> sides;
    };
    const Case cases[] = {
        {1, {{0, 1}, {0, 0}}},
        {2, {{0, 1}, {2, 0}}},
        {3, {{0, 1}, {2, 3}}},
        {4, {{4, 1}, {2, 3}}},
        {5, {{0, 1}, {2, 0}, {0, 3}, {4, 5}}},
        {6, {{0, 1}, {2, 0}, {6, 3}, {4, 5}}},
        {8, {{8, 1}, {2, 7}, {6, 3}, {4, 5}}},
        {12, {{12, 1}, {2, 11}, {10, 3}, {4, 9}, {8, 5}, {6, 7}}},
    };
    const Size a5{mm(148.5), mm(210)};
    for (const auto& c : cases) {
        CAPTURE(c.pages);
        const Imposition im = saddle_stitch(c.pages, a5);
        CHECK(numbers(im) == c.sides);
        CHECK(im.sides.size() == static_cast<std::size_t>((c.pages + 3) / 4 * 2));
    }
}

TEST_CASE("a booklet's sheet is two pages wide, the right page beside the left, folded down the middle", "[impose]") {
    const Size page{mm(148.5), mm(210)};
    const Imposition im = saddle_stitch(4, page);
    CHECK(im.sheet.width.value() == Approx(mm(297).value()));
    CHECK(im.sheet.height.value() == Approx(mm(210).value()));
    for (const auto& side : im.sides) {
        REQUIRE(side.size() == 2);
        CHECK(side[0].at.x.value() == Approx(0));
        CHECK(side[1].at.x.value() == Approx(page.width.value()));
        CHECK(side[1].at.y.value() == Approx(0));
    }
    const SheetFacts facts = booklet_sheet(im);
    REQUIRE(facts.folds.size() == 1);
    CHECK(facts.folds[0].value() == Approx(page.width.value()));
    CHECK(facts.duplex == Duplex::FlipShortEdge);
    CHECK(saddle_stitch(0, page).sides.empty());
}

TEST_CASE("a right-to-left booklet is bound on the right: each side's halves swap", "[impose]") {
    const Size page{mm(148.5), mm(210)};
    const Imposition left = saddle_stitch(8, page);
    const Imposition right = saddle_stitch(8, page, Binding::Right);
    REQUIRE(right.sides.size() == left.sides.size());
    for (std::size_t s = 0; s < left.sides.size(); ++s)
        for (std::size_t i = 0; i < 2; ++i) {
            CHECK(right.sides[s][i].page == left.sides[s][i].page);
            CHECK(right.sides[s][i].at.x.value() == Approx(page.width.value() - left.sides[s][i].at.x.value()));
        }
    // The cover (page 1) is the left half of the first side.
    CHECK(right.sides[0][1].page == 0);
    CHECK(right.sides[0][1].at.x.value() == Approx(0));
}
