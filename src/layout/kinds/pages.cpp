#include "layout/kinds/pages.hpp"

#include "layout/furniture.hpp"
#include "layout/sections.hpp"

namespace leafpress {

namespace {

Pt frame_width(const Layout& L) {
    return (L.body_area().width - L.gutter * (L.columns - 1)) / L.columns;
}

// Multi-page layouts: columns on page after page; the first page's frames start below the
// cover, and the last page's may be shortened to balance its columns.
FrameSource page_frames(const Layout& L, Pt first_top, std::optional<std::pair<int, Pt>> short_page) {
    return [&L, first_top, short_page](int index) -> std::optional<Frame> {
        const Rect area = L.body_area();
        const int page = index / L.columns;
        const int column = index % L.columns;
        const Pt w = frame_width(L);
        const Pt top = page == 0 ? first_top : area.y;
        Pt bottom = area.bottom();
        if (short_page && short_page->first == page) bottom = std::max(top, short_page->second);
        return Frame{page, {area.x + (w + L.gutter) * column, top, w, bottom - top}};
    };
}

}  // namespace

LaidOut PagesKind::lay_out(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                           Diagnostics& diags) const {
    std::vector<FigureInfo> figures = content_figures(doc);
    const Furnisher f{doc, brand, layout, ctx, diags, figures};
    const Rect page_rect{Pt(0), Pt(0), layout.page.width, layout.page.height};
    const Cover cov = cover(f, page_rect);
    std::vector<Unit> units = content_units(doc, brand, layout, ctx, frame_width(layout), diags);
    for (auto& u : language_help(f, frame_width(layout))) units.push_back(std::move(u));
    units.push_back(call_to_action(f, frame_width(layout)));

    // One column: the first placement is final, and the units' items move onto the pages.
    Placement placed = layout.columns > 1 ? place(units, page_frames(layout, cov.bottom, std::nullopt), layout.page)
                                          : place(std::move(units), page_frames(layout, cov.bottom, std::nullopt), layout.page);
    if (layout.columns > 1) {
        // Balance the last page's columns: the shortest frames that still hold the same content.
        const int last = static_cast<int>(placed.pages.size()) - 1;
        const Rect area = layout.body_area();
        Pt lo = last == 0 ? cov.bottom : area.y, hi = area.bottom();
        std::optional<Placement> best;
        for (int step = 0; step < 14 && hi - lo > Pt(0.5); ++step) {
            const Pt mid = (lo + hi) / 2.0;
            Placement p = place(units, page_frames(layout, cov.bottom, std::pair{last, mid}), layout.page);
            if (p.complete && p.kept && static_cast<int>(p.pages.size()) == last + 1) {
                hi = mid;
                best = std::move(p);
            } else {
                lo = mid;
            }
        }
        if (best) placed = std::move(*best);
    }

    LaidOut out;
    out.pages = std::move(placed.pages);
    out.outline = std::move(placed.outline);
    out.decisions.body = layout.type.body;
    decorate_sections(out.pages, placed.extents, doc, brand);
    auto& first = out.pages.front().items;
    first.insert(first.begin(), cov.items.begin(), cov.items.end());
    const int total = static_cast<int>(out.pages.size());
    for (int p = 0; p < total; ++p) {
        auto items = footer(f, page_rect, PageLabel::Number, p + 1, total);
        auto& page = out.pages[static_cast<std::size_t>(p)].items;
        page.insert(page.end(), items.begin(), items.end());
    }
    out.figures = std::move(figures);
    return out;
}

}  // namespace leafpress
