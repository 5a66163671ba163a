#include "layout/kinds/booklet.hpp"

#include "layout/impose.hpp"
#include "layout/kinds/pages.hpp"

#include <string>

namespace leafpress {

LaidOut BookletKind::lay_out(const Document& doc, const Brand& brand, const Layout& layout,
                             const text::TextContext& ctx, Diagnostics& diags) const {
    // Pages come in fours. When the content and its call to action do not fill the last four,
    // the call to action goes on the back cover and notes pages take the rest: a booklet never
    // ends with blank pages.
    constexpr int kSides = 4;
    Diagnostics flowing;
    LaidOut out = PagesKind().lay_out(doc, brand, layout, ctx, flowing);
    if (out.pages.size() % kSides == 0)
        diags.append(flowing);
    else
        out = PagesKind({.back_cover = true, .multiple = kSides}).lay_out(doc, brand, layout, ctx, diags);
    // A right-to-left leaflet's booklet opens the other way: bound on the right.
    out.imposition = saddle_stitch(static_cast<int>(out.pages.size()), layout.page,
                                   doc.language.rtl() ? Binding::Right : Binding::Left);
    out.sheet = booklet_sheet(*out.imposition);
    // Folded and stapled by hand, a booklet of more than 16 sheets (64 pages) will not lie flat
    // or stay closed, and its inner pages creep out past the outer ones.
    constexpr std::size_t kMostSheets = 16;
    if (const std::size_t sheets = out.imposition->sides.size() / 2; sheets > kMostSheets)
        diags.warning("layout.booklet", doc.title_pos,
                      "the booklet takes " + std::to_string(sheets) + " sheets (" + std::to_string(sheets * 4) +
                          " pages); saddle stitching holds " + std::to_string(kMostSheets) + " at most",
                      "shorten the leaflet, or print it in a4 or a5 pages");
    return out;
}

}  // namespace leafpress
