#include "layout/sections.hpp"
#include "layout/table.hpp"
#include "layout/phone_runs.hpp"

#include <algorithm>

namespace leafpress {

namespace {

// The index of section si's block bi among the content's figures.
int figure_index(const Document& doc, int si, int bi) {
    int n = 0;
    for (int s = 0; s <= si; ++s) {
        const auto& blocks = doc.sections[static_cast<std::size_t>(s)].blocks;
        const int end = s == si ? bi : static_cast<int>(blocks.size());
        for (int b = 0; b < end; ++b) n += blocks[static_cast<std::size_t>(b)].kind == BlockKind::Figure;
    }
    return n;
}

}  // namespace

std::vector<FigureInfo> content_figures(const Document& doc) {
    std::vector<FigureInfo> out;
    for (const auto& s : doc.sections)
        for (const auto& b : s.blocks)
            if (b.kind == BlockKind::Figure) out.push_back({b.figure.alt});
    return out;
}

std::string printed_address(std::string_view uri) {
    for (std::string_view scheme : {"https://", "http://", "mailto:", "tel:"})
        if (uri.starts_with(scheme)) {
            uri.remove_prefix(scheme.size());
            break;
        }
    while (uri.size() > 1 && uri.back() == '/') uri.remove_suffix(1);
    return std::string(uri);
}

namespace {}  // namespace

std::vector<text::StyledRun> styled_runs(const std::vector<Span>& spans, Color color, Color link_color,
                                         FontStyle base) {
    std::vector<text::StyledRun> out;
    std::string link_text;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const Span& s = spans[i];
        FontStyle st = s.style;
        if (base == FontStyle::Italic) st = with_italic(st);
        if (base == FontStyle::Bold) st = with_bold(st);
        out.push_back({s.text, st, s.link.empty() ? color : link_color, s.link, text::RunRole::Text, s.anchors});
        if (s.link.empty()) continue;
        link_text += s.text;
        const bool link_ends = i + 1 == spans.size() || spans[i + 1].link != s.link;
        if (!link_ends) continue;
        const std::string address = printed_address(s.link);
        if (printed_address(link_text) != address && link_text != s.link)
            out.push_back({" (" + address + ")", base, color, s.link, text::RunRole::Text, {}});
        link_text.clear();
    }
    return out;
}

