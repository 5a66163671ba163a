// Tagged PDF: the structure tree of a laid-out leaflet, in logical reading order, and for every
// item on every page whether it is real content (and of which structure element) or an
// artifact. Built from the page model's roles alone; the writer (write_pdf.cpp) turns it into
// marked content, the StructTreeRoot and its ParentTree.
#pragma once
#include <string>
#include <vector>

#include "model/page.hpp"

namespace leafpress::pdf {

enum class StructType {
    Document, Sect, H1, H2, H3, P, L, LI, Lbl, LBody, Link, Figure, Caption, BlockQuote, Table, TR, TH, TD
};
const char* type_name(StructType t);

// A structure element's kid: another element, a marked-content sequence (page, MCID) or an
// annotation (page, index of the Link item on that page).
struct StructKid {
    enum class Kind { Element, Content, Annotation } kind = Kind::Element;
    int element = -1;
    int page = -1;
    int mcid = -1;
    int item = -1;  // the Link item, for Kind::Annotation
};

struct StructElement {
    StructType type = StructType::P;
    int parent = -1;
    std::vector<StructKid> kids;
    std::string alt;  // figures
    int figure_page = -1;
    Rect bbox{};      // figures: where on figure_page
    bool column_header = false;  // TH: heads its column (/Scope /Column)
    std::string lang;            // a language other than the document's (/Lang): taglines
};

// What one page item is to a reader.
struct ItemTag {
    enum class Kind { Artifact, Pagination, Content, Annotation } kind = Kind::Artifact;
    int element = -1;  // Content: its element; Annotation: its Link element
    int mcid = -1;     // Content: its marked-content id on the page; neighbours may share one sequence
};

struct TagPlan {
    std::vector<StructElement> elements;         // [0] is the Document
    std::vector<std::vector<ItemTag>> pages;      // per page, per item
};

// Whether links are annotations (on screen) or their text alone (in print: paper has no links,
// and PDF/X allows no annotation on the printed area).
enum class Links { Annotated, TextOnly };

TagPlan plan_tags(const LaidOut& doc, Links links = Links::Annotated);

}  // namespace leafpress::pdf
