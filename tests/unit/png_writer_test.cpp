// The output writers over the page model: PNG pictures drawn with cairo (sizes as pdftoppm's,
// colours and shapes where the model puts them, glyphs on the page), the dump writer, and the
// pipeline choosing a writer by format.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/image.hpp"
#include "model/page.hpp"
#include "output/writer.hpp"
#include "pipeline/build.hpp"
#include "support.hpp"
#include "text/shape.hpp"

using namespace leafpress;

namespace {

Raster decoded(const std::vector<std::uint8_t>& png) {
    const auto img = decode_image(std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
    REQUIRE(img.raster);
    return *img.raster;
}

std::array<int, 3> pixel(const Raster& r, int x, int y) {
    const std::size_t i =
        (static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) *
        static_cast<std::size_t>(r.channels);
    if (r.channels == 1) return {r.pixels[i], r.pixels[i], r.pixels[i]};
    return {r.pixels[i], r.pixels[i + 1], r.pixels[i + 2]};
}

// The shipped lupus leaflet, to build with the repository's layouts and fonts.
BuildRequest lupus() {
    BuildRequest request;
    request.content = test::repo_dir() + "/content/lupus.toml";
    request.today = {2026, 11, 25};
    return request;
}

LaidOut one_page(Size size) {
    LaidOut doc;
    doc.pages.push_back({size, {}});
    return doc;
}

}  // namespace

TEST_CASE("png writer: a side is as many pixels as pdftoppm makes of it", "[png]") {
    Diagnostics d;
    // A4 at 60 dpi: 496.06 x 701.57 pixels, rounded up as poppler does.
    const auto a4 = output::PngWriter({60}).write(one_page({Pt(595.27557), Pt(841.88977)}), d);
    REQUIRE(a4);
    REQUIRE(a4->files.size() == 1);
    const Raster r = decoded(a4->files[0]);
    CHECK(r.width == 497);
    CHECK(r.height == 702);
    // A whole number of pixels stays whole: US letter at 60 dpi is 510 x 660.
    const auto letter = output::PngWriter({60}).write(one_page({Pt(612), Pt(792)}), d);
    REQUIRE(letter);
    const Raster l = decoded(letter->files[0]);
    CHECK(l.width == 510);
    CHECK(l.height == 660);
    // Blank paper is white.
    CHECK(pixel(l, 5, 5) == std::array<int, 3>{255, 255, 255});
}

TEST_CASE("png writer: boxes and rules in their colours where the model puts them", "[png]") {
    LaidOut doc = one_page({Pt(144), Pt(144)});  // 2 x 2 inches: 144 x 144 pixels at 72 dpi
    Box band;
    band.rect = {Pt(0), Pt(0), Pt(144), Pt(36)};
    band.fill = Color{14 / 255.0, 110 / 255.0, 110 / 255.0};
    doc.pages[0].items.emplace_back(band);
    Rule rule;
    rule.from = {Pt(10), Pt(100)};
    rule.to = {Pt(130), Pt(100)};
    rule.thickness = Pt(4);
    rule.color = Color{1, 0, 0};
    doc.pages[0].items.emplace_back(rule);
    Diagnostics d;
    const auto out = output::PngWriter({72}).write(std::move(doc), d);
    REQUIRE(out);
    const Raster r = decoded(out->files[0]);
    CHECK(pixel(r, 70, 18) == std::array<int, 3>{14, 110, 110});   // inside the band
    CHECK(pixel(r, 70, 50) == std::array<int, 3>{255, 255, 255});  // below it
    CHECK(pixel(r, 70, 99) == std::array<int, 3>{255, 0, 0});      // on the rule (y 98..102)
    CHECK(pixel(r, 5, 99) == std::array<int, 3>{255, 255, 255});   // left of where it starts
}

TEST_CASE("png writer: each glyph's ink is where its outline's box is, and nowhere else", "[png]") {
    // Three glyphs set apart on a blank page: the dark pixels near each must fill the box
    // glyph_ink gives for it (to a pixel and a half), and no dark pixel may lie outside them.
    Diagnostics setup;
    const auto lib = text::FontLibrary::scan(test::fonts_dir(), setup, text::FontLibrary::System::Ignore);
    const text::Face& face = *lib.find("Noto Sans", FontStyle::Regular);
    const std::u32string chars = U"HgT";
    const auto shaped = text::shape({chars, 0, chars.size(), &face, Pt(36), text::Direction::LeftToRight, "en"});
    REQUIRE(shaped.size() == 3);
    LaidOut doc = one_page({Pt(200), Pt(80)});
    GlyphRun run;
    run.face = &face;
    run.size = Pt(36);
    run.origin = {Pt(12), Pt(50)};
    for (std::size_t i = 0; i < shaped.size(); ++i)
        run.add(shaped[i].gid, Pt(60.0 * static_cast<double>(i)), Pt(0), shaped[i].advance, chars.substr(i, 1));
    doc.pages[0].items.emplace_back(run);
    Diagnostics d;
    const auto out = output::PngWriter({72}).write(std::move(doc), d);
    REQUIRE(out);
    const Raster r = decoded(out->files[0]);
    const auto dark = [&](int x, int y) { return pixel(r, x, y)[0] < 128; };
    struct InkBox {
        double left, top, right, bottom;  // pixels, y down
    };
    std::vector<InkBox> boxes;
    for (std::size_t i = 0; i < shaped.size(); ++i) {
        const auto ink = text::glyph_ink(face, shaped[i].gid, Pt(36));
        REQUIRE_FALSE(ink.empty);
        const double x0 = 12 + 60.0 * static_cast<double>(i);
        boxes.push_back({x0 + ink.left.value(), 50 - ink.top.value(), x0 + ink.right.value(), 50 - ink.bottom.value()});
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        CAPTURE(i);
        const InkBox& b = boxes[i];
        // The dark pixels in this glyph's stretch of the page, and the box they make.
        int left = r.width, right = -1, top = r.height, bottom = -1;
        for (int y = 0; y < r.height; ++y)
            for (int x = static_cast<int>(b.left) - 8; x <= static_cast<int>(b.right) + 8; ++x)
                if (dark(x, y))
                    left = std::min(left, x), right = std::max(right, x), top = std::min(top, y),
                    bottom = std::max(bottom, y);
        REQUIRE(right >= 0);
        CHECK(std::abs(left - b.left) <= 1.5);
        CHECK(std::abs(right + 1 - b.right) <= 1.5);
        CHECK(std::abs(top - b.top) <= 1.5);
        CHECK(std::abs(bottom + 1 - b.bottom) <= 1.5);
    }
    int stray = 0;
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x) {
            const bool inside = std::any_of(boxes.begin(), boxes.end(), [&](const InkBox& b) {
                return x >= b.left - 2 && x <= b.right + 1 && y >= b.top - 2 && y <= b.bottom + 1;
            });
            stray += !inside && pixel(r, x, y) != std::array<int, 3>{255, 255, 255};
        }
    CHECK(stray == 0);
}

