#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "content/load_content.hpp"
#include "layout/flow.hpp"
#include "style/layout.hpp"
#include "golden.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {
struct Built {
    LaidOut laid;
    Diagnostics diags;
};

Built build(const std::string& content, const std::string& layout_name = "a4", const std::string& path = "c.toml") {
    static Diagnostics setup;
    static const text::FontLibrary lib =
        text::FontLibrary::scan(test::fonts_dir(), setup, text::FontLibrary::System::Ignore);
    static const text::FontChain chain = *text::resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
    static const text::LazyHyphenator hyph{"en", "/usr/share/hyphen"};
    Built b;
    auto doc = load_content_text(content, path, b.diags);
    if (doc) doc->words = test::translations().words_for(doc->language);
    Brand brand;
    brand.name = "Test Clinic";
    brand.phone = "(555) 010-0199";
    brand.tel = "tel:555-010-0199";
    Layout layout = *load_layout(test::repo_dir() + "/layouts/" + layout_name + ".toml", b.diags);
    b.laid = flow(*doc, brand, layout, {chain, &hyph}, b.diags);
    return b;
}

std::string long_content(int sections, int paragraphs) {
    std::string s = "title = \"Long\"\n";
    for (int i = 0; i < sections; ++i) {
        s += "[[section]]\nheading = \"Heading " + std::to_string(i) + "\"\nbody = \"\"\"\n";
        for (int p = 0; p < paragraphs; ++p)
            s += "Paragraph " + std::to_string(p) +
                 " of a section that goes on for a while so that it needs several lines on the page, which lets "
                 "the flow split it between pages when the page is full.\n\n";
        s += "\"\"\"\n";
    }
    return s;
}

std::vector<const GlyphRun*> runs_with(const Page& p, Role role) {
    std::vector<const GlyphRun*> out;
    for (const auto& item : p.items)
        if (const auto* g = std::get_if<GlyphRun>(&item); g && g->source.role == role) out.push_back(g);
    return out;
}
}  // namespace

TEST_CASE("long content flows over pages, each with the phone in its footer", "[flow]") {
    auto b = build(long_content(8, 4));
    REQUIRE(b.laid.pages.size() >= 3);
    const std::string d = dump(b.laid);
    for (std::size_t i = 0; i < b.laid.pages.size(); ++i) {
        const auto footer = runs_with(b.laid.pages[i], Role::Footer);
        std::u32string text;
        for (const auto* g : footer) text += g->text;
        CAPTURE(i);
        CHECK(text.find(U"(555) 010-0199") != std::u32string::npos);
        CHECK(text.find(U"Page " + std::u32string(1, U'1' + static_cast<char32_t>(i)) + U" of ") !=
              std::u32string::npos);
    }
    // The call to action closes the last page.
    CHECK_FALSE(runs_with(b.laid.pages.back(), Role::CallToAction).empty());
    CHECK(b.laid.outline.size() == 8);
}

TEST_CASE("a heading is never the last thing in a frame", "[flow]") {
    for (int paragraphs : {1, 2, 3, 5}) {
        auto b = build(long_content(10, paragraphs));
        for (const auto& page : b.laid.pages) {
            // The lowest text that is not furniture must not be a heading.
            const GlyphRun* lowest = nullptr;
            for (const auto& item : page.items)
                if (const auto* g = std::get_if<GlyphRun>(&item))
                    if (g->source.role == Role::Heading || g->source.role == Role::Paragraph)
                        if (!lowest || g->origin.y > lowest->origin.y) lowest = g;
            REQUIRE(lowest);
            CHECK(lowest->source.role != Role::Heading);
        }
    }
}

TEST_CASE("no widows or orphans: paragraph pieces have two lines or more", "[flow]") {
    auto b = build(long_content(6, 5));
    for (std::size_t p = 0; p < b.laid.pages.size(); ++p) {
        std::map<std::pair<int, int>, std::set<double>> lines;  // (section, block) → baselines on this page
        for (const auto& item : b.laid.pages[p].items)
            if (const auto* g = std::get_if<GlyphRun>(&item); g && g->source.role == Role::Paragraph)
                lines[{g->source.section, g->source.block}].insert(g->origin.y.value());
        for (const auto& [block, ys] : lines) {
            CAPTURE(p, block.first, block.second);
            CHECK(ys.size() >= 2);
        }
    }
}

TEST_CASE("nothing is drawn outside the page", "[flow]") {
    auto b = build(long_content(4, 3));
    for (const auto& page : b.laid.pages)
        for (const auto& item : page.items)
            if (const auto* g = std::get_if<GlyphRun>(&item)) {
                CHECK(g->origin.x >= Pt(0));
                CHECK(g->origin.y <= page.size.height);
                CHECK(g->glyphs.back().x() + g->origin.x <= page.size.width);
            }
}

TEST_CASE("golden: the page model of a small leaflet, as text", "[flow][golden]") {
    // The dump is the readable form of the layout stage's output; a change in it is a change
    // in what gets printed. A difference fails with a line diff; LEAFPRESS_UPDATE_GOLDEN=1
    // prints the same diff and writes the file anew (tests/golden.hpp).
    auto b = build(
        "title = \"Golden\"\nsubtitle = \"A small leaflet\"\nsummary = \"Short summary.\"\n"
        "[[section]]\nheading = \"First\"\nbody = \"\"\"\nA paragraph with *emphasis*, **strong** words and a "
        "[link](https://example.org) that runs long enough to need a second line on the page.\n\n"
        "- One item\n- Two items\n  - Nested\n\"\"\"\n"
        "[[section]]\nheading = \"Note\"\nkind = \"callout\"\nbody = \"Office hours vary.\"\n");
    test::check_golden_file(test::data_dir() + "/golden/flow-a4.txt", dump(b.laid));
}

