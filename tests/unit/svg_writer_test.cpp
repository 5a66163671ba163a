// The contact sheet's SVG thumbnails, drawn from the page model: sizes as a PNG's at the same
// resolution, shapes where the model puts them, small text greeked and larger text as text,
// pictures shrunk and embedded.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "model/page.hpp"
#include "output/writer.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

const text::Face* noto(FontStyle style = FontStyle::Regular) {
    static Diagnostics d;
    static const text::FontLibrary lib =
        text::FontLibrary::scan(test::fonts_dir(), d, text::FontLibrary::System::Ignore);
    return lib.find("Noto Sans", style);
}

// A run of `text` at `size`, each character 0.5 em wide.
GlyphRun run(const std::u32string& text, Pt size, Point at, Color color = {0, 0, 0}) {
    GlyphRun g{noto(FontStyle::Bold), size, color, at, {}, {Role::Paragraph}};
    Pt x{0};
    for (char32_t c : text) {
        g.add(1, x, Pt(0), size * 0.5, std::u32string(1, c));
        x += size * 0.5;
    }
    return g;
}

std::string draw(const std::vector<PageItem>& items, Size size = {Pt(595.27557), Pt(841.88977)}) {
    LaidOut doc;
    doc.pages.push_back({size, items});
    Diagnostics d;
    auto out = output::SvgWriter({18}).write(std::move(doc), d);
    REQUIRE(out);
    REQUIRE(out->files.size() == 1);
    return {out->files[0].begin(), out->files[0].end()};
}

}  // namespace

TEST_CASE("svg thumbnails: a side's size, and each kind of item", "[svg]") {
    struct Case {
        const char* what;
        std::vector<PageItem> items;
        const char* expected;  // a regular expression the SVG must hold
    };
    auto grid =
        CellGrid{{Pt(100), Pt(200), Pt(30), Pt(20)}, 3, 2, {1, 1, 0, 0, 1, 0}, Color{0, 0, 0}, {Role::CallToAction}};
    const std::vector<Case> cases = {
        {"A4 at 18 dpi: as many pixels as pdftoppm's PNG",
         {},
         "^<svg [^>]*width=\"149\" height=\"211\" viewBox=\"0 0 595.3 841.9\">"
         "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"},
        {"a filled box",
         {Box{{Pt(0), Pt(0), Pt(595.3), Pt(155.4)},
              Color{14 / 255.0, 110 / 255.0, 110 / 255.0},
              std::nullopt,
              Pt(0),
              {}}},
         "<rect x=\"0\" y=\"0\" width=\"595.3\" height=\"155.4\" fill=\"#0e6e6e\"/>"},
        {"a rule",
         {Rule{{Pt(56.7), Pt(600)}, {Pt(538.6), Pt(600)}, Pt(0.75), Color{1, 0, 0}, {}}},
         "<path d=\"M56.7 600L538.6 600\" stroke=\"#ff0000\" stroke-width=\"0.8\"/>"},
        {"12 pt text (3 px): a light bar per word",
         {run(U"ab cd", Pt(12), {Pt(50), Pt(100)}, Color{0, 0, 0})},
         "<path fill=\"#808080\" d=\"M50 94h12v6h-12zM68 94h12v6h-12z\"/>"},
        {"28 pt text (7 px): text, stretched to its width, spaces at its ends left out",
         {run(U"Title ", Pt(28), {Pt(50), Pt(100)}, Color{1, 1, 1})},
         "<text x=\"50\" y=\"100\" font-family=\"Noto Sans,sans-serif\" font-size=\"28\" font-weight=\"bold\" "
         "fill=\"#ffffff\" "
         "textLength=\"70\" lengthAdjust=\"spacingAndGlyphs\">Title</text>"},
        {"markup in text is escaped", {run(U"<b>&", Pt(28), {Pt(50), Pt(100)})}, ">&lt;b&gt;&amp;</text>"},
        {"a QR code's cells: one path of rectangles",
         {grid},
         "<path fill=\"#000000\" d=\"M100 200h20v10h-20zM110 210h10v10h-10z\"/>"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const std::string svg = draw(c.items);
        INFO(svg);
        CHECK(std::regex_search(svg, std::regex(c.expected)));
        CHECK(svg.rfind("</svg>") == svg.size() - 6);
    }
}

TEST_CASE("svg thumbnails: a picture is shrunk to twice the thumbnail's pixels and embedded as a PNG", "[svg]") {
    auto raster = std::make_shared<Raster>();
    raster->width = 400;
    raster->height = 200;
    raster->channels = 3;
    raster->pixels.assign(400 * 200 * 3, 200);
    const std::string svg = draw({Image{{Pt(100), Pt(100), Pt(80), Pt(40)}, raster, "logo.png", {}}});
    // 80 x 40 pt at 18 dpi is 20 x 10 pixels: embedded at 40 x 20.
    std::smatch m;
    REQUIRE(std::regex_search(
        svg, m,
        std::regex("<image x=\"100\" y=\"100\" width=\"80\" height=\"40\" "
                   "preserveAspectRatio=\"none\" href=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"/>")));
    CHECK(m[1].str().rfind("iVBORw0KGgo", 0) == 0);  // a PNG's signature
    CHECK(m[1].str().size() < 400);                  // of 40 x 20 pixels, not 400 x 200
}

TEST_CASE("svg thumbnails: a picture with an EXIF orientation is drawn upright", "[svg][exif]") {
    // Stored 8 x 4, orientation 6: seen 4 wide and 8 tall, the stored top-left at the top right.
    auto r = std::make_shared<Raster>();
    r->width = 8;
    r->height = 4;
    r->pixels.assign(8 * 4 * 3, 128);
    r->orientation = 6;
    const std::string svg = draw({Image{{Pt(100), Pt(200), Pt(40), Pt(80)}, r, "pic.jpg", {Role::Figure}}});
    std::smatch m;
    REQUIRE(
        std::regex_search(svg, m, std::regex("<image width=\"1\" height=\"1\" transform=\"matrix\\(([-0-9. ]+)\\)\"")));
    std::istringstream in(m[1].str());
    double a, b, c, d, e, f;
    in >> a >> b >> c >> d >> e >> f;
    const auto at = [&](double u, double v) { return std::pair{a * u + c * v + e, b * u + d * v + f}; };
    CHECK(at(0, 0) == std::pair{140.0, 200.0});  // stored top left: seen top right
    CHECK(at(1, 0) == std::pair{140.0, 280.0});  // stored top right: seen bottom right
    CHECK(at(0, 1) == std::pair{100.0, 200.0});  // stored bottom left: seen top left
}
