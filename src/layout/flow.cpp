#include "layout/flow.hpp"

#include <algorithm>

#include "layout/kinds/kind.hpp"

namespace leafpress {

namespace {

// What flow adds to every kind's leaflet: the document's information, the taglines' languages
// and the sections' kinds at the start; the smallest type set, seen as pages pass, at the end.
class DocumentFacts final : public PageSink {
public:
    DocumentFacts(const Document& doc, const Brand& brand, PageSink& next) : doc_(doc), brand_(brand), next_(next) {}

    void start(const DocumentStart& start) override {
        DocumentStart s = start;
        s.info.title = doc_.title;
        s.info.author = brand_.name;
        s.info.subject = doc_.condition.empty() ? doc_.subtitle : doc_.condition;
        s.info.keywords = doc_.condition.empty() ? "patient leaflet" : doc_.condition + ", patient leaflet";
        s.info.language = doc_.language.tag;
        s.info.date = doc_.reviewed ? to_iso(*doc_.reviewed) : "";
        s.tagline_languages.clear();
        for (const auto& t : brand_.taglines) s.tagline_languages.push_back(t.language.tag);
        s.section_kinds.clear();
        for (const auto& section : doc_.sections) s.section_kinds.push_back(section.kind);
        next_.start(s);
    }
    void page(const Page& page) override {
        see(page.items);
        next_.page(page);
    }
    void end(const DocumentEnd& end) override {
        for (const auto& items : end.late) see(items);
        DocumentEnd e = end;
        e.smallest = smallest_;
        next_.end(e);
    }

private:
    void see(const std::vector<PageItem>& items) {
        for (const auto& item : items)
            if (const auto* g = std::get_if<GlyphRun>(&item)) smallest_ = std::min(smallest_, g->size);
    }

    const Document& doc_;
    const Brand& brand_;
    PageSink& next_;
    Pt smallest_{1e9};
};

}  // namespace

void flow(const Document& content, const Brand& brand, const Layout& layout, const TextResources& text, Diagnostics& diags,
          PageSink& sink) {
    // The sources, when there are any, are the article's last section: a numbered list under
    // a heading in the leaflet's language.
    Document with_sources;
    if (!content.references.empty()) {
        with_sources = content;
        Section sources;
        sources.heading = content.words.labels.sources;
        sources.blocks = content.references;
        sources.where = content.references.front().where;
        with_sources.sections.push_back(std::move(sources));
    }
    const Document& doc = content.references.empty() ? content : with_sources;
    const text::TextContext ctx{text.fonts, text.hyphenator, doc.title_pos};
    DocumentFacts facts(doc, brand, sink);
    kind_of(layout).stream(doc, brand, layout, ctx, diags, facts);
}

LaidOut flow(const Document& content, const Brand& brand, const Layout& layout, const TextResources& text,
             Diagnostics& diags) {
    Collector collector;
    flow(content, brand, layout, text, diags, collector);
    return collector.take();
}

}  // namespace leafpress
