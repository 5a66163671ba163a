#include <algorithm>
#include <map>
#include <utility>

#include "model/page.hpp"

namespace leafpress {

std::vector<CellRect> cell_rectangles(const CellGrid& grid) {
    std::vector<CellRect> out;
    // The rectangles still growing down, by their run (first column, width): index into out.
    std::map<std::pair<int, int>, std::size_t> open;
    for (int row = 0; row < grid.rows; ++row) {
        std::map<std::pair<int, int>, std::size_t> next;
        for (int col = 0; col < grid.columns;) {
            if (!grid.at(col, row)) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < grid.columns && grid.at(col, row)) ++col;
            const std::pair run{start, col - start};
            if (const auto it = open.find(run); it != open.end()) {
                ++out[it->second].height;
                next.emplace(run, it->second);
            } else {
                next.emplace(run, out.size());
                out.push_back({start, row, col - start, 1});
            }
        }
        open = std::move(next);
    }
    std::sort(out.begin(), out.end(), [](const CellRect& a, const CellRect& b) {
        return std::pair(a.row, a.column) < std::pair(b.row, b.column);
    });
    return out;
}

}  // namespace leafpress
