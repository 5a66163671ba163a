#include "layout/kinds/kind.hpp"

#include "layout/kinds/booklet.hpp"
#include "layout/kinds/pages.hpp"
#include "layout/kinds/trifold.hpp"
#include "layout/sections.hpp"

#include <cstdio>

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

void report_refused(const std::vector<Placement::Refused>& refused, const Document& doc, const Layout& layout,
                    Diagnostics& diags) {
    for (const auto& r : refused) {
        const bool content = r.furniture.empty() && r.content_section >= 0 &&
                             static_cast<std::size_t>(r.content_section) < doc.sections.size();
        const Section* section = content ? &doc.sections[static_cast<std::size_t>(r.content_section)] : nullptr;
        std::string name = !r.furniture.empty() ? r.furniture
                           : !r.what.empty()    ? "this " + r.what
                                                : "this part of the text";
        if (section && r.what.empty())
            name = section->heading.empty() ? "a part of section " + std::to_string(r.content_section + 1)
                                            : "a part of section '" + section->heading + "'";
        SourcePos at = r.where;
        if (at.file.empty() && at.line == 0) at = section ? section->where : doc.title_pos;
        const std::string page = layout.fold == Fold::Trifold ? "panel" : "page";
        char size[200];
        std::snprintf(size, sizeof size,
                      "it is %.0f pt (%.0f mm) tall, and a %s of the %s layout holds %.0f pt (%.0f mm)",
                      r.height.value(), r.height.value() * 25.4 / 72.0, page.c_str(), layout.name.c_str(),
                      r.room.value(), r.room.value() * 25.4 / 72.0);
        diags.error("layout.overflow", at, name + " is taller than a whole " + page + " and cannot be placed: " + size,
                    r.what == "table row" ? "shorten the row's cells, or split the row into several rows"
                                          : "shorten it, or use a layout with larger pages");
    }
}

bool refused_whole(const Unit& unit, Pt room, const Document& doc, const Layout& layout, Diagnostics& diags) {
    Pt height{0};
    for (const auto& line : unit.lines) height += line.height;
    if (height <= room + Pt(0.01)) return false;
    report_refused({{unit.content_section, unit.furniture, unit.what,
                     unit.furniture.empty() ? unit.where : unit.furniture_at, height, room}},
                   doc, layout, diags);
    return true;
}

}  // namespace leafpress