TEST_CASE("png writer: one picture per printed side, a booklet's sides landscape", "[png]") {
    Diagnostics setup;
    Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, setup);
    BuildRequest request = lupus();
    request.format = Format::Png;
    request.dpi = 72;
    BuildResult a4 = build_leaflet(request, engine);
    INFO(test::messages(a4.diags));
    REQUIRE(a4.output);
    CHECK(static_cast<int>(a4.output->files.size()) == a4.pages);
    // A booklet's pictures are its sheets' sides, landscape, as its PDF's pages are.
    request.layout = "booklet";
    BuildResult booklet = build_leaflet(request, engine);
    REQUIRE(booklet.output);
    CHECK(static_cast<int>(booklet.output->files.size()) == booklet.sides);
    const Raster side = decoded(booklet.output->files[0]);
    CHECK(side.width > side.height);
}

TEST_CASE("the pipeline writes the format asked for, and thumbnails beside the PDF", "[png]") {
    Diagnostics setup;
    Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, setup);
    BuildRequest request = lupus();
    request.thumbnail_dpi = 18;
    BuildResult pdf = build_leaflet(request, engine);
    REQUIRE(pdf.output);
    REQUIRE(pdf.output->files.size() == 1);
    CHECK(std::string(pdf.output->files[0].begin(), pdf.output->files[0].begin() + 5) == "%PDF-");
    CHECK(static_cast<int>(pdf.thumbnails.size()) == pdf.pages);
    const std::string svg(pdf.thumbnails[0].begin(), pdf.thumbnails[0].end());
    CHECK(svg.find("<svg ") == 0);
    CHECK(svg.find("width=\"149\" height=\"211\"") != std::string::npos);  // A4 at 18 dpi
    request.format = Format::Dump;
    request.thumbnail_dpi = 0;
    BuildResult dump = build_leaflet(request, engine);
    REQUIRE(dump.output);
    const std::string text(dump.output->files[0].begin(), dump.output->files[0].end());
    CHECK(text.rfind("page 1 ", 0) == 0);
    CHECK(dump.thumbnails.empty());
}

TEST_CASE("png writer: a resolution out of range is an error, not a huge picture", "[png]") {
    Diagnostics d;
    CHECK_FALSE(output::PngWriter({0}).write(one_page({Pt(100), Pt(100)}), d));
    CHECK(d.has_errors());
}
