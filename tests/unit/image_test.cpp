#include <catch2/catch.hpp>

#include <zlib.h>

#include <fstream>

#include "core/image.hpp"
#include "jpeg_maker.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {
std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string chunk(const std::string& type, const std::string& data) {
    const std::string body = type + data;
    const auto crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
    return be32(static_cast<std::uint32_t>(data.size())) + body + be32(static_cast<std::uint32_t>(crc));
}

// A PNG of w x h pixels, 16-bit RGBA, every pixel the same sample values.
std::string png16(std::uint32_t w, std::uint32_t h, std::uint16_t r, std::uint16_t g, std::uint16_t b,
                  std::uint16_t a) {
    std::string raw;
    for (std::uint32_t y = 0; y < h; ++y) {
        raw.push_back('\0');  // filter: none
        for (std::uint32_t x = 0; x < w; ++x)
            for (std::uint16_t v : {r, g, b, a}) {
                raw.push_back(static_cast<char>(v >> 8));
                raw.push_back(static_cast<char>(v & 0xFF));
            }
    }
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string z(size, '\0');
    compress(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
             static_cast<uLong>(raw.size()));
    z.resize(size);
    const std::string ihdr = be32(w) + be32(h) + std::string("\x10\x06\x00\x00\x00", 5);  // 16 bits, RGBA
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", z) + chunk("IEND", "");
}
}  // namespace

TEST_CASE("a 16-bit PNG comes down to the right 8-bit colours, with its alpha", "[image]") {
    const auto img = decode_image(png16(3, 2, 0x0E0E, 0x6E6E, 0x6E6E, 0x8080));
    REQUIRE(img.raster);
    CHECK(img.raster->width == 3);
    CHECK(img.raster->height == 2);
    CHECK(img.raster->channels == 3);
    REQUIRE(img.raster->pixels.size() == 18);
    CHECK(img.raster->pixels[0] == 0x0E);
    CHECK(img.raster->pixels[1] == 0x6E);
    CHECK(img.raster->pixels[17] == 0x6E);
    REQUIRE(img.raster->alpha.size() == 6);
    CHECK(img.raster->alpha[5] == 0x80);
    // Opaque images carry no alpha.
    CHECK(decode_image(png16(1, 1, 0, 0, 0, 0xFFFF)).raster->alpha.empty());
}

