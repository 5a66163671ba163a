#include "layout/kinds/booklet.hpp"

#include "layout/impose.hpp"
#include "layout/kinds/pages.hpp"

namespace leafpress {

LaidOut BookletKind::lay_out(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                             Diagnostics& diags) const {
    LaidOut out = PagesKind().lay_out(doc, brand, layout, ctx, diags);
    // A right-to-left leaflet's booklet opens the other way: bound on the right.
    out.imposition = saddle_stitch(static_cast<int>(out.pages.size()), layout.page,
                                   doc.language.rtl() ? Binding::Right : Binding::Left);
    out.sheet = booklet_sheet(*out.imposition);
    return out;
}

}  // namespace leafpress
