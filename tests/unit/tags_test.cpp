#include <catch2/catch.hpp>

#include "pdf/tags.hpp"

using namespace leafpress;
using namespace leafpress::pdf;

namespace {
GlyphRun run(ElementRef ref, Pt y, std::string link = {}) {
    GlyphRun g;
    g.size = Pt(12);
    g.origin = {Pt(50), y};
    g.add(1, Pt(0), Pt(0), Pt(6), U"x");
    g.source = ref;
    g.link = std::move(link);
    return g;
}

// The structure below an element as text: "Sect(H2 L(LI(Lbl LBody(P))))".
std::string outline(const TagPlan& plan, int e = 0) {
    const StructElement& el = plan.elements[static_cast<std::size_t>(e)];
    std::string s = type_name(el.type);
    std::string kids;
    for (const auto& k : el.kids)
        if (k.kind == StructKid::Kind::Element) kids += (kids.empty() ? "" : " ") + outline(plan, k.element);
    return kids.empty() ? s : s + "(" + kids + ")";
}
}  // namespace

TEST_CASE("tags: reading order, not drawing order, and furniture is an artifact", "[tags]") {
    LaidOut doc;
    doc.section_kinds = {SectionKind::Text};
    Page page{{Pt(600), Pt(800)}, {}};
    // Drawn as a trifold draws them: the section's text first, then the cover, then the footer.
    page.items.emplace_back(run({Role::Paragraph, 0, 1}, Pt(100)));
    page.items.emplace_back(run({Role::Heading, 0, -1}, Pt(80)));
    page.items.emplace_back(run({Role::Title}, Pt(40)));
    page.items.emplace_back(run({Role::Footer}, Pt(780)));
    page.items.emplace_back(Box{{Pt(0), Pt(0), Pt(600), Pt(50)}, Color{}, std::nullopt, Pt(0), {Role::Decoration}});
    doc.pages.push_back(page);
    const TagPlan plan = plan_tags(doc);
    CHECK(outline(plan) == "Document(H1 Sect(H2 P))");
    CHECK(plan.pages[0][3].kind == ItemTag::Kind::Pagination);
    CHECK(plan.pages[0][4].kind == ItemTag::Kind::Artifact);
    // MCIDs in reading order: the title's is the first.
    CHECK(plan.pages[0][2].mcid == 0);
    CHECK(plan.pages[0][1].mcid == 1);
    CHECK(plan.pages[0][0].mcid == 2);
}

TEST_CASE("tags: a list item's label comes before its body, nested lists sit in their item", "[tags]") {
    LaidOut doc;
    doc.section_kinds = {SectionKind::Quote};
    Page page{{Pt(600), Pt(800)}, {}};
    ElementRef item{Role::ListItem, 0, 0};
    ElementRef label{Role::ListMarker, 0, 0};
    ElementRef nested{Role::ListItem, 0, 1};
    nested.depth = 1;
    ElementRef nested_label{Role::ListMarker, 0, 1};
    nested_label.depth = 1;
    // The label is drawn after the item's first line.
    page.items.emplace_back(run(item, Pt(100)));
    page.items.emplace_back(run(label, Pt(100)));
    page.items.emplace_back(run(nested, Pt(120)));
    page.items.emplace_back(run(nested_label, Pt(120)));
    doc.pages.push_back(page);
    const TagPlan plan = plan_tags(doc);
    CHECK(outline(plan) == "Document(BlockQuote(L(LI(Lbl LBody(P L(LI(Lbl LBody(P))))))))");
    CHECK(plan.pages[0][1].mcid < plan.pages[0][0].mcid);
}

TEST_CASE("tags: a linked run is a Link element holding its text and its annotation", "[tags]") {
    LaidOut doc;
    doc.section_kinds = {SectionKind::Text};
    Page page{{Pt(600), Pt(800)}, {}};
    page.items.emplace_back(run({Role::Paragraph, 0, 0}, Pt(100)));
    page.items.emplace_back(run({Role::Paragraph, 0, 0}, Pt(100), "https://example.org"));
    page.items.emplace_back(Link{{Pt(50), Pt(90), Pt(10), Pt(12)}, "https://example.org", {Role::Paragraph, 0, 0}});
    doc.pages.push_back(page);
    const TagPlan plan = plan_tags(doc);
    CHECK(outline(plan) == "Document(Sect(P(Link)))");
    CHECK(plan.pages[0][2].kind == ItemTag::Kind::Annotation);
    const StructElement& link = plan.elements[static_cast<std::size_t>(plan.pages[0][2].element)];
    CHECK(link.type == StructType::Link);
    REQUIRE(link.kids.size() == 2);
    CHECK(link.kids[1].kind == StructKid::Kind::Annotation);
}

