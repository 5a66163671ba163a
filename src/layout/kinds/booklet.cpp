#include "layout/kinds/booklet.hpp"

#include "layout/impose.hpp"
#include "layout/kinds/pages.hpp"

namespace leafpress {

LaidOut BookletKind::lay_out(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                             Diagnostics& diags) const {
    LaidOut out = PagesKind().lay_out(doc, brand, layout, ctx, diags);
    out.imposition = saddle_stitch(static_cast<int>(out.pages.size()), layout.page);
    out.sheet = booklet_sheet(*out.imposition);
    return out;
}

}  // namespace leafpress