namespace {

std::string marker_text(const Block& b) {
    if (b.list == ListKind::Numbered) return std::to_string(b.number) + ".";
    static const char* bullets[] = {"\u2022", "\u2013", "\u00B7"};  // •, –, ·
    return bullets[std::clamp(b.depth, 0, 2)];
}

struct SectionGeometry {
    Pt inset;  // left and right inset of the text inside the frame
};

SectionGeometry geometry_of(SectionKind k, const Layout& L) {
    switch (k) {
        case SectionKind::Callout: return {L.type.body * L.sections.callout_inset};
        case SectionKind::Quote: return {L.type.body * L.sections.quote_inset};
        default: return {Pt(0)};
    }
}

// What every part of one section is set with.
struct SectionSetting {
    const Document& doc;
    const Section& s;
    int si;
    const Brand& brand;
    const Layout& L;
    text::ParagraphStyle body;
    SectionGeometry geo;
    Pt width;  // of the text, inside the insets
    Diagnostics& diags;
};

// The section's heading: bold in the brand colour, kept with what follows.
Unit heading_unit(const SectionSetting& c, const text::TextContext& base_ctx) {
    const auto& t = c.L.type;
    const auto& r = c.L.sections;
    text::TextContext ctx{base_ctx.fonts, nullptr, c.s.where};
    text::ParagraphStyle hs = c.body;
    hs.size = t.heading;
    hs.align = Align::RaggedRight;
    hs.hyphenation = Hyphenation::Off;
    Unit u;
    u.content_section = c.si;
    u.lines = typeset(
        mark_phone(
            {{c.s.heading, FontStyle::Bold, c.brand.colors.primary, {}, text::RunRole::Text, c.s.heading_anchors}},
            c.brand),
        hs, c.width, c.geo.inset, t.heading * r.heading_line, ctx, {Role::Heading, c.si, -1}, c.diags);
    u.section = c.s.kind == SectionKind::Text ? -1 : c.si;
    u.space_before = t.heading * r.heading_space;
    u.split = Split::Never;
    u.keep_with_next = true;
    u.outline_title = c.s.heading;
    // A little air between the heading and its text.
    if (!u.lines.empty()) u.lines.back().height += t.body * r.heading_gap;
    return u;
}

// A figure: its picture as wide as the column, or its natural size at 300 dpi when that is
// smaller, never taller than most of a frame, so that it and its caption stand together.
void set_figure(Unit& u, const SectionSetting& c, const Block& b, int bi, const text::TextContext& ctx) {
    const auto& t = c.L.type;
    const auto& r = c.L.sections;
    const ShownSize img = shown_size(*b.figure.image);  // upright, its pixels square
    Pt w = std::min(c.width, Pt(img.width * 72.0 / 300.0));
    Pt h = w * (img.height / img.width);
    const Pt tallest = c.L.body_area().height * r.figure_height;
    if (h > tallest) {
        w = w * (tallest / h);
        h = tallest;
    }
    ElementRef fig{Role::Figure, c.si, bi};
    fig.figure = figure_index(c.doc, c.si, bi);
    LineBox picture{h + t.body * r.figure_gap, {}};
    picture.items.emplace_back(
        Image{{c.geo.inset + (c.width - w) / 2.0, Pt(0), w, h}, b.figure.image, b.figure.path, fig});
    u.lines.push_back(std::move(picture));
    if (!b.figure.caption.empty()) {
        text::ParagraphStyle cs = c.body;
        cs.size = std::max(t.body * r.caption_size, c.L.min_text);
        cs.hyphenation = Hyphenation::Off;
        auto caption = typeset(mark_phone({{b.figure.caption, FontStyle::Italic, c.brand.colors.text, {}}}, c.brand),
                               cs, c.width, c.geo.inset, cs.size * t.leading, ctx, {Role::Caption, c.si, bi}, c.diags);
        for (auto& l : caption) u.lines.push_back(std::move(l));
    }
    u.split = Split::Never;
    u.space_before = t.paragraph_space * r.block_space;
}

// A subheading: between the body and the section heading in size, bold, kept with what follows.
void set_subheading(Unit& u, const SectionSetting& c, std::vector<text::StyledRun> runs, const ElementRef& ref,
                    const text::TextContext& ctx) {
    const auto& t = c.L.type;
    text::ParagraphStyle ss = c.body;
    ss.size = (t.body + t.heading) / 2.0;
    ss.align = Align::RaggedRight;
    ss.hyphenation = Hyphenation::Off;
    for (auto& r : runs) r.style = with_bold(r.style);
    u.lines = typeset(runs, ss, c.width, c.geo.inset, ss.size * c.L.sections.subheading_line, ctx, ref, c.diags);
    u.space_before = t.paragraph_space + t.body * c.L.sections.subheading_space;
    u.split = Split::Never;
    u.keep_with_next = true;
}

// Inner space at the top and bottom of a callout's box.
void pad_box(std::vector<Unit>& units, Pt pad) {
    if (pad > Pt(0) && !units.empty() && !units.front().lines.empty() && !units.back().lines.empty()) {
        auto& first = units.front().lines.front();
        first.height += pad;
        first.baseline += pad;
        for (auto& item : first.items) translate(item, Pt(0), pad);
        units.back().lines.back().height += pad;
    }
}

// A short callout or quote is one piece: a box is not split across columns or pages when it
// could stand whole (a third of the body area at most).
void keep_box_whole(std::vector<Unit>& units, SectionKind kind, const Layout& L) {
    if (kind == SectionKind::Text || units.empty()) return;
    Pt total{0};
    for (const auto& u : units)
        for (const auto& l : u.lines) total += l.height + u.space_before;
    if (total > L.body_area().height / 3.0) return;
    Unit whole = std::move(units.front());
    for (std::size_t k = 1; k < units.size(); ++k) {
        // The space between blocks becomes part of the line above it.
        if (!whole.lines.empty()) whole.lines.back().height += units[k].space_before;
        for (auto& l : units[k].lines) whole.lines.push_back(std::move(l));
    }
    whole.split = Split::Never;
    whole.keep_with_next = false;
    units.clear();
    units.push_back(std::move(whole));
}

}  // namespace

