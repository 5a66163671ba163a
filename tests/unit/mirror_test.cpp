// Right-to-left tables and trifolds mirrored, a booklet's padding pages used (a back cover with
// the call to action, notes pages), and cover titles broken only between words (issue 21).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "content/load_content.hpp"
#include "layout/flow.hpp"
#include "layout/labels.hpp"
#include "style/layout.hpp"
#include "support.hpp"
#include "system_fonts.hpp"

using namespace leafpress;

namespace {

struct Built {
    LaidOut laid;
    Diagnostics diags;
    Layout layout;
};

Built build(const std::string& content, const std::string& layout_name, const std::string& language = "en") {
    static Diagnostics setup;
    static const text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    static const text::FontChain chain = *text::resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
    const text::LazyHyphenator hyph{language, "/usr/share/hyphen"};
    Built b;
    auto doc = load_content_text(content, "c.toml", b.diags);
    REQUIRE(doc);
    doc->words = test::translations().words_for(doc->language);
    Brand brand;
    brand.name = "Test Clinic";
    brand.phone = "(555) 010-0199";
    brand.tel = "tel:555-010-0199";
    b.layout = *load_layout(test::repo_dir() + "/layouts/" + layout_name + ".toml", b.diags);
    b.laid = flow(*doc, brand, b.layout, {chain, &hyph}, b.diags);
    return b;
}

std::vector<const GlyphRun*> runs_with(const Page& p, Role role) {
    std::vector<const GlyphRun*> out;
    for (const auto& item : p.items)
        if (const auto* g = std::get_if<GlyphRun>(&item); g && g->source.role == role) out.push_back(g);
    return out;
}

Pt left_of(const GlyphRun& g) { return g.origin.x + g.left(); }
Pt right_of(const GlyphRun& g) { return g.origin.x + g.right(); }

struct Extent {
    Pt left{1e9}, right{-1e9};
};

// Each table cell's ink extent, by (row, column).
std::map<std::pair<int, int>, Extent> cells(const LaidOut& laid) {
    std::map<std::pair<int, int>, Extent> out;
    for (const auto& page : laid.pages)
        for (const auto& item : page.items)
            if (const auto* g = std::get_if<GlyphRun>(&item);
                g && (g->source.role == Role::TableCell || g->source.role == Role::TableHeader)) {
                Extent& e = out[{g->source.row, g->source.column}];
                e.left = std::min(e.left, left_of(*g));
                e.right = std::max(e.right, right_of(*g));
            }
    return out;
}

std::string table_leaflet(const std::string& language, const std::string& table) {
    return "title = \"T\"\nlanguage = \"" + language + "\"\n[[section]]\nheading = \"H\"\nbody = \"\"\"\n" + table +
           "\"\"\"\n";
}

}  // namespace