TEST_CASE("images are recognised by their bytes, and damaged or huge ones are refused", "[image]") {
    const std::string png = test::TempDir().path().empty() ? "" : png16(4, 4, 0, 0, 0, 0xFFFF);
    CHECK(sniff_image(png) == ImageFormat::Png);
    CHECK(sniff_image("\xFF\xD8\xFF\xE0 rest") == ImageFormat::Jpeg);
    CHECK(sniff_image("GIF89a") == ImageFormat::Other);
    CHECK(decode_image("GIF89a...").problem == "the file is neither a PNG nor a JPEG image");
    // Truncated: the header says 4 x 4, the pixel data stops short.
    const auto cut = decode_image(png.substr(0, png.size() - 20));
    CHECK_FALSE(cut.raster);
    CHECK(cut.problem.starts_with("the PNG file is damaged or truncated"));
    // 20000 x 20000 pixels in a few bytes: refused before anything is decoded.
    const std::string huge = std::string("\x89PNG\r\n\x1a\n", 8) +
                             chunk("IHDR", be32(20000) + be32(20000) + std::string("\x08\x02\x00\x00\x00", 5)) +
                             chunk("IDAT", "x") + chunk("IEND", "");
    const auto h = decode_image(huge);
    CHECK_FALSE(h.raster);
    CHECK(h.problem.find("20000 x 20000 pixels") != std::string::npos);
    // A JPEG cut short is refused, not drawn half grey.
    const std::string jpeg = test::repo_dir() + "/tests/data/logo.jpg";
    std::ifstream in(jpeg, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(decode_image(bytes).raster);
    const auto half = decode_image(bytes.substr(0, bytes.size() / 2));
    CHECK_FALSE(half.raster);
    CHECK(half.problem.starts_with("the JPEG file is damaged or truncated"));
}

namespace {
// `bytes` in a buffer of exactly their size, so that a read past the end is one past the
// allocation (what AddressSanitizer catches).
int orientation_of_exact(const std::string& bytes) {
    std::vector<char> exact(bytes.begin(), bytes.end());
    return exif_orientation(std::string_view(exact.data(), exact.size()));
}
}  // namespace

TEST_CASE("the EXIF orientation is read in either byte order, and hostile segments give 1", "[image][exif]") {
    for (int k = 1; k <= 8; ++k) {
        CHECK(orientation_of_exact(test::exif_app1(k)) == k);
        CHECK(orientation_of_exact(test::exif_app1(k, true)) == k);
    }
    const std::string good = test::exif_app1(6, true);
    // Every truncation: never a read past the end, and nothing made up.
    for (std::size_t n = 0; n < good.size(); ++n) {
        CAPTURE(n);
        const int v = orientation_of_exact(good.substr(0, n));
        CHECK((v == 1 || v == 6));
        if (n < good.size() - 4) CHECK(v == 1);  // the value itself is cut off
    }
    // Offsets past the end, an entry count far beyond the segment, a directory pointing at
    // itself or at the header (a loop to a reader that follows chains), values out of range.
    const auto with = [&](std::size_t at, std::string bytes) {
        std::string s = good;
        s.replace(at, bytes.size(), bytes);
        return s;
    };
    CHECK(orientation_of_exact(with(10, std::string("\xff\xff\xff\xf0", 4))) == 1);  // IFD0 offset
    CHECK(orientation_of_exact(with(10, std::string("\0\0\0\x1a", 4))) == 1);        // just past the end
    CHECK(orientation_of_exact(with(14, std::string("\xff\xff", 2))) == 6);          // 65535 entries, one there
    CHECK(orientation_of_exact(with(14, std::string("\xff\xff", 2)).substr(0, 20)) == 1);
    CHECK(orientation_of_exact(with(10, std::string("\0\0\0\0", 4))) == 1);          // IFD0 at the header
    CHECK(orientation_of_exact(with(24, std::string("\0\t", 2))) == 1);              // orientation 9
    CHECK(orientation_of_exact(with(24, std::string("\0\0", 2))) == 1);              // orientation 0
    CHECK(orientation_of_exact(with(18, std::string("\0\x02", 2))) == 1);            // an ASCII value
    CHECK(orientation_of_exact(with(20, std::string("\xff\xff\xff\xff", 4))) == 1);  // a count of 4 billion
    CHECK(orientation_of_exact(with(6, "XX")) == 1);                                 // no byte order
    CHECK(orientation_of_exact(with(8, std::string("\0+", 2))) == 1);                // not TIFF
    CHECK(orientation_of_exact("Exif") == 1);
    CHECK(orientation_of_exact("") == 1);
    CHECK(orientation_of_exact(std::string("Exif\0\0MM\0*", 10)) == 1);
    // Random bytes after a valid header: any answer is 1 to 8, and no read leaves the segment.
    std::uint32_t seed = 12345;
    for (int round = 0; round < 2000; ++round) {
        std::string s = good.substr(0, 6 + (round % 3 == 0 ? 0 : 8));
        const std::size_t n = seed % 64;
        for (std::size_t i = 0; i < n; ++i) {
            seed = seed * 1664525u + 1013904223u;
            s.push_back(static_cast<char>(seed >> 24));
        }
        const int v = orientation_of_exact(s);
        CHECK((v >= 1 && v <= 8));
    }
}

TEST_CASE("a JPEG keeps its orientation, its pixel shape and its bytes when a PDF can carry them", "[image][exif]") {
    using test::jpeg_file;
    const auto px = test::quadrants(64, 32);
    // Orientation 6: stored 64 x 32, seen 32 x 64.
    const std::string turned = jpeg_file(px, 64, 32, {.orientation = 6});
    const auto a = decode_image(turned);
    REQUIRE(a.raster);
    CHECK(a.raster->width == 64);
    CHECK(a.raster->height == 32);
    CHECK(a.raster->orientation == 6);
    CHECK(shown_size(*a.raster).width == 32);
    CHECK(shown_size(*a.raster).height == 64);
    CHECK(a.raster->jpeg == turned);  // passed through, byte for byte
    // Progressive and grey JPEGs pass through too; CMYK ones are decoded.
    CHECK(decode_image(jpeg_file(px, 64, 32, {.progressive = true})).raster->jpeg.size() > 0);
    const auto cmyk = decode_image(jpeg_file(px, 64, 32, {.cmyk = true}));
    REQUIRE(cmyk.raster);
    CHECK(cmyk.raster->jpeg.empty());
    CHECK(cmyk.raster->channels == 3);
    const auto arithmetic = decode_image(jpeg_file(px, 64, 32, {.arithmetic = true}));
    REQUIRE(arithmetic.raster);
    CHECK(arithmetic.raster->jpeg.empty());
    // JFIF densities of 72 across and 144 down: pixels twice as wide as they are tall.
    const auto wide = decode_image(jpeg_file(px, 64, 32, {.density_unit = 1, .x_density = 72, .y_density = 144}));
    REQUIRE(wide.raster);
    CHECK(wide.raster->pixel_aspect == Approx(2.0));
    CHECK(shown_size(*wide.raster).width == Approx(64));
    CHECK(shown_size(*wide.raster).height == Approx(16));
    // Equal densities (and the aspect-only unit 0 with 1:1) change nothing.
    const auto square = decode_image(jpeg_file(px, 64, 32, {.density_unit = 1, .x_density = 300, .y_density = 300}));
    CHECK(square.raster->pixel_aspect == 1.0);
    CHECK(shown_size(*square.raster).width == 64);
}

TEST_CASE("a PNG's pHYs with unequal densities gives its pixels their shape", "[image][exif]") {
    std::string png = png16(4, 4, 0, 0, 0, 0xFFFF);
    // pHYs after IHDR (8 + 25 bytes): 2000 pixels a metre across, 1000 down.
    png.insert(33, chunk("pHYs", be32(2000) + be32(1000) + std::string("\x01", 1)));
    const auto img = decode_image(png);
    REQUIRE(img.raster);
    CHECK(img.raster->pixel_aspect == Approx(0.5));
    CHECK(shown_size(*img.raster).width == Approx(2));
    CHECK(shown_size(*img.raster).height == Approx(4));
}
