// The furniture around the content (src/layout/furniture.cpp): the cover band, the footer, the
// call to action, the language-assistance taglines and the notes page, each built alone and its
// items looked at: what they say, where they stand and what they are to a reader.
#include <catch2/catch.hpp>

#include "content/load_content.hpp"
#include "layout/furniture.hpp"
#include "style/layout.hpp"
#include "support.hpp"
#include "core/utf8.hpp"

#include <set>

using namespace leafpress;

namespace {

const text::FontChain& fonts() {
    static Diagnostics setup;
    static const text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    static const text::FontChain chain = *text::resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
    return chain;
}

// What a furniture function needs, for a leaflet given as TOML.
struct Setup {
    Diagnostics diags;
    std::optional<Document> doc;
    Brand brand;
    Layout layout;
    std::vector<FigureInfo> figures;
    text::TextContext ctx{fonts(), nullptr, {}};

    explicit Setup(const std::string& content, const std::string& layout_name = "a4") {
        doc = load_content_text(content, "c.toml", diags, ImageLoading::Decode, nullptr, &test::translations());
        brand.name = "Test Clinic";
        brand.phone = "(555) 010-0199";
        brand.tel = "tel:555-010-0199";
        brand.colors.primary = Color{0.1, 0.4, 0.4};
        layout = *load_layout(test::repo_dir() + "/layouts/" + layout_name + ".toml", diags);
    }
    Furnisher furnisher() { return {*doc, brand, layout, ctx, diags, figures}; }
};

const std::string kContent =
    "title = \"Living with lupus\"\nsubtitle = \"What patients should know\"\nsummary = \"A short summary.\"\n"
    "reviewed = 2026-10-01\n[[section]]\nheading = \"A\"\nbody = \"Text.\"\n";

std::vector<const GlyphRun*> runs(const std::vector<PageItem>& items, Role role) {
    std::vector<const GlyphRun*> out;
    for (const auto& i : items)
        if (const auto* g = std::get_if<GlyphRun>(&i); g && g->source.role == role) out.push_back(g);
    return out;
}

std::string text_of(const std::vector<const GlyphRun*>& rs) {
    std::u32string s;
    for (const auto* g : rs) s += g->text;
    return utf8::encode(s);
}

}  // namespace

TEST_CASE("furniture: the footer says clinic, phone and page N of M, the number at the far end of the line",
          "[furniture]") {
    Setup s(kContent);
    const Rect panel{Pt(0), Pt(0), s.layout.page.width, s.layout.page.height};
    const auto items = footer(s.furnisher(), panel, PageLabel::Number, 2, 5);
    const auto text = runs(items, Role::Footer);
    REQUIRE(text.size() >= 2);
    CHECK(text_of(text) == "Test Clinic \u00B7 Call (555) 010-0199Page 2 of 5");
    // Every item is the footer's (page furniture, with no Link item of its own), below the text
    // area, inside the margins.
    for (const auto& i : items) CHECK_FALSE(std::holds_alternative<Link>(i));
    const Pt left = s.layout.margins.left, right = panel.width - s.layout.margins.right;
    for (const auto& i : items) {
        if (const auto* g = std::get_if<GlyphRun>(&i)) {
            CHECK(g->source.role == Role::Footer);
            CHECK(g->origin.y > panel.height - s.layout.margins.bottom);
            CHECK(g->origin.x + g->left() >= left - Pt(0.01));
            CHECK(g->origin.x + g->right() <= right + Pt(0.01));
        }
    }
    // The page number ends at the right margin; the clinic starts at the left one.
    const GlyphRun* page = text.back();
    CHECK(utf8::encode(page->text) == "Page 2 of 5");
    CHECK((page->origin.x + page->right()).value() == Approx(right.value()).margin(0.01));
    CHECK(text.front()->origin.x.value() == Approx(left.value()).margin(0.01));
    // A rule above the text, as wide as the text area.
    const Rule* rule = std::get_if<Rule>(&items.front());
    REQUIRE(rule);
    CHECK(rule->from.x.value() == Approx(left.value()));
    CHECK(rule->to.x.value() == Approx(right.value()));
    CHECK(rule->from.y < page->origin.y);
    CHECK_FALSE(s.diags.has_errors());
}

