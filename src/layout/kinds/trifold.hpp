// The trifold kind: one landscape sheet printed on both sides and folded in three. Outside:
// the flap, the back panel (call to action, language help) and the cover; inside: three
// panels. The content must fit: the body shrinks down to the layout's min_body, then it is
// an error that says how much is left over. Folds at a third and two thirds; duplex turned
// on the short edge. A right-to-left leaflet's sheet is the mirror image (cover on the left).
#pragma once
#include "layout/kinds/kind.hpp"

namespace leafpress {

class TrifoldKind : public LayoutKind {
public:
    [[nodiscard]] LaidOut lay_out(const Document& doc, const Brand& brand, const Layout& layout,
                                  const text::TextContext& ctx, Diagnostics& diags) const override;
};

}  // namespace leafpress
