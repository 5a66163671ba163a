// The output writers over the page model: PNG pictures drawn with cairo (sizes as pdftoppm's,
// colours and shapes where the model puts them, glyphs on the page), the dump writer, and the
// pipeline choosing a writer by format.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/image.hpp"
#include "model/page.hpp"
#include "output/writer.hpp"
#include "pipeline/build.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

Raster decoded(const std::vector<std::uint8_t>& png) {
    const auto img = decode_image(std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
    REQUIRE(img.raster);
    return *img.raster;
}

std::array<int, 3> pixel(const Raster& r, int x, int y) {
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) *
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

TEST_CASE("png writer: a leaflet's glyphs are drawn, one picture per printed side", "[png]") {
    Diagnostics setup;
    Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, setup);
    BuildRequest request = lupus();
    request.format = Format::Png;
    request.dpi = 72;
    BuildResult a4 = build_leaflet(request, engine);
    INFO(test::messages(a4.diags));
    REQUIRE(a4.output);
    CHECK(static_cast<int>(a4.output->files.size()) == a4.pages);
    // The body text is grey to black ink (not the brand's teal) below the cover band.
    const Raster page = decoded(a4.output->files[0]);
    int ink = 0;
    for (int y = page.height / 3; y < page.height * 2 / 3; ++y)
        for (int x = 0; x < page.width; ++x) {
            const auto p = pixel(page, x, y);
            ink += p[0] < 160 && std::abs(p[0] - p[1]) < 16 && std::abs(p[1] - p[2]) < 16;
        }
    CHECK(ink > 5000);
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
