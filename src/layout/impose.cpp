#include "layout/impose.hpp"

namespace leafpress {

Imposition saddle_stitch(int pages, Size page, Binding binding) {
    Imposition im;
    im.sheet = {page.width * 2.0, page.height};
    const int n = pages <= 0 ? 0 : (pages + 3) / 4 * 4;
    // 1-based reading page numbers beyond the last real page are blanks.
    const auto slot = [&](int number, int half) {
        if (binding == Binding::Right) half = 1 - half;
        return Imposition::Slot{number <= pages ? number - 1 : -1, {page.width * static_cast<double>(half), Pt(0)}};
    };
    for (int k = 0; k < n / 4; ++k) {
        im.sides.push_back({slot(n - 2 * k, 0), slot(2 * k + 1, 1)});      // front
        im.sides.push_back({slot(2 * k + 2, 0), slot(n - 2 * k - 1, 1)});  // back
    }
    return im;
}

SheetFacts booklet_sheet(const Imposition& imposition) {
    return {{imposition.sheet.width / 2.0}, Duplex::FlipShortEdge};
}

}  // namespace leafpress
