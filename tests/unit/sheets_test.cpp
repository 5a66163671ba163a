// The printed sides of a PDF: boxes, where each reading page goes, marks, and bands run on into
// the bleed only at the sheet's own edges.
#include <catch2/catch.hpp>

#include "layout/impose.hpp"
#include "model/sheets.hpp"
#include "pdf/page_content.hpp"
#include "pdf/pdf_objects.hpp"

using namespace leafpress;

namespace {

LaidOut pages(int n, Size size) {
    LaidOut doc;
    for (int i = 0; i < n; ++i) doc.pages.push_back({size, {}});
    return doc;
}

int count(const std::string& s, const std::string& what) {
    int n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("without print geometry a side is its page, with no marks", "[sheets]") {
    const Size a4{Pt(595.2756), Pt(841.8898)};
    const auto sides = sheet_sides(pages(3, a4), nullptr);
    REQUIRE(sides.size() == 3);
    CHECK(sides[1].width == Approx(a4.width.value()));
    CHECK(sides[1].trim == std::array<double, 4>{0, 0, a4.width.value(), a4.height.value()});
    CHECK(sides[1].bleed == sides[1].trim);
    REQUIRE(sides[1].slots.size() == 1);
    CHECK(sides[1].slots[0].page == 1);
    CHECK(sides[1].marks.empty());
}

TEST_CASE("print geometry grows each side by the marks' margin, 3 mm bleed beyond the trim", "[sheets]") {
    const Size a4{Pt(595.2756), Pt(841.8898)};
    const PrintGeometry g;
    const auto sides = sheet_sides(pages(1, a4), &g);
    REQUIRE(sides.size() == 1);
    const auto& s = sides[0];
    const double m = g.margin().value(), b = mm(3).value();
    CHECK(s.width == Approx(a4.width.value() + 2 * m));
    CHECK(s.trim[0] == Approx(m));
    CHECK(s.trim[3] == Approx(m + a4.height.value()));
    CHECK(s.bleed[0] == Approx(m - b));
    CHECK(s.bleed[2] == Approx(m + a4.width.value() + b));
    CHECK(s.bleed[0] > 0);  // the marks fit outside the bleed
    CHECK(s.slots[0].tx == Approx(m));
    // Eight crop marks (two a corner), no fold marks; each starts outside the bleed.
    const std::string ops = pdf::mark_operators(s.marks);
    CHECK(count(ops, " m ") == 8);
    CHECK(ops.find(" d\n") == std::string::npos);
    CHECK(g.bleed + g.mark_gap + g.mark_length < g.margin());
}

TEST_CASE("a trifold's folds get dashed fold marks above and below the trim", "[sheets]") {
    LaidOut doc = pages(2, {Pt(792), Pt(612)});
    doc.sheet.folds = {Pt(264), Pt(528)};
    const PrintGeometry g;
    const auto sides = sheet_sides(doc, &g);
    REQUIRE(sides.size() == 2);
    const std::string ops = pdf::mark_operators(sides[0].marks);
    CHECK(count(ops, " m ") == 8 + 4);
    CHECK(ops.find("[3 2] 0 d") != std::string::npos);
    const double x = sides[0].trim[0] + 264;
    CHECK(ops.find(pdf::num(x) + " ") != std::string::npos);
}

TEST_CASE("a booklet's sides hold two reading pages, blanks left out", "[sheets]") {
    const Size page{mm(148.5), mm(210)};
    LaidOut doc = pages(3, page);
    doc.imposition = saddle_stitch(3, page);
    const auto sides = sheet_sides(doc, nullptr);
    REQUIRE(sides.size() == 2);
    REQUIRE(sides[0].slots.size() == 1);  // blank | 1
    CHECK(sides[0].slots[0].page == 0);
    CHECK(sides[0].slots[0].tx == Approx(page.width.value()));
    CHECK_FALSE(sides[0].slots[0].left);  // its left edge is the spine
    CHECK(sides[0].slots[0].right);
    REQUIRE(sides[1].slots.size() == 2);  // 2 | 3
    CHECK(sides[1].slots[0].page == 1);
    CHECK(sides[1].slots[0].left);
    CHECK_FALSE(sides[1].slots[0].right);
    CHECK(sides[1].slots[1].page == 2);
    CHECK(sides[1].width == Approx(2 * page.width.value()));
}

TEST_CASE("a band runs on into the bleed only at the sheet's edges", "[sheets]") {
    const Size page{Pt(400), Pt(600)};
    const Pt bleed = mm(3);
    SheetSlot all;  // a page that is its own sheet
    const Rect band{Pt(0), Pt(0), Pt(400), Pt(100)};
    const Rect r = into_bleed(band, page, all, bleed);
    CHECK(r.x == -bleed);
    CHECK(r.y == -bleed);
    CHECK(r.right().value() == Approx((page.width + bleed).value()));
    CHECK(r.bottom().value() == Approx(100));  // not at the bottom edge: unchanged
    SheetSlot right_page;
    right_page.left = false;  // the spine
    const Rect s = into_bleed(band, page, right_page, bleed);
    CHECK(s.x == Pt(0));
    CHECK(s.y == -bleed);
    const Rect inside{Pt(20), Pt(30), Pt(100), Pt(50)};
    const Rect t = into_bleed(inside, page, all, bleed);
    CHECK(t.x == inside.x);
    CHECK(t.width == inside.width);
}
