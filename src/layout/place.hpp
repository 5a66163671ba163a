// Placing units into frames: lines go down a frame until it is full, then on to the next;
// headings keep with what follows; paragraphs split with at least two lines on each side.
#pragma once
#include <functional>
#include <memory>
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
    bool kept = true;            // every heading found room for the start of its text below it, and
                                 // every unit that never splits stands whole
    std::size_t first_left = 0;  // when not: the first unit (partly) left over
    Pt left_over;                // and the height of all that is left over
    // Units with a line taller than any frame: refused, never placed, each to be one finding.
    struct Refused {
        int content_section = -1;
        std::string furniture, what;
        SourcePos where;  // the unit's furniture_at, or its where
        Pt height, room;  // the line's height, and the tallest frame's
        int block = -1;   // the content block it is (of content_section), when it is one
    };
    std::vector<Refused> refused;
};

Placement place(const std::vector<Unit>& units, const FrameSource& frames, Size page_size);
// The same, moving the units' items onto the pages: for a placement that is final.
Placement place(std::vector<Unit>&& units, const FrameSource& frames, Size page_size);

// Placing units as they come, for a layout whose frames go on page after page: each page is
// given away (with the extents of the sections on it) as soon as the placer has moved past it,
// and each unit let go once placed, so only a page's worth is ever held. A unit is placed once
// the units it keeps with have come. The last page is left for the caller, who may place it
// again (a multi-column layout balances its last page's columns): with LastPage::Kept the units
// on it are kept for that, the first from the line the page starts with.
enum class LastPage { Given, Kept };

class PagePlacer {
public:
    using Finished = std::function<void(int index, Page&& page, std::vector<Extent>&& extents)>;
    PagePlacer(FrameSource frames, Size page_size, Finished finished, LastPage last);
    ~PagePlacer();
    PagePlacer(const PagePlacer&) = delete;
    PagePlacer& operator=(const PagePlacer&) = delete;

    void push(Unit unit);

    struct End {
        Placement placement;  // every page, those given away left empty; the outline; the last page's extents
        int last_page = 0;
        std::vector<Unit> last_units;  // LastPage::Kept: what the last page holds, from its first line
        bool kept_before_last = true;  // no heading was parted from its text on an earlier page
    };
    // Places what is left; the last page is not given.
    End finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace leafpress
