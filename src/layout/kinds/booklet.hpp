// The booklet kind: the pages kind's reading pages, imposed two to a side of a sheet twice their
// width in saddle-stitch order (layout/impose.hpp), folded down the middle, duplex turned on
// the short edge. Right-to-left leaflets are bound on the right. The pages come in fours: those
// the content leaves over are notes pages, and the last, the back cover, has the call to action.
#pragma once
#include "layout/kinds/kind.hpp"

namespace leafpress {

class BookletKind : public LayoutKind {
public:
    [[nodiscard]] LaidOut lay_out(const Document& doc, const Brand& brand, const Layout& layout,
                                  const text::TextContext& ctx, Diagnostics& diags) const override;
};

}  // namespace leafpress
