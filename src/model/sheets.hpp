// The printed sides of a document: which reading pages go on each, where, and for the print
// shop the trim and bleed boxes and the crop and fold marks around them. Geometry only, shared
// by the PDF, SVG and PNG writers (the PDF's content-stream operators for the marks are
// pdf::mark_operators).
#pragma once
#include <array>
#include <vector>

#include "model/page.hpp"

namespace leafpress {

// Print-shop geometry: bleed beyond the trim, and the marks outside the bleed.
struct PrintGeometry {
    Pt bleed = mm(3);
    Pt mark_gap = mm(2);  // between the bleed and the start of a mark
    Pt mark_length = mm(6);
    [[nodiscard]] Pt margin() const { return bleed + mark_gap + mark_length + mm(1); }
};

// A reading page on a side: where its bottom-left corner goes, in PDF space (points, y up),
// and which of its edges are the sheet's (a band there runs on into the bleed).
struct SheetSlot {
    int page = -1;
    double tx = 0, ty = 0;
    bool left = true, right = true, top = true, bottom = true;
};

// One printer's mark: a stroked line from (x0, y0) to (x1, y1) on the side, in PDF space; fold
// marks are dashed.
struct MarkLine {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool dashed = false;
};

struct SheetSide {
    double width = 0, height = 0;   // the MediaBox
    std::array<double, 4> trim{};   // x0 y0 x1 y1
    std::array<double, 4> bleed{};  // the same as trim without print geometry
    std::vector<SheetSlot> slots;
    // Crop marks at the trim's corners, then dashed fold marks at its folds, outside the bleed.
    std::vector<MarkLine> marks;
};

// Every side, in order: one per reading page, or the imposition's sides; with `print`, each
// grown by the marks' margin all round.
std::vector<SheetSide> sheet_sides(const LaidOut& doc, const PrintGeometry* print);

// The side of reading page `index` printed as it is (no imposition).
SheetSide page_side(Size page, int index, const SheetFacts& sheet, const PrintGeometry* print);

// The sides of an imposition, given the size of each reading page.
std::vector<SheetSide> imposed_sides(const Imposition& im, const std::vector<Size>& pages, const SheetFacts& sheet,
                                     const PrintGeometry* print);

// A box or image on a reading page, run on into the bleed at the edges of the page that are
// the sheet's.
Rect into_bleed(Rect r, Size page, const SheetSlot& slot, Pt bleed);

}  // namespace leafpress