TEST_CASE("furniture: without a page label the footer has no page number - a right-to-left leaflet starts at the right",
          "[furniture]") {
    Setup s(kContent);
    const Rect panel{Pt(0), Pt(0), s.layout.page.width, s.layout.page.height};
    CHECK(text_of(runs(footer(s.furnisher(), panel, PageLabel::None, 1, 1), Role::Footer)) ==
          "Test Clinic \u00B7 Call (555) 010-0199");

    Setup ar("title = \"عنوان\"\nlanguage = \"ar\"\n[[section]]\nbody = \"نص.\"\n");
    const auto line_items = footer(ar.furnisher(), panel, PageLabel::None, 1, 3);
    const auto both_items = footer(ar.furnisher(), panel, PageLabel::Number, 1, 3);
    const auto line = runs(line_items, Role::Footer), both = runs(both_items, Role::Footer);
    REQUIRE(both.size() > line.size());
    const Pt right = panel.width - ar.layout.margins.right;
    // The clinic's line ends at the right margin, the page number (the runs the label adds)
    // starts at the left one.
    Pt line_right{0}, label_left = panel.width;
    for (std::size_t k = 0; k < both.size(); ++k) {
        if (k < line.size())
            line_right = std::max(line_right, both[k]->origin.x + both[k]->right());
        else
            label_left = std::min(label_left, both[k]->origin.x + both[k]->left());
    }
    CHECK(line_right.value() == Approx(right.value()).margin(0.01));
    CHECK(label_left.value() == Approx(ar.layout.margins.left.value()).margin(0.01));
}

TEST_CASE(
    "furniture: a clinic name too long for one footer line goes above it - far too long, it is left out with a warning",
    "[furniture]") {
    Setup s(kContent);
    const Rect panel{Pt(0), Pt(0), s.layout.page.width, s.layout.page.height};
    s.brand.name =
        "The Northern Regional Rheumatology, Immunology and Autoimmune Disease Clinic of the Valley and the Coast, "
        "Incorporated";
    auto items = footer(s.furnisher(), panel, PageLabel::Number, 1, 2);
    auto text = runs(items, Role::Footer);
    // Two baselines: the name on the first, the phone and page number on the second.
    std::set<double> baselines;
    for (const auto* g : text) baselines.insert(g->origin.y.value());
    CHECK(baselines.size() == 2);
    CHECK(utf8::encode(text.front()->text) == s.brand.name);
    CHECK(s.diags.warning_count() == 0);

    s.brand.name = std::string(40, 'W') + " " + std::string(40, 'W');
    items = footer(s.furnisher(), panel, PageLabel::Number, 1, 2);
    CHECK(text_of(runs(items, Role::Footer)) == "Call (555) 010-0199Page 1 of 2");
    REQUIRE(s.diags.all().size() == 1);
    CHECK(s.diags.all()[0].code == "layout.footer");
}

TEST_CASE("furniture: the cover is a band in the primary colour from the top with the title in white, then the summary",
          "[furniture]") {
    Setup s(kContent);
    const Rect panel{Pt(0), Pt(0), s.layout.page.width, s.layout.page.height};
    const Cover c = cover(s.furnisher(), panel);
    REQUIRE_FALSE(c.items.empty());
    const Box* band = std::get_if<Box>(&c.items.front());
    REQUIRE(band);
    CHECK(band->rect.x == Pt(0));
    CHECK(band->rect.y == Pt(0));
    CHECK(band->rect.width == panel.width);
    CHECK(band->fill == s.brand.colors.primary);
    const auto title = runs(c.items, Role::Title);
    const auto subtitle = runs(c.items, Role::Subtitle);
    const auto summary = runs(c.items, Role::Summary);
    CHECK(text_of(title) == "Living with lupus");
    CHECK(text_of(subtitle) == "What patients should know");
    CHECK(text_of(summary) == "A short summary.");
    for (const auto* g : title) {
        CHECK(g->color == Color{1, 1, 1});
        CHECK(g->size == s.layout.type.title);
        CHECK(g->origin.y < band->rect.bottom());
    }
    // Title above subtitle inside the band; the summary below it; the content starts below all.
    CHECK(title.front()->origin.y < subtitle.front()->origin.y);
    CHECK(subtitle.back()->origin.y < band->rect.bottom());
    CHECK(summary.front()->origin.y > band->rect.bottom());
    CHECK(c.bottom > summary.back()->origin.y);
    CHECK(s.figures.empty());  // no logo, no figure
}

