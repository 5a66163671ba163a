#include "layout/flow.hpp"

#include <algorithm>

#include "layout/blocks.hpp"
#include "layout/furniture.hpp"

namespace leafpress {

namespace {

constexpr int kMinLines = 2;  // no widows or orphans: at least two lines of a paragraph together

struct Frame {
    int page;
    Pt x, top, bottom, width;
};

// Lays units into frames page after page, and remembers where each line went.
class Placer {
public:
    Placer(const Layout& layout, Pt first_top) : layout_(layout), first_top_(first_top) { open_page(); }

    void place(const std::vector<Unit>& units) {
        for (std::size_t u = 0; u < units.size(); ++u) place_unit(units, u);
    }

    std::vector<Page> take_pages() { return std::move(pages_); }
    std::vector<OutlineEntry> take_outline() { return std::move(outline_); }

    // Per frame, the vertical extent of each section placed in it (for section decorations).
    struct Extent {
        int page, section;
        Pt x, width, top, bottom;
    };
    const std::vector<Extent>& extents() const { return extents_; }

private:
    Frame frame() const { return frame_at(page_index_, column_); }

    Frame frame_at(int page, int column) const {
        const Rect area = layout_.body_area();
        const Pt width = (area.width - layout_.gutter * (layout_.columns - 1)) / layout_.columns;
        const Pt top = page == 0 ? first_top_ : area.y;
        return {page, area.x + (width + layout_.gutter) * column, top, area.bottom(), width};
    }

    void open_page() {
        pages_.push_back({layout_.page, {}});
        page_index_ = static_cast<int>(pages_.size()) - 1;
        column_ = 0;
        y_ = frame().top;
        fresh_ = true;
    }

    void next_frame() {
        if (column_ + 1 < layout_.columns) {
            ++column_;
            y_ = frame().top;
            fresh_ = true;
        } else {
            open_page();
        }
    }

    Pt room() const { return frame().bottom - y_; }

    Pt height_of(const Unit& u, std::size_t lines) const {
        Pt h{0};
        for (std::size_t i = 0; i < lines && i < u.lines.size(); ++i) h += u.lines[i].height;
        return h;
    }

    // The height a unit needs at the top of what it must keep together: all of it if it never
    // splits, else its first kMinLines lines; plus that of the next unit when it keeps with it.
    Pt needed(const std::vector<Unit>& units, std::size_t u, bool at_top) const {
        const Unit& unit = units[u];
        const std::size_t n = unit.split == Split::Never ? unit.lines.size()
                                                         : std::min<std::size_t>(unit.lines.size(), kMinLines);
        Pt h = (at_top ? Pt(0) : unit.space_before) + height_of(unit, n);
        if (unit.keep_with_next && u + 1 < units.size()) h += needed(units, u + 1, false);
        return h;
    }

    void place_unit(const std::vector<Unit>& units, std::size_t u) {
        const Unit& unit = units[u];
        if (unit.lines.empty()) return;
        if (!fresh_ && needed(units, u, false) > room()) next_frame();
        if (!fresh_) y_ += unit.space_before;

        std::size_t i = 0;
        const std::size_t n = unit.lines.size();
        while (i < n) {
            // How many of the remaining lines fit here.
            std::size_t fit = 0;
            Pt h{0};
            while (i + fit < n && h + unit.lines[i + fit].height <= room() + Pt(0.01)) {
                h += unit.lines[i + fit].height;
                ++fit;
            }
            if (unit.split == Split::Never && fit < n - i && !fresh_) { next_frame(); continue; }
            if (fit < n - i && unit.split == Split::Lines) {
                // Leave at least kMinLines for the next frame, and put at least kMinLines here.
                const std::size_t left = n - i - fit;
                if (left < kMinLines) fit = fit > (kMinLines - left) ? fit - (kMinLines - left) : 0;
                if (fit < kMinLines && fit < n - i) fit = 0;
            }
            if (fit == 0) {
                if (fresh_) fit = 1;  // a line taller than a frame: place it anyway
                else { next_frame(); continue; }
            }
            if (!unit.outline_title.empty() && i == 0)
                outline_.push_back({unit.outline_title, page_index_, y_});
            const Frame f = frame();
            const Pt start = y_;
            for (std::size_t k = i; k < i + fit; ++k) {
                for (PageItem item : unit.lines[k].items) {
                    translate(item, f.x, y_);
                    pages_[static_cast<std::size_t>(page_index_)].items.push_back(std::move(item));
                }
                y_ += unit.lines[k].height;
            }
            if (unit.section >= 0) extend(unit.section, f, start, y_);
            fresh_ = false;
            i += fit;
            if (i < n) next_frame();
        }
    }