TEST_CASE("a right-to-left table: first column on the right, alignment mirrored and one per column",
          "[mirror][system-fonts]") {
    test::require_system_fonts({{"Noto Sans Hebrew", "fonts-noto-core"}});
    // Column 1 "---" (start), column 2 ":-:" (centre), column 3 "--:" (end); cells in Hebrew and
    // in Latin letters and digits, whose own direction differs.
    const std::string table =
        "| תרופה | מינון | הערות |\n|---|:-:|--:|\n| אקמול | 500 mg | עם האוכל |\n"
        "| Ibuprofen 200 | פעמיים ביום | 12 h |\n| אספירין | 1 | לא לילדים |\n";
    for (const std::string language : {"he", "en"}) {
        CAPTURE(language);
        const bool rtl = language == "he";
        auto b = build(table_leaflet(language, table), "a4", language);
        CHECK_FALSE(b.diags.has_errors());
        const auto c = cells(b.laid);
        REQUIRE(c.size() == 12);
        for (int r = 0; r < 4; ++r) {
            CAPTURE(r);
            // Columns follow the leaflet's direction.
            if (rtl) {
                CHECK(c.at({r, 0}).left > c.at({r, 1}).right);
                CHECK(c.at({r, 1}).left > c.at({r, 2}).right);
            } else {
                CHECK(c.at({r, 0}).right < c.at({r, 1}).left);
                CHECK(c.at({r, 1}).right < c.at({r, 2}).left);
            }
            // Every cell of a column aligned as its first: the start column at the start side,
            // the end column at the other, the centre column centred.
            const auto& s0 = rtl ? c.at({0, 0}).right : c.at({0, 0}).left;
            const auto& s = rtl ? c.at({r, 0}).right : c.at({r, 0}).left;
            CHECK(s.value() == Approx(s0.value()).margin(0.01));
            const auto mid = [&](int row) { return (c.at({row, 1}).left + c.at({row, 1}).right).value() / 2; };
            CHECK(mid(r) == Approx(mid(0)).margin(0.01));
            const auto& e0 = rtl ? c.at({0, 2}).left : c.at({0, 2}).right;
            const auto& e = rtl ? c.at({r, 2}).left : c.at({r, 2}).right;
            CHECK(e.value() == Approx(e0.value()).margin(0.01));
        }
        // Read (and tagged) first column first.
        std::vector<int> order;
        for (const auto* g : runs_with(b.laid.pages[0], Role::TableCell))
            if (g->source.row == 1) order.push_back(g->source.column);
        REQUIRE_FALSE(order.empty());
        CHECK(std::is_sorted(order.begin(), order.end()));
        CHECK(order.front() == 0);
    }
}

namespace {
std::string trifold_leaflet(const std::string& language, const std::string& title, const std::string& text) {
    std::string s = "title = \"" + title + "\"\nlanguage = \"" + language + "\"\n";
    for (int i = 0; i < 8; ++i) {
        s += "[[section]]\nheading = \"" + title + " " + std::to_string(i + 1) + "\"\nbody = \"\"\"\n";
        for (int p = 0; p < 2; ++p) s += text + "\n\n";
        s += "\"\"\"\n";
    }
    return s;
}

// The panel (0, 1, 2 from the left) a run is in.
int panel_of(const GlyphRun& g, const Layout& L) {
    return static_cast<int>(((left_of(g) + right_of(g)) / 2.0).value() / L.panel_width().value());
}
}  // namespace

TEST_CASE("a right-to-left trifold is the mirror image: cover on the left, the inside read from the right",
          "[mirror][system-fonts]") {
    test::require_system_fonts({{"Noto Sans Hebrew", "fonts-noto-core"}});
    const struct {
        const char* language;
        const char* title;
        const char* text;
    } cases[] = {
        {"en", "Living with lupus",
         "Lupus is a long-term condition that causes inflammation in the body and can affect many organs."},
        {"he", "לחיות עם זאבת", "זאבת היא מחלה כרונית הגורמת לדלקת בגוף ויכולה לפגוע באיברים רבים ובמפרקים."},
        {"ur", "لوپس کے ساتھ زندگی",
         "لوپس ایک طویل مدتی بیماری ہے جو جسم میں سوزش پیدا کرتی ہے اور کئی اعضاء کو متاثر کر سکتی ہے۔"},
    };
    for (const auto& k : cases) {
        CAPTURE(k.language);
        const bool rtl = std::string(k.language) != "en";
        auto b = build(trifold_leaflet(k.language, k.title, k.text), "trifold", k.language);
        CHECK_FALSE(b.diags.has_errors());
        REQUIRE(b.laid.pages.size() == 2);
        const Layout& L = b.layout;
        // Outside: the cover on the right panel (left-to-right) or the left (right-to-left);
        // the call to action in the middle; the flap, where the content starts, opposite the cover.
        const int cover = rtl ? 0 : 2, flap = 2 - cover;
        for (const auto* g : runs_with(b.laid.pages[0], Role::Title)) CHECK(panel_of(*g, L) == cover);
        const auto cta = runs_with(b.laid.pages[0], Role::CallToAction);
        REQUIRE_FALSE(cta.empty());
        for (const auto* g : cta) CHECK(panel_of(*g, L) == 1);
        const auto outside = runs_with(b.laid.pages[0], Role::Heading);
        REQUIRE_FALSE(outside.empty());
        for (const auto* g : outside) CHECK(panel_of(*g, L) == flap);
        for (const auto* g : runs_with(b.laid.pages[0], Role::Footer)) CHECK(panel_of(*g, L) != cover);
        // Inside: the sections go panel by panel in the leaflet's direction.
        const auto inside = runs_with(b.laid.pages[1], Role::Heading);
        REQUIRE(inside.size() >= 3);
        int previous = -1;
        std::vector<int> panels;
        for (const auto* g : inside) {
            CHECK(g->source.section >= previous);  // in reading order
            previous = g->source.section;
            panels.push_back(rtl ? 2 - panel_of(*g, L) : panel_of(*g, L));
        }
        CHECK(std::is_sorted(panels.begin(), panels.end()));
        CHECK(panels.front() == 0);
        CHECK(panels.back() == 2);
        // Folded the same way: folds at the thirds, turned on the short edge.
        REQUIRE(b.laid.sheet.folds.size() == 2);
        CHECK(b.laid.sheet.folds[0].value() == Approx(L.panel_width().value()));
        CHECK(b.laid.sheet.duplex == Duplex::FlipShortEdge);
    }
}