TEST_CASE("furniture: the call to action is one unit with the phone's tel: link, a QR code figure and the review dates",
          "[furniture]") {
    Setup s(kContent);
    s.brand.website = "example.org";
    s.brand.website_uri = "https://example.org";
    s.brand.disclaimer = "General information only.";
    const Unit u = call_to_action(s.furnisher(), Pt(400));
    CHECK(u.split == Split::Never);
    REQUIRE(u.lines.size() == 1);
    const auto& items = u.lines[0].items;
    std::string phone_link, website_link;
    std::string said;
    for (const auto& i : items)
        if (const auto* g = std::get_if<GlyphRun>(&i)) {
            if (utf8::encode(g->text) == "(555) 010-0199") phone_link = g->link;
            if (utf8::encode(g->text).rfind("example", 0) == 0) website_link = g->link;
            said += utf8::encode(g->text) + "|";
        }
    INFO(said);
    CHECK(phone_link == "tel:555-010-0199");
    CHECK(website_link == "https://example.org");
    CHECK(said.find("Questions? We are here to help.") != std::string::npos);
    CHECK(said.find("Reviewed October 1, 2026 \u00B7 Next review October 1, 2027. General information only.") !=
          std::string::npos);
    // The QR code's alternative text names what it opens.
    REQUIRE(s.figures.size() == 1);
    CHECK(s.figures[0].alt == "QR code: example.org");
    // The box first, as wide as asked, in the primary colour.
    const Box* box = std::get_if<Box>(&items.front());
    REQUIRE(box);
    CHECK(box->rect.width == Pt(400));
    CHECK(box->fill == s.brand.colors.primary);
}

TEST_CASE("furniture: the taglines are a heading kept with the first, then one unit each in its own language",
          "[furniture]") {
    Setup s(kContent);
    CHECK(language_help(s.furnisher(), Pt(400)).empty());
    s.brand.taglines = {{Language::parse("es"), "ATENCIÓN: llame al (555) 010-0199.", {}},
                        {Language::parse("ar"), "ملحوظة: اتصل برقم (555) 010-0199.", {}}};
    const auto units = language_help(s.furnisher(), Pt(400));
    REQUIRE(units.size() == 3);
    CHECK(units[0].keep_with_next);
    CHECK_FALSE(units[1].keep_with_next);
    for (std::size_t k = 1; k < 3; ++k) {
        CAPTURE(k);
        CHECK(units[k].split == Split::Never);
        CHECK(units[k].furniture == "the " + s.brand.taglines[k - 1].language.tag + " tagline");
        std::string said, link;
        for (const auto& l : units[k].lines)
            for (const auto& i : l.items)
                if (const auto* g = std::get_if<GlyphRun>(&i)) {
                    CHECK(g->source.role == Role::LanguageHelp);
                    CHECK(g->source.block == static_cast<int>(k - 1));
                    if (!g->link.empty()) link = g->link;
                }
        CHECK(link == "tel:555-010-0199");  // the number in a tagline dials too
    }
    CHECK(stacked_height(units) > Pt(0));
}

TEST_CASE("furniture: a notes page has its heading and ruled lines a handwriting line apart down to the area's foot",
          "[furniture]") {
    Setup s(kContent);
    const Rect area{Pt(50), Pt(60), Pt(300), Pt(400)};
    const auto items = notes_page(s.furnisher(), area);
    CHECK(text_of(runs(items, Role::Decoration)) == "Notes");
    std::vector<double> ys;
    for (const auto& i : items)
        if (const auto* r = std::get_if<Rule>(&i)) {
            ys.push_back(r->from.y.value());
            CHECK(r->from.x == area.x);
            CHECK(r->to.x == area.right());
            CHECK(r->source.role == Role::Decoration);
        }
    REQUIRE(ys.size() >= 10);
    const double gap = std::max(22.0, s.layout.type.body.value() * 1.9);
    for (std::size_t k = 1; k < ys.size(); ++k) CHECK(ys[k] - ys[k - 1] == Approx(gap));
    CHECK(ys.back() <= area.bottom().value() + 0.01);
    CHECK(ys.back() + gap > area.bottom().value() + 0.01);  // none missing at the foot
}

TEST_CASE("furniture: stacked height counts every line and the space between units, not before the first",
          "[furniture]") {
    Unit a, b;
    a.space_before = Pt(100);
    a.lines = {{Pt(10), {}}, {Pt(12), {}}};
    b.space_before = Pt(5);
    b.lines = {{Pt(7), {}}};
    CHECK(stacked_height({a, b}) == Pt(34));
    CHECK(stacked_height({}) == Pt(0));
}
