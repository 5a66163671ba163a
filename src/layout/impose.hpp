// Imposition: which reading pages go where on the printed sheets.
#pragma once
#include "model/page.hpp"

namespace leafpress {

// Which edge a booklet is bound on: the left for left-to-right languages, the right for
// Arabic, Hebrew, Persian and Urdu, whose booklets open the other way.
enum class Binding { Left, Right };

// A saddle-stitched booklet of `pages` reading pages, each `page` in size, two to a side of a
// sheet twice as wide. The count is padded with blank pages to a multiple of four (the booklet
// kind gives it whole fours, with notes pages and a back cover of its own); sheet k
// (from 0, of n/4) has pages n-2k and 2k+1 on its front (left, right; numbered from 1) and
// 2k+2 and n-2k-1 on its back, so that the cover is the right half of the first side, and the
// sheets stacked in order and folded read 1, 2, 3, ... Bound on the right, each side's halves
// swap: the cover is the left half.
Imposition saddle_stitch(int pages, Size page, Binding binding = Binding::Left);

// The sheet facts of such a booklet: one fold down the middle, duplex turned on the short edge.
SheetFacts booklet_sheet(const Imposition& imposition);

}  // namespace leafpress