namespace {
std::string booklet_leaflet(int sections) {
    std::string s = "title = \"Booklet\"\n";
    for (int i = 0; i < sections; ++i)
        s += "[[section]]\nheading = \"Part " + std::to_string(i) +
             "\"\nbody = \"\"\"\n"
             "A paragraph of the booklet that runs over a few lines, so that the sections fill the pages one by one "
             "and the number of pages grows with them, a little at a time.\n\"\"\"\n";
    return s;
}

bool has_content(const Page& p) {
    for (const auto& item : p.items)
        if (const auto* g = std::get_if<GlyphRun>(&item);
            g &&
            (g->source.role == Role::Paragraph || g->source.role == Role::Heading || g->source.role == Role::Title))
            return true;
    return false;
}

std::u32string text_of(const std::vector<const GlyphRun*>& runs) {
    std::u32string t;
    for (const auto* g : runs) t += g->text;
    return t;
}
}  // namespace

TEST_CASE("a booklet's padding pages are used: the call to action on the back cover, notes pages between", "[mirror]") {
    std::map<int, int> seen;  // pages of content → leaflets
    for (int sections = 6; sections <= 40; sections += 2) {
        CAPTURE(sections);
        auto b = build(booklet_leaflet(sections), "booklet");
        CHECK_FALSE(b.diags.has_errors());
        const auto& pages = b.laid.pages;
        int content = 0;
        for (const auto& p : pages) content += has_content(p) ? 1 : 0;
        ++seen[content];
        CAPTURE(content, pages.size());
        // Whole sheets, with no blank slot on any side.
        CHECK(pages.size() % 4 == 0);
        REQUIRE(b.laid.imposition);
        for (const auto& side : b.laid.imposition->sides)
            for (const auto& slot : side) CHECK(slot.page >= 0);
        // The back cover (the last page) has the call to action.
        CHECK_FALSE(runs_with(pages.back(), Role::CallToAction).empty());
        for (std::size_t i = 0; i < pages.size(); ++i) {
            CAPTURE(i);
            // Every page has the phone in its footer; none is blank.
            CHECK(text_of(runs_with(pages[i], Role::Footer)).find(U"(555) 010-0199") != std::u32string::npos);
            const bool cta = !runs_with(pages[i], Role::CallToAction).empty();
            if (has_content(pages[i]) || cta) continue;
            // What is neither content nor the call to action is a notes page: its heading and lines.
            CHECK(text_of(runs_with(pages[i], Role::Decoration)) == U"Notes");
            CHECK(std::count_if(pages[i].items.begin(), pages[i].items.end(),
                                [](const PageItem& it) { return std::holds_alternative<Rule>(it); }) >= 10);
        }
    }
    // The sizes asked for: five and six pages of content among them.
    CHECK(seen.count(5) == 1);
    CHECK(seen.count(6) == 1);
}

