// Building blocks of the flow: typeset material as stacks of line boxes that the flow
// places into frames. Positions inside a line box are relative to its top-left corner.
#pragma once
#include <vector>

#include "core/diagnostics.hpp"
#include "model/page.hpp"
#include "text/paragraph.hpp"

namespace leafpress {

struct LineBox {
    Pt height;
    std::vector<PageItem> items;  // x from the frame's left edge, y from the box's top
    Pt baseline{};                // of a line of text: from the box's top
};

enum class Split { Lines, Never };

struct Unit {
    std::vector<LineBox> lines;
    Pt space_before;
    Split split = Split::Lines;
    bool keep_with_next = false;
    int section = -1;          // the section it decorates as part of (callouts, quotes)
    int content_section = -1;  // the section it comes from
    // Material from outside the sections (the taglines, the call to action): what to call it,
    // and where it is written, when it does not fit.
    std::string furniture;
    SourcePos furniture_at;
    // Content: what it is and where it is written (a table row: its line), for a unit with a
    // line taller than any frame; empty: its section's.
    std::string what;
    SourcePos where;
    std::string outline_title;  // non-empty: an outline entry points here
    // A table's header, drawn again above this unit when it starts a frame other than the
    // table's first (its glyphs are furniture there: read once, at the table's top).
    std::vector<LineBox> repeat_header;
};

// The baseline of a line of text of `size` in a line box `line_height` tall.
Pt baseline_in(const text::Face& face, Pt size, Pt line_height);

// Where a line of text sits in its box: its baseline from the top, and the box's height.
struct LinePitch {
    Pt baseline, height;
};
// The box of a line at the layout's `line_height`, grown where the line reaches further than
// the primary face does: the extents of the faces used in its paragraph (`faces`: the most
// any of its lines reach by their faces, so that a paragraph's lines keep one pitch) and its
// own ink. A line the primary face's extents hold keeps the layout's box exactly.
LinePitch line_pitch(const text::Face& primary, Pt size, Pt line_height, const text::LineReach& faces,
                     const text::LineReach& line);

// Typesets text as line boxes at `indent` from the frame's edge, each as tall as the layout's
// `line_height`, or taller where the line's faces or ink need it (see line_pitch).
std::vector<LineBox> typeset(const std::vector<text::StyledRun>& runs, const text::ParagraphStyle& style, Pt width,
                             Pt indent, Pt line_height, const text::TextContext& ctx, ElementRef ref,
                             Diagnostics& diags);

// A set paragraph's lines as line boxes, as typeset makes them (for a caller that needs to know
// the paragraph's direction, which itemizing decided, before it places them).
std::vector<LineBox> line_boxes(const text::SetParagraph& set, const text::ParagraphStyle& style, Pt indent,
                                Pt line_height, const text::TextContext& ctx, ElementRef ref);

// A run of a set line as a page item, its line starting at `origin` (x: the line's left edge,
// y: its baseline).
GlyphRun glyph_run(const text::LineRun& run, Point origin, ElementRef ref);

// Moves every item by (dx, dy).
void translate(PageItem& item, Pt dx, Pt dy);

// A colour mixed with white: amount 1 is the colour, 0 is white.
Color tint(Color c, double amount);

}  // namespace leafpress
