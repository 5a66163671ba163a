// The ink of text on a page, for check.overlap: each glyph's outline box as its face gives it
// (the glyph's own fact, carried in the page model by its face and glyph id), marks included,
// so that a vowel sign of one line landing on the next is seen, and a descender that passes
// over the next line's ascender without touching it is not.
#pragma once
#include <vector>

#include "model/page.hpp"

namespace leafpress {

// A box on the page: points from the top-left.
struct InkBox {
    Pt left, right, top, bottom;
};

struct GlyphInkBox {
    InkBox ink;
    Pt pen_left, pen_right;  // its advance across: its share of its line
};

struct RunInk {
    InkBox all;                       // the union of its glyphs' ink
    Pt baseline;                      // of the run
    std::vector<GlyphInkBox> glyphs;  // those with ink
    [[nodiscard]] bool empty() const { return glyphs.empty(); }
};

// The ink of a run (a run without a face: its advances, from cap height to the baseline).
RunInk ink_of(const GlyphRun& run);

// Whether two runs' ink touches, by more than `tolerance` both across and down. On one
// baseline (neighbours on a line, which kerning may tuck together) glyphs are compared by
// their advances across; otherwise by their ink.
bool inks_collide(const RunInk& a, const RunInk& b, Pt tolerance);

}  // namespace leafpress