TEST_CASE("Notes has its own word in every language with labels", "[mirror][labels]") {
    for (const char* tag : {"en",      "es", "fr", "pt", "de", "it", "pl", "ru", "uk", "vi", "tl", "hmn", "zh-Hans",
                            "zh-Hant", "ja", "ko", "hy", "ar", "fa", "he", "hi", "pa", "th", "km", "nl"}) {
        CAPTURE(tag);
        const Language l = Language::parse(tag);
        REQUIRE(test::translations().has(l));
        const Labels words = test::translations().words_for(l).labels;
        CHECK_FALSE(words.notes.empty());
        if (std::string(tag) != "en" && std::string(tag) != "fr") CHECK(words.notes != "Notes");
    }
}

namespace {
// The cover title's lines, each as its text, top to bottom, and whether it ends with a hyphen.
struct TitleLine {
    std::u32string text;
    bool hyphen = false;
};
std::vector<TitleLine> title_lines(const LaidOut& laid) {
    std::map<double, TitleLine> by_y;
    for (const auto* g : runs_with(laid.pages[0], Role::Title)) {
        TitleLine& l = by_y[g->origin.y.value()];
        for (const auto& pg : g->glyphs)
            if (pg.kind == text::GlyphKind::Hyphen)
                l.hyphen = true;
            else
                l.text += g->text_of(pg);
    }
    std::vector<TitleLine> out;
    for (auto& [y, l] : by_y) out.push_back(l);
    return out;
}
}  // namespace

TEST_CASE("a cover title breaks between words or at a hyphen, else is set smaller, never inside a word",
          "[mirror][system-fonts]") {
    test::require_system_fonts({{"Noto Sans Tamil", "fonts-noto-core"}, {"Noto Sans Devanagari", "fonts-noto-core"}});
    // Long Tamil words (no hyphenation points inside them, where the vowel signs are spacing
    // marks); a Hindi one; a long English one, which English patterns hyphenate.
    const struct {
        const char* language;
        const char* title;
    } cases[] = {
        {"ta", "நோயெதிர்ப்புக்குறைபாடு பற்றிய தகவல்"},
        {"hi", "स्वप्रतिरक्षीरोगप्रतिरोधकक्षमतासंबंधी जानकारी"},
        {"en", "Immunosuppressantmedications explained"},
    };
    for (const char* layout : {"trifold", "a4"}) {
        for (const auto& k : cases) {
            CAPTURE(layout, k.language);
            auto b = build("title = \"" + std::string(k.title) + "\"\nlanguage = \"" + k.language +
                               "\"\n[[section]]\nbody = \"Text.\"\n",
                           layout, k.language);
            CHECK_FALSE(b.diags.has_errors());
            for (const auto& d : b.diags.all()) CHECK(d.code != "text.overlong-word");
            const auto lines = title_lines(b.laid);
            REQUIRE_FALSE(lines.empty());
            // The lines, joined by a space where a line ends whole and by nothing at a hyphen,
            // give the title back: no line ends inside a word.
            std::u32string joined;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                std::u32string t = lines[i].text;
                while (!t.empty() && t.back() == U' ') t.pop_back();
                joined += t;
                if (i + 1 < lines.size() && !lines[i].hyphen) joined += U' ';
            }
            std::u32string want;
            for (const char* p = k.title; *p;) {  // UTF-8 to UTF-32, enough for these titles
                const auto c = static_cast<unsigned char>(*p);
                const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                char32_t v = n == 1 ? c : c & (0xFF >> (n + 1));
                for (int i = 1; i < n; ++i) v = (v << 6) | (static_cast<unsigned char>(p[i]) & 0x3F);
                want += v;
                p += n;
            }
            CHECK(joined == want);
        }
    }
}

TEST_CASE("a title word too wide even at the smallest title size is an error at the title", "[mirror]") {
    auto b =
        build("title = \"1234567890123456789012345678901234567890123456789012345\"\n[[section]]\nbody = \"Text.\"\n",
              "trifold");
    bool found = false;
    for (const auto& d : b.diags.all())
        if (d.code == "layout.title") {
            found = true;
            CHECK(d.where.line == 1);
        }
    CHECK(found);
}
