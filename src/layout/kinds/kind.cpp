#include "layout/kinds/kind.hpp"

#include "layout/kinds/booklet.hpp"
#include "layout/kinds/pages.hpp"
#include "layout/kinds/trifold.hpp"
#include "layout/sections.hpp"

namespace leafpress {

const LayoutKind& kind_of(const Layout& layout) {
    static const PagesKind pages;
    static const TrifoldKind trifold;
    static const BookletKind booklet;
    switch (layout.fold) {
        case Fold::Trifold: return trifold;
        case Fold::Booklet: return booklet;
        case Fold::None: break;
    }
    return pages;
}

void LayoutKind::stream(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                        Diagnostics& diags, PageSink& sink) const {
    emit(lay_out(doc, brand, layout, ctx, diags), sink);
}

std::vector<Unit> content_units(const Document& doc, const Brand& brand, const Layout& layout,
                                const text::TextContext& ctx, Pt frame_width, Diagnostics& diags) {
    std::vector<Unit> units;
    for (int si = 0; si < static_cast<int>(doc.sections.size()); ++si) {
        auto su = section_units(doc, si, brand, layout, ctx, frame_width, diags);
        for (auto& u : su) units.push_back(std::move(u));
    }
    if (!units.empty()) units.front().space_before = Pt(0);
    return units;
}

}  // namespace leafpress