TEST_CASE("tags: a sub-heading is an H3, and lists nest three levels", "[tags]") {
    LaidOut doc;
    doc.section_kinds = {SectionKind::Text};
    Page page{{Pt(600), Pt(800)}, {}};
    page.items.emplace_back(run({Role::Subheading, 0, 0}, Pt(80)));
    for (int depth = 0; depth < 3; ++depth) {
        ElementRef item{Role::ListItem, 0, depth + 1};
        item.depth = depth;
        ElementRef label{Role::ListMarker, 0, depth + 1};
        label.depth = depth;
        page.items.emplace_back(run(item, Pt(100 + 20 * depth)));
        page.items.emplace_back(run(label, Pt(100 + 20 * depth)));
    }
    ElementRef back{Role::ListItem, 0, 4};  // back at the first level: the same outer list
    ElementRef back_label{Role::ListMarker, 0, 4};
    page.items.emplace_back(run(back, Pt(160)));
    page.items.emplace_back(run(back_label, Pt(160)));
    doc.pages.push_back(page);
    const TagPlan plan = plan_tags(doc);
    CHECK(outline(plan) ==
          "Document(Sect(H3 L(LI(Lbl LBody(P L(LI(Lbl LBody(P L(LI(Lbl LBody(P)))))))) LI(Lbl LBody(P)))))");
}

TEST_CASE("tags: a table is Table, TR, TH with its scope and TD, row by row", "[tags]") {
    LaidOut doc;
    doc.section_kinds = {SectionKind::Text};
    Page page{{Pt(600), Pt(800)}, {}};
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c) {
            ElementRef ref{r == 0 ? Role::TableHeader : Role::TableCell, 0, 0};
            ref.row = r;
            ref.column = c;
            page.items.emplace_back(run(ref, Pt(100 + 20 * r)));
        }
    ElementRef repeated{Role::Decoration};  // a header drawn again on a later frame
    page.items.emplace_back(run(repeated, Pt(300)));
    doc.pages.push_back(page);
    const TagPlan plan = plan_tags(doc);
    CHECK(outline(plan) == "Document(Sect(Table(TR(TH TH) TR(TD TD))))");
    const StructElement& th = plan.elements[static_cast<std::size_t>(plan.pages[0][0].element)];
    CHECK(th.type == StructType::TH);
    CHECK(th.column_header);
    CHECK(plan.pages[0][4].kind == ItemTag::Kind::Artifact);
}

TEST_CASE("tags: pages planned one at a time give the tree of the reading order, across pages too", "[tags]") {
    // A trifold's order: its outside (page 1) has the flap's section, the back's call to
    // action and the cover; the inside (page 2) the next section.
    LaidOut doc;
    doc.section_kinds = {SectionKind::Text, SectionKind::Text};
    Page outside{{Pt(792), Pt(612)}, {}};
    outside.items.emplace_back(run({Role::Heading, 0, -1}, Pt(60)));
    outside.items.emplace_back(run({Role::Paragraph, 0, 0}, Pt(80)));
    outside.items.emplace_back(run({Role::CallToAction, -1, static_cast<int>(CallToActionPart::Heading)}, Pt(60)));
    outside.items.emplace_back(run({Role::Title}, Pt(40)));
    Page inside{{Pt(792), Pt(612)}, {}};
    inside.items.emplace_back(run({Role::Heading, 1, -1}, Pt(60)));
    inside.items.emplace_back(run({Role::Paragraph, 1, 0}, Pt(80)));
    doc.pages = {outside, inside};
    TagPlanner planner({{}, doc.section_kinds, {}}, Links::Annotated);
    const auto first = planner.page(doc.pages[0], 0);
    // Tags come as each page does: the title is the first MCID of page 1.
    CHECK(first[3].mcid == 0);
    CHECK(planner.elements().size() == 7);  // Document, H1, Sect, H2, P, and the call to action's Sect and H2
    planner.page(doc.pages[1], 1);
    TagPlan plan;
    plan.elements = planner.finish();
    // The call to action's section, made before the inside's, still comes after it.
    CHECK(outline(plan) == "Document(H1 Sect(H2 P) Sect(H2 P) Sect(H2))");
    CHECK(outline(plan) == outline(plan_tags(doc)));
}

TEST_CASE("tags: every element has a key of its kind - numbers that add up alike never share one", "[tags]") {
    LaidOut doc;
    doc.section_kinds = {SectionKind::Text};
    Page page{{Pt(600), Pt(800)}, {}};
    // The cell in row 0, column 1000 and the one in row 1, column 0 are two cells of two rows
    // (a key of row * 1000 + column made them one).
    ElementRef wide{Role::TableCell, 0, 0};
    wide.row = 0;
    wide.column = 1000;
    ElementRef next{Role::TableCell, 0, 0};
    next.row = 1;
    next.column = 0;
    page.items.emplace_back(run(wide, Pt(100)));
    page.items.emplace_back(run(next, Pt(120)));
    // The title, the subtitle and a signature: three paragraphs of the Document, each its own.
    page.items.emplace_back(run({Role::Title}, Pt(20)));
    page.items.emplace_back(run({Role::Subtitle}, Pt(40)));
    page.items.emplace_back(run({Role::Signature, -1, 0}, Pt(700)));
    doc.pages.push_back(page);
    const TagPlan plan = plan_tags(doc);
    CHECK(outline(plan) == "Document(H1 P P Sect(Table(TR(TD) TR(TD))))");
    CHECK(plan.pages[0][0].element != plan.pages[0][1].element);
}