    void extend(int section, const Frame& f, Pt top, Pt bottom) {
        if (!extents_.empty()) {
            Extent& e = extents_.back();
            if (e.page == f.page && e.section == section && e.x == f.x) {
                e.bottom = bottom;
                return;
            }
        }
        extents_.push_back({f.page, section, f.x, f.width, top, bottom});
    }

    const Layout& layout_;
    Pt first_top_;
    std::vector<Page> pages_;
    std::vector<OutlineEntry> outline_;
    std::vector<Extent> extents_;
    int page_index_ = 0;
    int column_ = 0;
    Pt y_;
    bool fresh_ = true;
};

std::vector<text::StyledRun> runs_of(const std::vector<Span>& spans, Color color, Color link_color,
                                     FontStyle base = FontStyle::Regular) {
    std::vector<text::StyledRun> out;
    for (const auto& s : spans) {
        FontStyle st = s.style;
        if (base == FontStyle::Italic) st = with_italic(st);
        if (base == FontStyle::Bold) st = with_bold(st);
        out.push_back({s.text, st, s.link.empty() ? color : link_color, s.link});
    }
    return out;
}

std::string marker_text(const Block& b) {
    if (b.list == ListKind::Numbered) return std::to_string(b.number) + ".";
    return b.depth == 0 ? "\u2022" : "\u2013";
}

struct SectionGeometry {
    Pt inset;  // left and right inset of the text inside the frame
};

SectionGeometry geometry_of(SectionKind k, const Layout& L) {
    switch (k) {
        case SectionKind::Callout: return {L.type.body * 1.0};
        case SectionKind::Quote: return {L.type.body * 1.2};
        default: return {Pt(0)};
    }
}

std::vector<Unit> section_units(const Document& doc, int si, const Brand& brand, const Layout& L,
                                const text::TextContext& base_ctx, Pt frame_width, Diagnostics& diags) {
    const Section& s = doc.sections[static_cast<std::size_t>(si)];
    const auto& t = L.type;
    std::vector<Unit> units;
    const SectionGeometry geo = geometry_of(s.kind, L);
    const Pt pad = s.kind == SectionKind::Callout ? t.body * 0.8 : Pt(0);
    const Pt width = frame_width - geo.inset * 2.0;

    text::ParagraphStyle body;
    body.size = t.body;
    body.align = L.align;
    body.hyphenation = L.hyphenation;
    body.language = doc.language;
    const Pt line_height = t.body * t.leading;

    if (!s.heading.empty()) {
        text::TextContext ctx{base_ctx.fonts, nullptr, s.where};
        text::ParagraphStyle hs = body;
        hs.size = t.heading;
        hs.align = Align::RaggedRight;
        hs.hyphenation = Hyphenation::Off;
        Unit u;
        u.lines = typeset({{s.heading, FontStyle::Bold, brand.colors.primary, {}}}, hs, width, geo.inset,
                          t.heading * 1.25, ctx, {Role::Heading, si, -1}, diags);
        u.section = s.kind == SectionKind::Text ? -1 : si;
        u.space_before = t.heading * 1.1;
        u.split = Split::Never;
        u.keep_with_next = true;
        u.outline_title = s.heading;
        // A little air between the heading and its text.
        if (!u.lines.empty()) u.lines.back().height += t.body * 0.3;
        units.push_back(std::move(u));
    }

    const FontStyle base = s.kind == SectionKind::Quote ? FontStyle::Italic : FontStyle::Regular;
    for (std::size_t bi = 0; bi < s.blocks.size(); ++bi) {
        const Block& b = s.blocks[bi];
        text::TextContext ctx{base_ctx.fonts, base_ctx.hyphenator, b.where.line ? b.where : s.where};
        const ElementRef ref{b.kind == BlockKind::ListItem ? Role::ListItem : Role::Paragraph, si, static_cast<int>(bi)};
        const auto runs = runs_of(b.spans, brand.colors.text, brand.colors.primary, base);
        Unit u;
        u.section = s.kind == SectionKind::Text ? -1 : si;
        u.space_before = t.paragraph_space;
        if (b.kind == BlockKind::Paragraph) {
            u.lines = typeset(runs, body, width, geo.inset, line_height, ctx, ref, diags);
        } else {
            const Pt indent = t.body * (b.depth == 0 ? 1.4 : 2.8);
            u.lines = typeset(runs, body, width - indent, geo.inset + indent, line_height, ctx, ref, diags);
            u.space_before = b.continuation ? t.paragraph_space * 0.6 : t.paragraph_space * 0.5;
            if (!b.continuation && !u.lines.empty()) {
                // The marker hangs in the indent, in the brand colour.
                text::ParagraphStyle ms = body;
                ms.hyphenation = Hyphenation::Off;
                const text::Line m = text::set_line(
                    {{marker_text(b), b.list == ListKind::Numbered ? FontStyle::Bold : FontStyle::Regular,
                      brand.colors.primary, {}}},
                    ms, ctx, diags);
                const Pt mx = geo.inset + indent - t.body * 0.5 - m.width;
                const text::Face& face = ctx.fonts.primary(FontStyle::Regular);
                for (const auto& run : m.runs) {
                    GlyphRun g{run.face, run.size, run.color, {mx, baseline_in(face, t.body, line_height)}, {},
                               {Role::ListMarker, si, static_cast<int>(bi)}};
                    for (const auto& lg : run.glyphs) g.glyphs.push_back({lg.gid, lg.x, lg.y_offset, lg.text});
                    u.lines.front().items.emplace_back(std::move(g));
                }
            }
        }
        if (bi == 0) u.space_before = units.empty() ? t.heading * 1.1 : Pt(0);
        units.push_back(std::move(u));
    }
    // Inner space at the top and bottom of a callout's box.
    if (pad > Pt(0) && !units.empty() && !units.front().lines.empty() && !units.back().lines.empty()) {
        auto& first = units.front().lines.front();
        first.height += pad;
        for (auto& item : first.items) translate(item, Pt(0), pad);
        units.back().lines.back().height += pad;
    }
    return units;
}

// Tinted boxes behind callouts and a rule beside quotes, one per frame a section touches.
void decorate_sections(std::vector<Page>& pages, const std::vector<Placer::Extent>& extents, const Document& doc,
                       const Brand& brand) {
    for (const auto& e : extents) {
        const Section& s = doc.sections[static_cast<std::size_t>(e.section)];
        auto& items = pages[static_cast<std::size_t>(e.page)].items;
        const ElementRef ref{s.kind == SectionKind::Callout ? Role::Callout : Role::Quote, e.section, -1};
        if (s.kind == SectionKind::Callout) {
            items.insert(items.begin(), Box{{e.x, e.top, e.width, e.bottom - e.top}, tint(brand.colors.primary, 0.1),
                                            std::nullopt, Pt(0), ref});
            items.insert(items.begin() + 1,
                         Rule{{e.x + Pt(1.5), e.top}, {e.x + Pt(1.5), e.bottom}, Pt(3), brand.colors.accent, ref});
        } else if (s.kind == SectionKind::Quote) {
            items.push_back(Rule{{e.x + Pt(2), e.top + Pt(2)}, {e.x + Pt(2), e.bottom - Pt(2)}, Pt(2.5),
                                 brand.colors.accent, ref});
        }
    }
}

}  // namespace

LaidOut flow(const Document& doc, const Brand& brand, const Layout& layout, const TextResources& text,
             Diagnostics& diags) {
    const text::TextContext ctx{text.fonts, text.hyphenator, doc.title_pos};
    const Furnisher f{doc, brand, layout, ctx, diags};
    const Cover cov = cover(f);

    const Rect area = layout.body_area();
    const Pt frame_width = (area.width - layout.gutter * (layout.columns - 1)) / layout.columns;
    std::vector<Unit> units;
    for (int si = 0; si < static_cast<int>(doc.sections.size()); ++si) {
        auto su = section_units(doc, si, brand, layout, ctx, frame_width, diags);
        for (auto& u : su) units.push_back(std::move(u));
    }
    if (!units.empty()) units.front().space_before = Pt(0);
    units.push_back(call_to_action(f, frame_width));

    Placer placer(layout, cov.bottom);
    placer.place(units);
    LaidOut out;
    out.pages = placer.take_pages();
    out.outline = placer.take_outline();
    decorate_sections(out.pages, placer.extents(), doc, brand);

    auto& first = out.pages.front().items;
    first.insert(first.begin(), cov.items.begin(), cov.items.end());
    const int total = static_cast<int>(out.pages.size());
    for (int p = 0; p < total; ++p) {
        auto items = footer(f, p + 1, total);
        auto& page = out.pages[static_cast<std::size_t>(p)].items;
        page.insert(page.end(), items.begin(), items.end());
    }

    out.info.title = doc.title;
    out.info.author = brand.name;
    out.info.subject = doc.condition.empty() ? doc.subtitle : doc.condition;
    out.info.keywords = doc.condition.empty() ? "patient leaflet" : doc.condition + ", patient leaflet";
    out.info.language = doc.language;
    out.info.date = doc.reviewed ? to_iso(*doc.reviewed) : "";
    return out;
}

}  // namespace leafpress
