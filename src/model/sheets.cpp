#include "model/sheets.hpp"

namespace leafpress {

namespace {

constexpr double kTouch = 0.01;  // points: an edge this close to the page's is on it

// Two marks at each corner of the trim, each in line with one of its edges, starting outside
// the bleed; and at each fold, a dashed mark above and below the trim.
std::vector<MarkLine> marks(const std::array<double, 4>& trim, const std::vector<Pt>& folds, const PrintGeometry& g) {
    const double start = (g.bleed + g.mark_gap).value(), end = start + g.mark_length.value();
    const auto [x0, y0, x1, y1] = trim;
    std::vector<MarkLine> s;
    for (double y : {y0, y1}) {
        const double out = y == y0 ? -1 : 1;
        for (double x : {x0, x1}) {
            const double side = x == x0 ? -1 : 1;
            s.push_back({x + side * start, y, x + side * end, y});  // in line with the horizontal edge
            s.push_back({x, y + out * start, x, y + out * end});    // in line with the vertical edge
        }
    }
    for (Pt f : folds) {
        const double x = x0 + f.value();
        s.push_back({x, y1 + start, x, y1 + end, true});
        s.push_back({x, y0 - start, x, y0 - end, true});
    }
    return s;
}

}  // namespace

namespace {

SheetSide make_side(Size trim, std::vector<SheetSlot> slots, const SheetFacts& sheet, const PrintGeometry* print) {
    const double margin = print ? print->margin().value() : 0.0;
    const double bleed = print ? print->bleed.value() : 0.0;
    SheetSide s;
    s.width = trim.width.value() + 2 * margin;
    s.height = trim.height.value() + 2 * margin;
    s.trim = {margin, margin, margin + trim.width.value(), margin + trim.height.value()};
    s.bleed = {s.trim[0] - bleed, s.trim[1] - bleed, s.trim[2] + bleed, s.trim[3] + bleed};
    for (auto& slot : slots) {
        slot.tx += margin;
        slot.ty += margin;
    }
    s.slots = std::move(slots);
    if (print) s.marks = marks(s.trim, sheet.folds, *print);
    return s;
}

}  // namespace

SheetSide page_side(Size page, int index, const SheetFacts& sheet, const PrintGeometry* print) {
    return make_side(page, {SheetSlot{index}}, sheet, print);
}

std::vector<SheetSide> imposed_sides(const Imposition& im, const std::vector<Size>& pages, const SheetFacts& sheet,
                                     const PrintGeometry* print) {
    std::vector<SheetSide> sides;
    for (const auto& side : im.sides) {
        std::vector<SheetSlot> slots;
        for (const auto& slot : side) {
            if (slot.page < 0 || static_cast<std::size_t>(slot.page) >= pages.size()) continue;  // a blank page
            const Size size = pages[static_cast<std::size_t>(slot.page)];
            SheetSlot s;
            s.page = slot.page;
            s.tx = slot.at.x.value();
            s.ty = (im.sheet.height - slot.at.y - size.height).value();  // y up, from the sheet's bottom
            s.left = slot.at.x.value() <= kTouch;
            s.right = (slot.at.x + size.width).value() >= im.sheet.width.value() - kTouch;
            s.top = slot.at.y.value() <= kTouch;
            s.bottom = (slot.at.y + size.height).value() >= im.sheet.height.value() - kTouch;
            slots.push_back(s);
        }
        sides.push_back(make_side(im.sheet, std::move(slots), sheet, print));
    }
    return sides;
}

std::vector<SheetSide> sheet_sides(const LaidOut& doc, const PrintGeometry* print) {
    std::vector<Size> sizes;
    for (const auto& p : doc.pages) sizes.push_back(p.size);
    if (doc.imposition) return imposed_sides(*doc.imposition, sizes, doc.sheet, print);
    std::vector<SheetSide> sides;
    for (std::size_t p = 0; p < sizes.size(); ++p)
        sides.push_back(page_side(sizes[p], static_cast<int>(p), doc.sheet, print));
    return sides;
}

Rect into_bleed(Rect r, Size page, const SheetSlot& slot, Pt bleed) {
    const Pt touch{kTouch};
    if (slot.left && r.x <= touch) {
        r.width += r.x + bleed;
        r.x = -bleed;
    }
    if (slot.top && r.y <= touch) {
        r.height += r.y + bleed;
        r.y = -bleed;
    }
    if (slot.right && r.right() >= page.width - touch) r.width = page.width + bleed - r.x;
    if (slot.bottom && r.bottom() >= page.height - touch) r.height = page.height + bleed - r.y;
    return r;
}

}  // namespace leafpress
