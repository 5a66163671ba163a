// Placing units into frames: lines go down a frame until it is full, then on to the next;
// headings keep with what follows; paragraphs split with at least two lines on each side.
#pragma once
#include <functional>
#include <optional>
#include <vector>

#include "layout/blocks.hpp"
#include "model/page.hpp"

namespace leafpress {

struct Frame {
    int page = 0;
    Rect rect;
};

// The frames of a layout in reading order: frame `index`, or nullopt past the last one
// (a layout with a fixed number of panels).
using FrameSource = std::function<std::optional<Frame>(int index)>;

struct Extent {  // where a section went in one frame, for its decorations
    int page, section;
    Pt x, width, top, bottom;
};

struct Placement {
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::vector<Extent> extents;
    bool complete = true;        // everything found a frame
    bool kept = true;            // every heading found room for the start of its text below it
    std::size_t first_left = 0;  // when not: the first unit (partly) left over
    Pt left_over;                // and the height of all that is left over
};

Placement place(const std::vector<Unit>& units, const FrameSource& frames, Size page_size);
// The same, moving the units' items onto the pages: for a placement that is final.
Placement place(std::vector<Unit>&& units, const FrameSource& frames, Size page_size);

}  // namespace leafpress
