// The layout kinds (src/layout/kinds): which kind a layout names, and what each makes of a
// leaflet: the pages kind's cover, footers and back cover with notes pages; the trifold's panels,
// folds and copy-fit; the booklet's imposition; and the errors for what cannot be placed.
#include <catch2/catch.hpp>

#include <set>

#include "content/load_content.hpp"
#include "core/utf8.hpp"
#include "layout/kinds/booklet.hpp"
#include "layout/kinds/kind.hpp"
#include "layout/kinds/pages.hpp"
#include "layout/kinds/trifold.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

const text::FontChain& fonts() {
    static Diagnostics setup;
    static const text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    static const text::FontChain chain = *text::resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
    return chain;
}

struct Made {
    Diagnostics diags;
    Layout layout;
    LaidOut laid;
};

Brand test_brand() {
    Brand brand;
    brand.name = "Test Clinic";
    brand.phone = "(555) 010-0199";
    brand.tel = "tel:555-010-0199";
    return brand;
}

std::unique_ptr<Made> make(const std::string& content, const std::string& layout_name,
                           const LayoutKind* kind = nullptr) {
    auto m = std::make_unique<Made>();
    auto doc = load_content_text(content, "c.toml", m->diags, ImageLoading::Decode, nullptr, &test::translations());
    REQUIRE(doc);
    m->layout = *load_layout(test::repo_dir() + "/layouts/" + layout_name + ".toml", m->diags);
    const text::TextContext ctx{fonts(), nullptr, {}};
    m->laid = (kind ? *kind : kind_of(m->layout)).lay_out(*doc, test_brand(), m->layout, ctx, m->diags);
    return m;
}

std::string content(int sections, int paragraphs, const std::string& language = "en") {
    std::string s = "title = \"Kinds\"\nlanguage = \"" + language + "\"\nreviewed = 2026-10-01\n";
    for (int i = 0; i < sections; ++i) {
        s += "[[section]]\nheading = \"Heading " + std::to_string(i) + "\"\nbody = \"\"\"\n";
        for (int p = 0; p < paragraphs; ++p)
            s += language == "ar"
                     ? "يُدرس العلاج بالخلايا الجذعية كنهج داعم لأمراض المناعة الذاتية.\n\n"
                     : "A paragraph that goes on for a while so that it needs several lines in its frame.\n\n";
        s += "\"\"\"\n";
    }
    return s;
}

// The text of a page's runs of a role, in drawing order.
std::string said(const Page& page, Role role) {
    std::u32string s;
    for (const auto& i : page.items)
        if (const auto* g = std::get_if<GlyphRun>(&i); g && g->source.role == role) s += g->text;
    return utf8::encode(s);
}

// The x of the first run of a role on a page, or -1.
double x_of(const Page& page, Role role) {
    for (const auto& i : page.items)
        if (const auto* g = std::get_if<GlyphRun>(&i); g && g->source.role == role) return g->origin.x.value();
    return -1;
}

int count_runs(const Page& page, Role role, const std::string& containing) {
    int n = 0;
    for (const auto& i : page.items)
        if (const auto* g = std::get_if<GlyphRun>(&i);
            g && g->source.role == role && utf8::encode(g->text).find(containing) != std::string::npos)
            ++n;
    return n;
}

}  // namespace

TEST_CASE("kinds: a layout's fold names its kind", "[kinds]") {
    Diagnostics d;
    for (const char* name : {"a4", "letter", "a5", "large-print"}) {
        CAPTURE(name);
        const Layout l = *load_layout(test::repo_dir() + "/layouts/" + name + ".toml", d);
        CHECK(dynamic_cast<const PagesKind*>(&kind_of(l)) != nullptr);
    }
    CHECK(dynamic_cast<const TrifoldKind*>(&kind_of(*load_layout(test::repo_dir() + "/layouts/trifold.toml", d))) !=
          nullptr);
    CHECK(dynamic_cast<const BookletKind*>(&kind_of(*load_layout(test::repo_dir() + "/layouts/booklet.toml", d))) !=
          nullptr);
}

