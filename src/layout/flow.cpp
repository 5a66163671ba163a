#include "layout/flow.hpp"

#include <algorithm>

#include "layout/kinds/kind.hpp"
#include "layout/labels.hpp"

namespace leafpress {

namespace {

void add_info(LaidOut& out, const Document& doc, const Brand& brand) {
    out.info.title = doc.title;
    out.info.author = brand.name;
    out.info.subject = doc.condition.empty() ? doc.subtitle : doc.condition;
    out.info.keywords = doc.condition.empty() ? "patient leaflet" : doc.condition + ", patient leaflet";
    out.info.language = doc.language.tag;
    out.info.date = doc.reviewed ? to_iso(*doc.reviewed) : "";
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
    LaidOut out = kind_of(layout).lay_out(doc, brand, layout, ctx, diags);
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