TEST_CASE("golden: a table and a figure in a4 and in letter's two columns", "[flow][golden]") {
    // The figure's picture is the test logo, found next to the content's (made-up) path.
    const std::string content =
        "title = \"Asthma plan\"\n[[section]]\nheading = \"Zones\"\nbody = \"\"\"\nCheck your zone every day.\n\n"
        "| Zone | What it means | What to do |\n|:--|:-:|--:|\n| Green | Breathing is good | Take your preventer |\n"
        "| Yellow | Coughing or wheezing | Use your reliever and call us |\n| Red | Very short of breath | Call 999 "
        "|\n\n"
        "![An inhaler held upright](logo.png \"Hold it upright.\")\n\nKeep this plan where you see it.\n\"\"\"\n";
    for (const char* layout : {"a4", "letter"}) {
        CAPTURE(layout);
        auto b = build(content, layout, test::data_dir() + "/c.toml");
        CHECK_FALSE(b.diags.has_errors());
        std::string got = dump(b.laid);
        // The picture's path depends on where the repository is.
        for (std::size_t at; (at = got.find(test::data_dir())) != std::string::npos;)
            got.replace(at, test::data_dir().size(), "DATA");
        test::check_golden_file(test::data_dir() + "/golden/table-figure-" + layout + ".txt", got);
    }
}

namespace {
// Records, as each page comes, whether the last section had been set by then (its missing glyph,
// U+E000 in no font, is reported when it is).
struct Watcher final : PageSink {
    const Diagnostics& diags;
    std::vector<bool> last_section_set;  // per page as it came
    int late = 0;
    explicit Watcher(const Diagnostics& d) : diags(d) {}
    void start(const DocumentStart&) override {}
    void page(const Page& page) override {
        CHECK(runs_with(page, Role::Footer).empty());  // the footer comes with the end
        last_section_set.push_back(std::any_of(diags.all().begin(), diags.all().end(),
                                               [](const Diagnostic& d) { return d.code == "text.missing-glyph"; }));
    }
    void end(const DocumentEnd& end) override {
        for (const auto& items : end.late) late += !items.empty();
    }
};
}  // namespace

TEST_CASE("pages are given as they are finished, before the rest is laid out, and footers at the end", "[flow]") {
    for (const char* layout_name : {"a4", "letter"}) {
        INFO(layout_name);
        std::string content = long_content(12, 4);
        content += "[[section]]\nheading = \"Last\"\nbody = \"The end \\uE000.\"\n";
        static Diagnostics setup;
        static const text::FontLibrary lib =
            text::FontLibrary::scan(test::fonts_dir(), setup, text::FontLibrary::System::Ignore);
        static const text::FontChain chain = *text::resolve_fonts("Noto Sans", {}, lib, {}, setup);
        Diagnostics d;
        auto doc = load_content_text(content, "c.toml", d);
        REQUIRE(doc);
        doc->words = test::translations().words_for(doc->language);
        Brand brand;
        brand.name = "Test Clinic";
        brand.phone = "(555) 010-0199";
        brand.tel = "tel:555-010-0199";
        Layout layout = *load_layout(test::repo_dir() + "/layouts/" + layout_name + ".toml", d);
        Watcher w(d);
        flow(*doc, brand, layout, {chain, nullptr}, d, w);
        REQUIRE(w.last_section_set.size() >= 3);
        CHECK_FALSE(w.last_section_set.front());  // page 1 went before the last section was set
        CHECK(w.last_section_set.back());
        CHECK(w.late == static_cast<int>(w.last_section_set.size()));  // a footer for every page
    }
}

TEST_CASE("a list's indent is the layout's list_indent times the body size", "[flow][layout]") {
    // The same list in a4 and in a4 with twice the indent: the item's text starts a body size
    // times 1.4 further in.
    static Diagnostics setup;
    static const text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    static const text::FontChain chain = *text::resolve_fonts("Noto Sans", {}, lib, {}, setup);
    const std::string content =
        "title = \"T\"\n[[section]]\nheading = \"H\"\nbody = \"- first item\\n- second item\"\n";
    const auto item_x = [&](const std::string& extra) {
        Diagnostics d;
        auto doc = load_content_text(content, "c.toml", d);
        REQUIRE(doc);
        doc->words = test::translations().words_for(doc->language);
        std::ifstream in(test::repo_dir() + "/layouts/a4.toml");
        const std::string a4((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Layout layout = *load_layout_text(a4 + extra, "a4.toml", d);
        Brand brand;
        brand.name = "Clinic";
        brand.phone = "(555) 010-0199";
        const LaidOut laid = flow(*doc, brand, layout, {chain, nullptr}, d);
        const auto items = runs_with(laid.pages.front(), Role::ListItem);
        REQUIRE_FALSE(items.empty());
        return std::make_pair(items.front()->origin.x, layout.type.body);
    };
    const auto [x, body] = item_x("");
    const auto [wide_x, wide_body] = item_x("\n[sections]\nlist_indent = 2.8\n");
    CHECK((wide_x - x).value() == Approx((body * 1.4).value()));
}
