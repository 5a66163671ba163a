// A laid-out leaflet as it is made, for those who take it a page at a time: what is known before
// its first page, each reading page as soon as it is finished, and what only the end decides.
// Writers and checks that take pages as they come never hold a long document whole: its 240th
// page is laid out after the first is written.
//
// The one thing a finished page may still lack is its late furniture: what needs the page count
// ("Page 3 of 12" in a footer). It comes with the end, page by page, to be drawn over the page;
// it is always page furniture, never content.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/page.hpp"

namespace leafpress {

// What is known of a leaflet before its first page.
struct DocumentStart {
    DocumentInfo info;
    std::vector<FigureInfo> figures;             // every figure's alternative text
    std::vector<SectionKind> section_kinds;      // of the Document's sections, by index
    std::vector<std::string> tagline_languages;  // of the taglines printed (LanguageHelp items)
    Pt body;                                     // the body size set
    std::optional<Imposition> imposition;        // a booklet's (its pages all come before the end)
    SheetFacts sheet;
};

// What the end of a leaflet decides.
struct DocumentEnd {
    std::vector<std::vector<PageItem>> late;  // per reading page (may be shorter: none for the rest)
    std::vector<OutlineEntry> outline;
    Pt smallest;  // the smallest type anywhere, late furniture included
    // The content blocks (section, block) layout refused, each with an error of its own.
    std::vector<std::pair<int, int>> refused;
};

// Sinks look at each page while it is given: one that needs it later keeps a copy, or what it
// needs of it; the page itself is let go once every sink has seen it.
class PageSink {
public:
    virtual ~PageSink() = default;
    virtual void start(const DocumentStart& start) = 0;
    // The next reading page, finished but for its late furniture.
    virtual void page(const Page& page) = 0;
    virtual void end(const DocumentEnd& end) = 0;
};

// What a LaidOut says before its pages, and at its end (with no late furniture: its pages are
// whole).
DocumentStart start_of(const LaidOut& doc);
DocumentEnd end_of(const LaidOut& doc);

// Gives a whole laid-out leaflet to a sink: its start, its pages in order (each let go once
// given), its end.
void emit(LaidOut doc, PageSink& sink);

// Collects what a sink is given into a LaidOut, late furniture drawn at the end of its page.
class Collector final : public PageSink {
public:
    void start(const DocumentStart& start) override;
    void page(const Page& page) override;
    void end(const DocumentEnd& end) override;
    [[nodiscard]] LaidOut take() { return std::move(doc_); }
    [[nodiscard]] const LaidOut& laid() const { return doc_; }

private:
    LaidOut doc_;
};

// Gives everything to several sinks, in their order.
class Tee final : public PageSink {
public:
    explicit Tee(std::vector<PageSink*> sinks) : sinks_(std::move(sinks)) {}
    void start(const DocumentStart& start) override;
    void page(const Page& page) override;
    void end(const DocumentEnd& end) override;

private:
    std::vector<PageSink*> sinks_;
};

}  // namespace leafpress
