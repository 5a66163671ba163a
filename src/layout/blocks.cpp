#include "layout/blocks.hpp"

#include <algorithm>

namespace leafpress {

Pt baseline_in(const text::Face& face, Pt size, Pt line_height) {
    const auto m = text::vertical_metrics(face, size);
    return (line_height - m.ascent - m.descent) / 2.0 + m.ascent;
}

LinePitch line_pitch(const text::Face& primary, Pt size, Pt line_height, const text::LineReach& faces,
                     const text::LineReach& line) {
    const Pt baseline = baseline_in(primary, size, line_height);
    const auto m = text::vertical_metrics(primary, size);
    // What the primary face alone may reach: its box, or its own extents where the leading is
    // tighter than they are (as in a Latin title), as today.
    const Pt room_above = std::max(baseline, m.ascent), room_below = std::max(line_height - baseline, m.descent);
    const Pt above = std::max(faces.face_above, line.ink_above), below = std::max(faces.face_below, line.ink_below);
    // A line that needs more than that gets a box that holds all it needs.
    const Pt top = above > room_above + Pt(0.001) ? above : baseline;
    const Pt bottom = below > room_below + Pt(0.001) ? below : line_height - baseline;
    return {top, top + bottom};
}

std::vector<LineBox> typeset(const std::vector<text::StyledRun>& runs, const text::ParagraphStyle& style, Pt width,
                             Pt indent, Pt line_height, const text::TextContext& ctx, ElementRef ref,
                             Diagnostics& diags) {
    return line_boxes(text::set_paragraph(runs, style, width, ctx, diags), style, indent, line_height, ctx, ref);
}

std::vector<LineBox> line_boxes(const text::SetParagraph& set, const text::ParagraphStyle& style, Pt indent,
                                Pt line_height, const text::TextContext& ctx, ElementRef ref) {
    std::vector<LineBox> out;
    const text::Face& primary = ctx.fonts.primary(FontStyle::Regular);
    const auto [asc, desc] = text::vertical_metrics(primary, style.size);
    text::LineReach faces;
    for (const auto& line : set.lines) {
        faces.face_above = std::max(faces.face_above, line.reach.face_above);
        faces.face_below = std::max(faces.face_below, line.reach.face_below);
    }
    for (const auto& line : set.lines) {
        const LinePitch pitch = line_pitch(primary, style.size, line_height, faces, line.reach);
        const Pt baseline = pitch.baseline;
        LineBox box{pitch.height, {}, baseline};
        // Runs go on the page in reading order (drawing order does not show, and readers and
        // tags follow it); in right-to-left and mixed lines that differs from left to right.
        std::vector<const text::LineRun*> order;
        for (const auto& run : line.runs) order.push_back(&run);
        std::stable_sort(order.begin(), order.end(),
                         [](const text::LineRun* a, const text::LineRun* b) { return a->first_char < b->first_char; });
        for (const text::LineRun* r : order) {
            const text::LineRun& run = *r;
            box.items.emplace_back(glyph_run(run, {indent, baseline}, ref));
            if (!run.link.empty()) {
                ElementRef link_ref = ref;
                if (run.role == text::RunRole::PhoneNumber) link_ref.meaning = Meaning::PhoneNumber;
                box.items.emplace_back(
                    Link{{indent + run.left, baseline - asc, run.right - run.left, asc + desc}, run.link, link_ref});
            }
        }
        out.push_back(std::move(box));
    }
    return out;
}

GlyphRun glyph_run(const text::LineRun& run, Point origin, ElementRef ref) {
    if (run.role == text::RunRole::PhoneNumber) ref.meaning = Meaning::PhoneNumber;
    GlyphRun g{run.face, run.size, run.color, origin, {}, ref, run.link, run.logical};
    g.language = run.language;
    g.glyphs.reserve(run.glyphs.size());
    for (const auto& lg : run.glyphs) g.add(lg.gid, lg.x, lg.y_offset, lg.advance, lg.text, lg.kind);
    return g;
}

void translate(PageItem& item, Pt dx, Pt dy) {
    std::visit(
        [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, GlyphRun>) {
                it.origin.x += dx;
                it.origin.y += dy;
            } else if constexpr (std::is_same_v<T, Rule>) {
                it.from.x += dx;
                it.from.y += dy;
                it.to.x += dx;
                it.to.y += dy;
            } else {
                it.rect.x += dx;
                it.rect.y += dy;
            }
        },
        item);
}

Color tint(Color c, double amount) {
    return {c.r * amount + (1 - amount), c.g * amount + (1 - amount), c.b * amount + (1 - amount)};
}

}  // namespace leafpress
