#include "check/ink.hpp"

#include <algorithm>

#include "text/shape.hpp"

namespace leafpress {

namespace {

Pt across(Pt a0, Pt a1, Pt b0, Pt b1) { return std::min(a1, b1) - std::max(a0, b0); }

}  // namespace

RunInk ink_of(const GlyphRun& run) {
    RunInk out;
    out.baseline = run.origin.y;
    out.all = {Pt(1e9), Pt(-1e9), Pt(1e9), Pt(-1e9)};
    out.glyphs.reserve(run.glyphs.size());
    for (const auto& g : run.glyphs) {
        const Pt x = run.origin.x + g.x();
        const Pt base = run.origin.y - g.y_offset();
        InkBox box;
        if (run.face) {
            const text::GlyphInk ink = text::glyph_ink(*run.face, g.gid, run.size);
            if (ink.empty) continue;
            box = {x + ink.left, x + ink.right, base - ink.top, base - ink.bottom};
        } else {
            if (g.advance() <= Pt(0)) continue;
            box = {x, x + g.advance(), base - run.size * 0.7, base};
        }
        out.glyphs.push_back({box, x, x + g.advance()});
        out.all.left = std::min(out.all.left, box.left);
        out.all.right = std::max(out.all.right, box.right);
        out.all.top = std::min(out.all.top, box.top);
        out.all.bottom = std::max(out.all.bottom, box.bottom);
    }
    return out;
}

bool inks_collide(const RunInk& a, const RunInk& b, Pt tolerance) {
    if (a.empty() || b.empty()) return false;
    if (across(a.all.left, a.all.right, b.all.left, b.all.right) <= tolerance ||
        across(a.all.top, a.all.bottom, b.all.top, b.all.bottom) <= tolerance)
        return false;
    const bool one_line = std::abs((a.baseline - b.baseline).value()) < 0.01;
    for (const auto& p : a.glyphs)
        for (const auto& q : b.glyphs) {
            const Pt x = one_line ? across(p.pen_left, p.pen_right, q.pen_left, q.pen_right)
                                  : across(p.ink.left, p.ink.right, q.ink.left, q.ink.right);
            if (x > tolerance && across(p.ink.top, p.ink.bottom, q.ink.top, q.ink.bottom) > tolerance) return true;
        }
    return false;
}

}  // namespace leafpress
