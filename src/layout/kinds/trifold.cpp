#include "layout/kinds/trifold.hpp"

#include <algorithm>
#include <cstdio>

#include "layout/furniture.hpp"
#include "layout/sections.hpp"

namespace leafpress {

namespace {

// A trifold's panels: outside (page 0) flap, back, front; inside (page 1) three, in reading
// order. Left to right in a left-to-right leaflet. A right-to-left leaflet's sheet is its mirror
// image: the cover on the outside's left panel, the flap on its right, the inside read from the
// right panel leftwards; each panel backs the same panel as in the left-to-right sheet, so the
// folds (at a third and two thirds) and the duplex (turned on the short edge) stay as they are.
Rect panel(const Layout& L, int index, bool rtl) {
    const Pt w = L.panel_width();
    const int place = rtl ? 2 - index % 3 : index % 3;
    return {w * static_cast<double>(place), Pt(0), w, L.page.height};
}

Rect panel_body(const Layout& L, int index, bool rtl) {
    const Rect p = panel(L, index, rtl);
    return {p.x + L.margins.left, p.y + L.margins.top, p.width - L.margins.left - L.margins.right,
            p.height - L.margins.top - L.margins.bottom};
}

// Reading order of a trifold's content panels: the flap (seen when the cover opens), then
// the three inside panels.
// The frames may be shortened to `height` so that short content spreads over all panels.
FrameSource trifold_frames(const Layout& L, bool rtl, std::optional<Pt> height) {
    return [&L, rtl, height](int index) -> std::optional<Frame> {
        static constexpr int kPanels[] = {0, 3, 4, 5};
        if (index < 0 || index >= 4) return std::nullopt;
        const int p = kPanels[index];
        Rect r = panel_body(L, p, rtl);
        if (height) r.height = std::min(r.height, *height);
        return Frame{p / 3, r};
    };
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

}  // namespace

LaidOut TrifoldKind::lay_out(const Document& doc, const Brand& brand, const Layout& layout,
                             const text::TextContext& ctx, Diagnostics& diags) const {
    // Copy-fit: the body size steps down from the layout's until the content fits the four
    // content panels, never below the layout's minimum.
    const Pt min_body = layout.min_body > Pt(0) ? layout.min_body : layout.type.body;
    Layout L = layout;
    const bool rtl = doc.language.rtl();
    std::vector<Unit> units;
    Placement placed;
    Diagnostics attempt;
    // The back panel holds the call to action and the language-assistance taglines when both
    // fit there; else the taglines alone, the call to action closing the content inside; else
    // the call to action, the taglines closing the content.
    const Rect back = panel_body(L, 1, rtl);
    std::vector<FigureInfo> probe_figures;
    Diagnostics probe_diags;
    const Furnisher probe{doc, brand, layout, ctx, probe_diags, probe_figures};
    const std::vector<Unit> help = language_help(probe, back.width);
    const Pt help_height = help.empty() ? Pt(0) : stacked_height(help);
    const Pt cta_height = stacked_height({call_to_action(probe, back.width)});
    enum class Back { Both, Taglines, CallToAction };
    const Back on_back = help.empty() || help_height + help.front().space_before + cta_height <= back.height
                             ? Back::Both
                         : help_height <= back.height ? Back::Taglines
                                                      : Back::CallToAction;
    const bool help_on_back = on_back != Back::CallToAction;
    std::vector<FigureInfo> inside_figures;
    for (Pt size = layout.type.body;; size -= Pt(0.25)) {
        if (size < min_body) size = min_body;
        L.type.body = size;
        attempt = Diagnostics{};
        units = content_units(doc, brand, L, ctx, panel_body(L, 0, rtl).width, attempt);
        // The figures so far: the content's, then (when it closes the content) the QR code.
        inside_figures = content_figures(doc);
        if (on_back != Back::Both) {
            const Furnisher inside{doc, brand, L, ctx, attempt, inside_figures};
            if (on_back == Back::CallToAction)
                for (auto& u : language_help(inside, panel_body(L, 0, rtl).width)) units.push_back(std::move(u));
            else
                units.push_back(call_to_action(inside, panel_body(L, 0, rtl).width));
        }
        placed = place(units, trifold_frames(L, rtl, std::nullopt), L.page);
        if ((placed.complete && placed.refused.empty()) || size <= min_body) break;
    }
    if (placed.complete && placed.refused.empty()) {
        // Spread the content over the four panels: the shortest panels that still hold it.
        Pt lo{0}, hi = panel_body(L, 0, rtl).height;
        for (int step = 0; step < 14 && hi - lo > Pt(0.5); ++step) {
            const Pt mid = (lo + hi) / 2.0;
            Placement p = place(units, trifold_frames(L, rtl, mid), L.page);
            if (p.complete && p.kept && p.refused.empty()) {
                hi = mid;
                placed = std::move(p);
            } else {
                lo = mid;
            }
        }
    }
    diags.append(attempt);
    if (placed.complete) report_refused(placed.refused, doc, layout, diags);
    std::vector<FigureInfo> figures = std::move(inside_figures);
    const Furnisher f{doc, brand, L, ctx, diags, figures};
    if (!placed.complete) {
        char hint[160];
        std::snprintf(hint, sizeof hint,
                      "the layout allows the body down to %.1f pt; shorten the text or use a "
                      "multi-page layout such as a4",
                      min_body.value());
        const Unit& left = units[placed.first_left];
        diags.error("layout.overflow",
                    left.content_section >= 0 ? doc.sections[static_cast<std::size_t>(left.content_section)].where
                    : left.furniture.empty()  ? doc.title_pos
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
    for (const auto& r : placed.refused)
        if (r.block >= 0) out.decisions.refused.emplace_back(r.content_section, r.block);
    decorate_sections(out.pages, placed.extents, doc, brand);

    // Outside: the cover on the front panel, the call to action on the back panel.
    const Cover cov = cover(f, panel(L, 2, rtl));
    auto& outside = out.pages[0].items;
    outside.insert(outside.begin(), cov.items.begin(), cov.items.end());
    auto sign = signature(f, panel_body(L, 2, rtl));
    outside.insert(outside.end(), sign.begin(), sign.end());
    std::vector<Unit> back_units;
    if (help_on_back) back_units = language_help(f, back.width);
    if (on_back != Back::Taglines) back_units.push_back(call_to_action(f, back.width));
    std::erase_if(back_units, [&](const Unit& u) { return refused_whole(u, back.height, doc, layout, diags); });
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
        auto items = footer(f, panel(L, p, rtl), PageLabel::None, 0, 0);
        auto& page = out.pages[static_cast<std::size_t>(p / 3)].items;
        page.insert(page.end(), items.begin(), items.end());
    }
    out.figures = std::move(figures);
    // Printed on both sides of a landscape sheet and folded at the panels' edges.
    out.sheet = {{L.panel_width(), L.panel_width() * 2.0}, Duplex::FlipShortEdge};
    return out;
}

}  // namespace leafpress
