#include "layout/kinds/pages.hpp"

#include "layout/furniture.hpp"
#include "layout/kinds/kind.hpp"
#include "layout/sections.hpp"

namespace leafpress {

namespace {

Pt frame_width(const Layout& L) { return (L.body_area().width - L.gutter * (L.columns - 1)) / L.columns; }

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

// The last page's columns balanced: the shortest frames that still hold what the last page
// holds, every heading with the start of its text. `top` is where the page's frames start.
// Placed alone (its page is page 0 here); nullopt when no shorter frames hold it.
std::optional<Placement> balanced(const Layout& L, const std::vector<Unit>& units, Pt top) {
    const Rect area = L.body_area();
    Pt lo = top, hi = area.bottom();
    std::optional<Placement> best;
    for (int step = 0; step < 14 && hi - lo > Pt(0.5); ++step) {
        const Pt mid = (lo + hi) / 2.0;
        Placement p = place(units, page_frames(L, top, std::pair{0, mid}), L.page);
        if (p.complete && p.kept && p.refused.empty() && p.pages.size() == 1) {
            hi = mid;
            best = std::move(p);
        } else {
            lo = mid;
        }
    }
    return best;
}

// The call to action alone on a page: across the body area, its middle at the area's.
std::vector<PageItem> back_cover_page(Unit& cta, Rect area) {
    std::vector<PageItem> items;
    Pt y = area.y + std::max(Pt(0), (area.height - stacked_height({cta})) / 2.0);
    for (auto& line : cta.lines) {
        for (PageItem& item : line.items) {
            translate(item, area.x, y);
            items.push_back(std::move(item));
        }
        y += line.height;
    }
    return items;
}

}  // namespace

LaidOut PagesKind::lay_out(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                           Diagnostics& diags) const {
    Collector pages;
    stream(doc, brand, layout, ctx, diags, pages);
    return pages.take();
}

// Page after page: the cover at the top of the first, the sections, the taglines and the call to
// action in the frames that follow, each page given away as soon as it is filled (with its
// callouts' boxes, and the cover on the first), so that a long document is never held whole. The
// footers, which say "Page 3 of 12", come with the end, when the count is known.
void PagesKind::stream(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                       Diagnostics& diags, PageSink& sink) const {
    std::vector<FigureInfo> figures = content_figures(doc);
    const Furnisher f{doc, brand, layout, ctx, diags, figures};
    const Rect page_rect{Pt(0), Pt(0), layout.page.width, layout.page.height};
    const Cover cov = cover(f, page_rect);
    const Pt width = frame_width(layout);
    // The closing material is set before the sections (its QR code is a figure the pages'
    // tags may name), and says what it found after them, in reading order.
    Diagnostics closing_diags;
    const Furnisher closing_f{doc, brand, layout, ctx, closing_diags, figures};
    std::vector<Unit> closing = language_help(closing_f, width);
    std::optional<Unit> back_cover;  // the call to action on a page of its own
    if (ending_.back_cover)
        back_cover = call_to_action(closing_f, layout.body_area().width);
    else
        closing.push_back(call_to_action(closing_f, width));

    DocumentStart start;
    start.figures = figures;
    start.body = layout.type.body;
    sink.start(start);

    // A page the placer has left: its sections' decorations, and on the first the cover.
    const auto give = [&](int index, Page&& page, std::vector<Extent>&& extents) {
        std::vector<Page> one{std::move(page)};
        for (auto& e : extents) e.page = 0;
        decorate_sections(one, extents, doc, brand);
        if (index == 0) one[0].items.insert(one[0].items.begin(), cov.items.begin(), cov.items.end());
        sink.page(one[0]);
    };
    // The last page's columns are balanced: what it holds is kept to be placed again.
    const bool balance = layout.columns > 1;
    PagePlacer placer(page_frames(layout, cov.bottom, std::nullopt), layout.page, give,
                      balance ? LastPage::Kept : LastPage::Given);
    bool first = true;
    for (int si = 0; si < static_cast<int>(doc.sections.size()); ++si) {
        for (Unit& u : section_units(doc, si, brand, layout, ctx, width, diags)) {
            if (first) u.space_before = Pt(0);
            first = false;
            placer.push(std::move(u));
        }
    }
    diags.append(closing_diags);
    for (Unit& u : closing) placer.push(std::move(u));
    PagePlacer::End end = placer.finish();
    Placement& placed = end.placement;
    const int last = end.last_page;
    report_refused(placed.refused, doc, layout, diags);
    if (balance && end.kept_before_last && placed.refused.empty()) {
        const Pt top = last == 0 ? cov.bottom : layout.body_area().y;
        if (auto best = balanced(layout, end.last_units, top)) {
            placed.pages[static_cast<std::size_t>(last)] = std::move(best->pages.front());
            std::erase_if(placed.outline, [last](const OutlineEntry& o) { return o.page == last; });
            for (auto& o : best->outline) placed.outline.push_back({o.title, o.page + last, o.y});
            placed.extents = std::move(best->extents);
            for (auto& e : placed.extents) e.page = last;
        }
    }
    give(last, std::move(placed.pages[static_cast<std::size_t>(last)]), std::move(placed.extents));
    int total = last + 1;
    if (back_cover) {
        // Notes pages up to the back cover, the last page of a multiple of `multiple`.
        const int m = std::max(1, ending_.multiple);
        total = (total + 1 + m - 1) / m * m;
        for (int p = last + 1; p < total - 1; ++p) sink.page({layout.page, notes_page(f, layout.body_area())});
        const bool refused = refused_whole(*back_cover, layout.body_area().height, doc, layout, diags);
        sink.page({layout.page, refused ? std::vector<PageItem>{} : back_cover_page(*back_cover, layout.body_area())});
    }

    DocumentEnd ending;
    for (int p = 0; p < total; ++p) ending.late.push_back(footer(f, page_rect, PageLabel::Number, p + 1, total));
    ending.outline = std::move(placed.outline);
    for (const auto& r : placed.refused)
        if (r.block >= 0) ending.refused.emplace_back(r.content_section, r.block);
    sink.end(ending);
}

}  // namespace leafpress
