// The furniture around the content: the cover block, the running footer and the closing
// call to action.
#pragma once
#include <vector>

#include "content/document.hpp"
#include "layout/blocks.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace leafpress {

struct Furnisher {
    const Document& doc;
    const Brand& brand;
    const Layout& layout;
    const text::TextContext& ctx;
    Diagnostics& diags;
};

struct Cover {
    std::vector<PageItem> items;  // absolute page positions
    Pt bottom;                    // where the content starts on the first page
};

Cover cover(const Furnisher& f);

// Footer items for page `number` (1-based) of `total`, in absolute page positions.
std::vector<PageItem> footer(const Furnisher& f, int number, int total);

// The closing call to action (with the disclaimer and review date), one unit that is never split.
Unit call_to_action(const Furnisher& f, Pt width);

}  // namespace leafpress