std::vector<Unit> section_units(const Document& doc, int si, const Brand& brand, const Layout& L,
                                const text::TextContext& base_ctx, Pt frame_width, Diagnostics& diags) {
    const Section& s = doc.sections[static_cast<std::size_t>(si)];
    const auto& t = L.type;
    std::vector<Unit> units;
    const SectionGeometry geo = geometry_of(s.kind, L);
    const Pt pad = s.kind == SectionKind::Callout ? t.body * L.sections.callout_padding : Pt(0);
    const Pt width = frame_width - geo.inset * 2.0;

    text::ParagraphStyle body;
    body.size = t.body;
    body.align = L.align;
    body.hyphenation = L.hyphenation;
    body.language = doc.language;
    const Pt line_height = t.body * t.leading;
    const SectionSetting setting{doc, s, si, brand, L, body, geo, width, diags};

    if (!s.heading.empty()) units.push_back(heading_unit(setting, base_ctx));

    const FontStyle base = s.kind == SectionKind::Quote ? FontStyle::Italic : FontStyle::Regular;
    for (std::size_t bi = 0; bi < s.blocks.size(); ++bi) {
        const Block& b = s.blocks[bi];
        text::TextContext ctx{base_ctx.fonts, base_ctx.hyphenator, b.where.line ? b.where : s.where};
        const Role role = b.kind == BlockKind::ListItem     ? Role::ListItem
                          : b.kind == BlockKind::Subheading ? Role::Subheading
                                                            : Role::Paragraph;
        ElementRef ref{role, si, static_cast<int>(bi)};
        ref.depth = b.depth;
        ref.entry = b.continuation ? ListEntry::Continuation : ListEntry::Item;
        const auto runs = mark_phone(styled_runs(b.spans, brand.colors.text, brand.colors.primary, base), brand);
        Unit u;
        u.content_section = si;
        u.section = s.kind == SectionKind::Text ? -1 : si;
        u.space_before = t.paragraph_space;
        if (b.kind == BlockKind::Table) {
            auto rows =
                table_units(b.table, {si, static_cast<int>(bi), geo.inset, width, b.where}, brand, L, body, ctx, diags);
            if (rows.empty()) continue;
            rows.front().space_before = t.paragraph_space * L.sections.block_space;
            if (bi == 0) rows.front().space_before = units.empty() ? t.heading * L.sections.heading_space : Pt(0);
            for (auto& r : rows) {
                r.section = s.kind == SectionKind::Text ? -1 : si;
                units.push_back(std::move(r));
            }
            continue;
        }
        if (b.kind == BlockKind::Figure) {
            if (!b.figure.image) continue;  // reported when the content was loaded
            set_figure(u, setting, b, static_cast<int>(bi), ctx);
        } else if (b.kind == BlockKind::Subheading) {
            set_subheading(u, setting, runs, ref, ctx);
        } else if (b.kind == BlockKind::Paragraph) {
            u.lines = typeset(runs, body, width, geo.inset, line_height, ctx, ref, diags);
        } else {
            // The indent and the hanging marker are on the side the text starts from.
            const Pt indent = t.body * L.sections.list_indent * (b.depth + 1);
            const auto set = text::set_paragraph(runs, body, width - indent, ctx, diags);
            const bool rtl = set.direction == text::Direction::RightToLeft;
            u.lines = line_boxes(set, body, geo.inset + (rtl ? Pt(0) : indent), line_height, ctx, ref);
            u.space_before = b.continuation ? t.paragraph_space * L.sections.continuation_space
                                            : t.paragraph_space * L.sections.item_space;
            if (!b.continuation && !u.lines.empty()) {
                // The marker hangs in the indent, in the brand colour.
                text::ParagraphStyle ms = body;
                ms.hyphenation = Hyphenation::Off;
                const text::Line m =
                    text::set_line({{marker_text(b),
                                     b.list == ListKind::Numbered ? FontStyle::Bold : FontStyle::Regular,
                                     brand.colors.primary,
                                     {}}},
                                   ms, ctx, diags);
                const Pt gap = t.body * L.sections.marker_gap;
                const Pt mx = rtl ? geo.inset + width - indent + gap : geo.inset + indent - gap - m.width;
                // Drawn before the item's text, so that even a reader of the drawing order meets
                // the label first.
                auto& first = u.lines.front().items;
                std::size_t at = 0;
                for (const auto& run : m.runs) {
                    first.insert(first.begin() + static_cast<long>(at++),
                                 glyph_run(run, {mx, u.lines.front().baseline},
                                           {Role::ListMarker, si, static_cast<int>(bi), Meaning::Text, b.depth}));
                }
            }
        }
        if (bi == 0) u.space_before = units.empty() ? t.heading * L.sections.heading_space : Pt(0);
        units.push_back(std::move(u));
    }
    pad_box(units, pad);
    keep_box_whole(units, s.kind, L);
    return units;
}

// Tinted boxes behind callouts and a rule beside quotes, one per frame a section touches.
void decorate_sections(std::vector<Page>& pages, const std::vector<Extent>& extents, const Document& doc,
                       const Brand& brand) {
    for (const auto& e : extents) {
        const Section& s = doc.sections[static_cast<std::size_t>(e.section)];
        auto& items = pages[static_cast<std::size_t>(e.page)].items;
        const ElementRef ref{s.kind == SectionKind::Callout ? Role::Callout : Role::Quote, e.section, -1};
        // The rule stands on the side where lines start: the right in right-to-left languages.
        const bool rtl = doc.language.rtl();
        if (s.kind == SectionKind::Callout) {
            const Pt x = rtl ? e.x + e.width - Pt(1.5) : e.x + Pt(1.5);
            items.insert(items.begin(), Box{{e.x, e.top, e.width, e.bottom - e.top},
                                            tint(brand.colors.primary, 0.1),
                                            std::nullopt,
                                            Pt(0),
                                            ref});
            items.insert(items.begin() + 1, Rule{{x, e.top}, {x, e.bottom}, Pt(3), brand.colors.accent, ref});
        } else if (s.kind == SectionKind::Quote) {
            const Pt x = rtl ? e.x + e.width - Pt(2) : e.x + Pt(2);
            items.push_back(Rule{{x, e.top + Pt(2)}, {x, e.bottom - Pt(2)}, Pt(2.5), brand.colors.accent, ref});
        }
    }
}

}  // namespace leafpress