TEST_CASE("kinds: pages put the cover on the first page only, 'Page N of M' on each, the call to action on the last",
          "[kinds]") {
    auto m = make(content(12, 6), "a4");
    REQUIRE_FALSE(m->diags.has_errors());
    const auto& pages = m->laid.pages;
    const int n = static_cast<int>(pages.size());
    REQUIRE(n >= 3);
    CHECK(said(pages[0], Role::Title) == "Kinds");
    for (int p = 0; p < n; ++p) {
        CAPTURE(p);
        if (p > 0) CHECK(said(pages[static_cast<std::size_t>(p)], Role::Title).empty());
        CHECK(said(pages[static_cast<std::size_t>(p)], Role::Footer)
                  .find("Page " + std::to_string(p + 1) + " of " + std::to_string(n)) != std::string::npos);
        CHECK(pages[static_cast<std::size_t>(p)].size.width == m->layout.page.width);
        CHECK((said(pages[static_cast<std::size_t>(p)], Role::CallToAction).empty()) == (p != n - 1));
    }
    CHECK(m->laid.outline.size() == 12);
    CHECK_FALSE(m->laid.imposition);
}

TEST_CASE("kinds: with a back cover, pages come in fours: notes pages between the content and the call to action",
          "[kinds]") {
    Diagnostics d;
    const PagesKind with_back({.back_cover = true, .multiple = 4});
    auto m = make(content(1, 1), "a4", &with_back);
    REQUIRE_FALSE(m->diags.has_errors());
    const auto& pages = m->laid.pages;
    REQUIRE(pages.size() == 4);
    CHECK(said(pages[0], Role::Title) == "Kinds");
    CHECK(said(pages[0], Role::CallToAction).empty());
    for (std::size_t p : {1u, 2u}) {
        CAPTURE(p);
        CHECK(said(pages[p], Role::Decoration) == "Notes");
        CHECK(said(pages[p], Role::Heading).empty());
    }
    CHECK(said(pages[3], Role::CallToAction).find("(555) 010-0199") != std::string::npos);
    CHECK(said(pages[3], Role::Footer).find("Page 4 of 4") != std::string::npos);
}

TEST_CASE("kinds: a trifold is two landscape sides, cover on the right panel outside, footers under five panels",
          "[kinds]") {
    auto m = make(content(2, 2), "trifold");
    REQUIRE_FALSE(m->diags.has_errors());
    const auto& pages = m->laid.pages;
    REQUIRE(pages.size() == 2);
    const double w = m->layout.panel_width().value();
    CHECK(m->layout.page.width > m->layout.page.height);
    REQUIRE(m->laid.sheet.folds.size() == 2);
    CHECK(m->laid.sheet.folds[0].value() == Approx(w));
    CHECK(m->laid.sheet.folds[1].value() == Approx(2 * w));
    CHECK(m->laid.sheet.duplex == Duplex::FlipShortEdge);
    // Outside: the cover (title) on the right panel, the call to action on the middle (back) one.
    CHECK(x_of(pages[0], Role::Title) > 2 * w);
    const double cta = x_of(pages[0], Role::CallToAction);
    CHECK(cta > w);
    CHECK(cta < 2 * w);
    // The phone number under every panel but the cover: three outside... two outside, three inside.
    CHECK(count_runs(pages[0], Role::Footer, "(555) 010-0199") == 2);
    CHECK(count_runs(pages[1], Role::Footer, "(555) 010-0199") == 3);
    CHECK(m->laid.decisions.body == m->layout.type.body);
}

TEST_CASE("kinds: a right-to-left trifold is the mirror image: the cover on the left panel", "[kinds]") {
    auto m = make(content(1, 1, "ar"), "trifold");
    REQUIRE_FALSE(m->diags.has_errors());
    const double w = m->layout.panel_width().value();
    const double title = x_of(m->laid.pages[0], Role::Title);
    CHECK(title >= 0);
    CHECK(title < w);
    const double cta = x_of(m->laid.pages[0], Role::CallToAction);
    CHECK(cta > w);
    CHECK(cta < 2 * w);
}

TEST_CASE("kinds: a trifold sets the body smaller to fit, down to its minimum, then says what is left over",
          "[kinds]") {
    auto fit = make(content(10, 6), "trifold");
    REQUIRE_FALSE(fit->diags.has_errors());
    CHECK(fit->laid.decisions.body < fit->layout.type.body);
    CHECK(fit->laid.decisions.body >= fit->layout.min_body);
    bool copy_fit = false;
    for (const auto& d : fit->diags.all()) copy_fit = copy_fit || d.code == "layout.copy-fit";
    CHECK(copy_fit);

    auto over = make(content(12, 6), "trifold");
    REQUIRE(over->diags.has_errors());
    std::string msg;
    for (const auto& d : over->diags.all())
        if (d.code == "layout.overflow") msg = d.message;
    CHECK(msg.rfind("the content does not fit the trifold layout: section 'Heading ", 0) == 0);
    CHECK(msg.find(" of text left over") != std::string::npos);
    CHECK(over->laid.decisions.body == over->layout.min_body);
}

