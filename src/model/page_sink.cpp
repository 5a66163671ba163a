#include "model/page_sink.hpp"

#include <algorithm>

namespace leafpress {

DocumentStart start_of(const LaidOut& doc) {
    return {doc.info,           doc.figures,    doc.section_kinds, doc.tagline_languages,
            doc.decisions.body, doc.imposition, doc.sheet};
}

DocumentEnd end_of(const LaidOut& doc) { return {{}, doc.outline, doc.decisions.smallest, doc.decisions.refused}; }

void emit(LaidOut doc, PageSink& sink) {
    sink.start(start_of(doc));
    for (Page& page : doc.pages) {
        sink.page(page);
        std::vector<PageItem>().swap(page.items);
    }
    sink.end(end_of(doc));
}

void Collector::start(const DocumentStart& s) {
    doc_ = LaidOut{};
    doc_.info = s.info;
    doc_.figures = s.figures;
    doc_.section_kinds = s.section_kinds;
    doc_.tagline_languages = s.tagline_languages;
    doc_.decisions.body = s.body;
    doc_.imposition = s.imposition;
    doc_.sheet = s.sheet;
}

void Collector::page(const Page& page) { doc_.pages.push_back(page); }

void Collector::end(const DocumentEnd& e) {
    for (std::size_t p = 0; p < e.late.size() && p < doc_.pages.size(); ++p) {
        auto& items = doc_.pages[p].items;
        items.insert(items.end(), e.late[p].begin(), e.late[p].end());
    }
    doc_.outline = e.outline;
    doc_.decisions.smallest = e.smallest;
    doc_.decisions.refused = e.refused;
}

void Tee::start(const DocumentStart& start) {
    for (PageSink* s : sinks_) s->start(start);
}

void Tee::page(const Page& page) {
    for (PageSink* s : sinks_) s->page(page);
}

void Tee::end(const DocumentEnd& end) {
    for (PageSink* s : sinks_) s->end(end);
}

}  // namespace leafpress
