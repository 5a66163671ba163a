#include "layout/flow.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "layout/furniture.hpp"
#include "layout/impose.hpp"
#include "layout/labels.hpp"
#include "layout/place.hpp"
#include "layout/sections.hpp"

namespace leafpress {

namespace {

// The content and the call to action as units, typeset for frames `frame_width` wide.
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

// A trifold's panels, left to right: outside (page 0) flap, back, front; inside (page 1) three.
Rect panel(const Layout& L, int index) {
    const Pt w = L.panel_width();
    return {w * static_cast<double>(index % 3), Pt(0), w, L.page.height};
}

Rect panel_body(const Layout& L, int index) {
    const Rect p = panel(L, index);
    return {p.x + L.margins.left, p.y + L.margins.top, p.width - L.margins.left - L.margins.right,
            p.height - L.margins.top - L.margins.bottom};
}

// Reading order of a trifold's content panels: the flap (seen when the cover opens), then
// the three inside panels.
// The frames may be shortened to `height` so that short content spreads over all panels.
FrameSource trifold_frames(const Layout& L, std::optional<Pt> height) {
    return [&L, height](int index) -> std::optional<Frame> {
        static constexpr int kPanels[] = {0, 3, 4, 5};
        if (index < 0 || index >= 4) return std::nullopt;
        const int p = kPanels[index];
        Rect r = panel_body(L, p);
        if (height) r.height = std::min(r.height, *height);
        return Frame{p / 3, r};
    };
}

void add_info(LaidOut& out, const Document& doc, const Brand& brand) {
    out.info.title = doc.title;
    out.info.author = brand.name;
    out.info.subject = doc.condition.empty() ? doc.subtitle : doc.condition;
    out.info.keywords = doc.condition.empty() ? "patient leaflet" : doc.condition + ", patient leaflet";
    out.info.language = doc.language.tag;
    out.info.date = doc.reviewed ? to_iso(*doc.reviewed) : "";
}

LaidOut flow_pages(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                   Diagnostics& diags) {
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

std::string describe(const Document& doc, const std::vector<Unit>& units, const Placement& p) {
    const int si = units[p.first_left].content_section;
    const std::string name = si < 0 ? (units[p.first_left].furniture.empty() ? std::string("the closing material")
                                                                              : units[p.first_left].furniture)
                             : !doc.sections[static_cast<std::size_t>(si)].heading.empty()
                                 ? "section '" + doc.sections[static_cast<std::size_t>(si)].heading + "'"
                                 : "section " + std::to_string(si + 1);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f pt (%.0f mm)", p.left_over.value(), p.left_over.value() * 25.4 / 72.0);
    return name + " and what follows do not fit: " + buf + " of text left over";
}

LaidOut flow_trifold(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                     Diagnostics& diags) {
    // Copy-fit: the body size steps down from the layout's until the content fits the four
    // content panels, never below the layout's minimum.
    const Pt min_body = layout.min_body > Pt(0) ? layout.min_body : layout.type.body;
    Layout L = layout;
    std::vector<Unit> units;
    Placement placed;
    Diagnostics attempt;
    // The back panel holds the call to action and the language-assistance taglines when both
    // fit there; else the taglines alone, the call to action closing the content inside; else
    // the call to action, the taglines closing the content.
    const Rect back = panel_body(L, 1);
    std::vector<FigureInfo> probe_figures;
    Diagnostics probe_diags;
    const Furnisher probe{doc, brand, layout, ctx, probe_diags, probe_figures};
    const std::vector<Unit> help = language_help(probe, back.width);
    const Pt help_height = help.empty() ? Pt(0) : stacked_height(help);
    const Pt cta_height = stacked_height({call_to_action(probe, back.width)});
    enum class Back { Both, Taglines, CallToAction };
    const Back on_back = help.empty() || help_height + help.front().space_before + cta_height <= back.height ? Back::Both
                         : help_height <= back.height                                                      ? Back::Taglines
                                                                                                            : Back::CallToAction;
    const bool help_on_back = on_back != Back::CallToAction;
    std::vector<FigureInfo> inside_figures;
    for (Pt size = layout.type.body;; size -= Pt(0.25)) {
        if (size < min_body) size = min_body;
        L.type.body = size;
        attempt = Diagnostics{};
        units = content_units(doc, brand, L, ctx, panel_body(L, 0).width, attempt);
        // The figures so far: the content's, then (when it closes the content) the QR code.
        inside_figures = content_figures(doc);
        if (on_back != Back::Both) {
            const Furnisher inside{doc, brand, L, ctx, attempt, inside_figures};
            if (on_back == Back::CallToAction)
                for (auto& u : language_help(inside, panel_body(L, 0).width)) units.push_back(std::move(u));
            else
                units.push_back(call_to_action(inside, panel_body(L, 0).width));
        }
        placed = place(units, trifold_frames(L, std::nullopt), L.page);
        if (placed.complete || size <= min_body) break;
    }
    if (placed.complete) {
        // Spread the content over the four panels: the shortest panels that still hold it.
        Pt lo{0}, hi = panel_body(L, 0).height;
        for (int step = 0; step < 14 && hi - lo > Pt(0.5); ++step) {
            const Pt mid = (lo + hi) / 2.0;
            Placement p = place(units, trifold_frames(L, mid), L.page);
            if (p.complete && p.kept) {
                hi = mid;
                placed = std::move(p);
            } else {
                lo = mid;
            }
        }
    }
    diags.append(attempt);
    std::vector<FigureInfo> figures = std::move(inside_figures);
    const Furnisher f{doc, brand, L, ctx, diags, figures};
    if (!placed.complete) {
        char hint[160];
        std::snprintf(hint, sizeof hint, "the layout allows the body down to %.1f pt; shorten the text or use a "
                                         "multi-page layout such as a4", min_body.value());
        const Unit& left = units[placed.first_left];
        diags.error("layout.overflow", left.content_section >= 0 ? doc.sections[static_cast<std::size_t>(left.content_section)].where
                                       : left.furniture.empty() ? doc.title_pos
                                                                : left.furniture_at,
                    "the content does not fit the " + layout.name + " layout: " + describe(doc, units, placed), hint);
    } else if (L.type.body < layout.type.body) {
        char msg[120];
        std::snprintf(msg, sizeof msg, "body text set at %.2f pt instead of %.1f pt to fit the panels",
                      L.type.body.value(), layout.type.body.value());
        diags.warning("layout.copy-fit", doc.title_pos, msg);
    }

    LaidOut out;
    out.pages = std::move(placed.pages);
    out.decisions.body = L.type.body;
    while (out.pages.size() < 2) out.pages.push_back({L.page, {}});
    out.outline = std::move(placed.outline);
    decorate_sections(out.pages, placed.extents, doc, brand);

    // Outside: the cover on the front panel, the call to action on the back panel.
    const Cover cov = cover(f, panel(L, 2));
    auto& outside = out.pages[0].items;
    outside.insert(outside.begin(), cov.items.begin(), cov.items.end());
    auto sign = signature(f, panel_body(L, 2));
    outside.insert(outside.end(), sign.begin(), sign.end());
    std::vector<Unit> back_units;
    if (help_on_back) back_units = language_help(f, back.width);
    if (on_back != Back::Taglines) back_units.push_back(call_to_action(f, back.width));
    const Pt back_height = stacked_height(back_units);
    Pt y = back.y + std::max(Pt(0), (back.height - back_height) / 2.0);  // centred on the back panel
    for (std::size_t i = 0; i < back_units.size(); ++i) {
        if (i > 0) y += back_units[i].space_before;
        for (auto& line : back_units[i].lines) {
            for (PageItem item : line.items) {
                translate(item, back.x, y);
                outside.push_back(std::move(item));
            }
            y += line.height;
        }
    }
    // The phone number under every panel but the cover.
    for (int p : {0, 1, 3, 4, 5}) {
        auto items = footer(f, panel(L, p), PageLabel::None, 0, 0);
        auto& page = out.pages[static_cast<std::size_t>(p / 3)].items;
        page.insert(page.end(), items.begin(), items.end());
    }
    out.figures = std::move(figures);
    return out;
}

}  // namespace

LaidOut flow(const Document& content, const Brand& brand, const Layout& layout, const TextResources& text,
             Diagnostics& diags) {
    // The sources, when there are any, are the article's last section: a numbered list under
    // a heading in the leaflet's language.
    Document with_sources;
    if (!content.references.empty()) {
        with_sources = content;
        Section sources;
        sources.heading = labels_for(content.language).sources;
        sources.blocks = content.references;
        sources.where = content.references.front().where;
        with_sources.sections.push_back(std::move(sources));
    }
    const Document& doc = content.references.empty() ? content : with_sources;
    const text::TextContext ctx{text.fonts, text.hyphenator, doc.title_pos};
    LaidOut out = layout.fold == Fold::Trifold ? flow_trifold(doc, brand, layout, ctx, diags)
                                               : flow_pages(doc, brand, layout, ctx, diags);
    if (layout.fold == Fold::Trifold) {
        // Printed on both sides of a landscape sheet and folded at the panels' edges.
        out.sheet = {{layout.panel_width(), layout.panel_width() * 2.0}, Duplex::FlipShortEdge};
    } else if (layout.fold == Fold::Booklet) {
        out.imposition = saddle_stitch(static_cast<int>(out.pages.size()), layout.page);
        out.sheet = booklet_sheet(*out.imposition);
    }
    add_info(out, doc, brand);
    for (const auto& t : brand.taglines) out.tagline_languages.push_back(t.language.tag);
    for (const auto& s : doc.sections) out.section_kinds.push_back(s.kind);
    Pt smallest{1e9};
    for (const auto& page : out.pages)
        for (const auto& item : page.items)
            if (const auto* g = std::get_if<GlyphRun>(&item)) smallest = std::min(smallest, g->size);
    out.decisions.smallest = smallest;
    return out;
}

}  // namespace leafpress