TEST_CASE("kinds: a booklet imposes its pages two to a side in saddle-stitch order, bound on the right in Arabic",
          "[kinds]") {
    for (const char* language : {"en", "ar"}) {
        CAPTURE(language);
        auto m = make(content(3, 3, language), "booklet");
        REQUIRE_FALSE(m->diags.has_errors());
        const int n = static_cast<int>(m->laid.pages.size());
        REQUIRE(n % 4 == 0);
        REQUIRE(m->laid.imposition);
        const auto& sides = m->laid.imposition->sides;
        REQUIRE(static_cast<int>(sides.size()) == n / 2);
        REQUIRE(sides[0].size() == 2);
        // The first side: the back cover and the cover, the cover on the right half (left in Arabic).
        const bool rtl = std::string(language) == "ar";
        std::set<int> first_side{sides[0][0].page, sides[0][1].page};
        CHECK(first_side == std::set<int>{0, n - 1});
        for (const auto& slot : sides[0]) CHECK(slot.at.x == ((slot.page == 0) != rtl ? m->layout.page.width : Pt(0)));
        CHECK(m->laid.imposition->sheet.width == m->layout.page.width * 2.0);
        REQUIRE(m->laid.sheet.folds.size() == 1);
        CHECK(m->laid.sheet.folds[0] == m->layout.page.width);
        // Every reading page on exactly one side.
        std::multiset<int> placed;
        for (const auto& side : sides)
            for (const auto& slot : side) placed.insert(slot.page);
        for (int p = 0; p < n; ++p) CHECK(placed.count(p) == 1);
        // The call to action on the back cover, alone.
        CHECK_FALSE(said(m->laid.pages.back(), Role::CallToAction).empty());
        CHECK(said(m->laid.pages.back(), Role::Paragraph).empty());
    }
}

TEST_CASE("kinds: content units run through the sections in order, the first with no space before it", "[kinds]") {
    Diagnostics d;
    auto doc = load_content_text(content(3, 2), "c.toml", d, ImageLoading::Decode, nullptr, &test::translations());
    REQUIRE(doc);
    const Layout layout = *load_layout(test::repo_dir() + "/layouts/a4.toml", d);
    const auto units = content_units(*doc, test_brand(), layout, {fonts(), nullptr, {}}, Pt(300), d);
    REQUIRE(units.size() >= 6);  // a heading and two paragraphs each
    CHECK(units.front().space_before == Pt(0));
    CHECK(units.front().content_section == 0);
    CHECK(units.back().content_section == 2);
    for (std::size_t i = 1; i < units.size(); ++i) CHECK(units[i].content_section >= units[i - 1].content_section);
}

TEST_CASE("kinds: what cannot be placed is one error naming it, its height and the page's room, in mm", "[kinds]") {
    Diagnostics d;
    auto doc = load_content_text(content(2, 1), "c.toml", d, ImageLoading::Decode, nullptr, &test::translations());
    REQUIRE(doc);
    Layout layout = *load_layout(test::repo_dir() + "/layouts/a4.toml", d);
    Diagnostics out;
    report_refused({{1, "", "", {}, Pt(720), Pt(360)}}, *doc, layout, out);
    REQUIRE(out.all().size() == 1);
    CHECK(out.all()[0].code == "layout.overflow");
    CHECK(out.all()[0].message ==
          "a part of section 'Heading 1' is taller than a whole page and cannot be placed: it is 720 pt (254 mm) tall, "
          "and a page of the a4 layout holds 360 pt (127 mm)");
    CHECK(out.all()[0].where.line == doc->sections[1].where.line);

    Unit cta;
    cta.furniture = "the call to action";
    cta.lines = {{Pt(100), {}}, {Pt(50), {}}};
    Diagnostics whole;
    CHECK_FALSE(refused_whole(cta, Pt(150), *doc, layout, whole));
    CHECK(whole.all().empty());
    layout.fold = Fold::Trifold;
    CHECK(refused_whole(cta, Pt(149), *doc, layout, whole));
    REQUIRE(whole.all().size() == 1);
    CHECK(whole.all()[0].message.rfind("the call to action is taller than a whole panel", 0) == 0);
}
