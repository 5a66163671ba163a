// A cell grid's filled cells as rectangles: runs of a row, taking in the same runs below.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/page.hpp"

using namespace leafpress;

namespace {

CellGrid grid(const std::vector<std::string>& rows) {
    CellGrid g;
    g.rows = static_cast<int>(rows.size());
    g.columns = static_cast<int>(rows.front().size());
    for (const auto& r : rows)
        for (char c : r) g.filled.push_back(c == '#');
    return g;
}

}  // namespace

TEST_CASE("filled cells become as few rectangles as runs stacked on one another allow", "[model]") {
    struct Case {
        std::vector<std::string> rows;
        std::vector<CellRect> rects;
    };
    const std::vector<Case> cases = {
        {{"...", "...", "..."}, {}},
        {{"###", "...", "..."}, {{0, 0, 3, 1}}},
        {{"#.#", "#.#", "#.#"}, {{0, 0, 1, 3}, {2, 0, 1, 3}}},
        {{"###", "#.#", "###"}, {{0, 0, 3, 1}, {0, 1, 1, 1}, {2, 1, 1, 1}, {0, 2, 3, 1}}},
        {{"##.", "##.", ".##"}, {{0, 0, 2, 2}, {1, 2, 2, 1}}},
        {{"#..", "...", "#.."}, {{0, 0, 1, 1}, {0, 2, 1, 1}}},  // a gap ends a rectangle
    };
    for (const auto& c : cases) {
        INFO(c.rows[0] << "/" << c.rows[1] << "/" << c.rows[2]);
        CHECK(cell_rectangles(grid(c.rows)) == c.rects);
    }
}
