#include <catch2/catch.hpp>

#include <zlib.h>

#include <fstream>

#include "core/image.hpp"
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
std::string png16(std::uint32_t w, std::uint32_t h, std::uint16_t r, std::uint16_t g, std::uint16_t b, std::uint16_t a) {
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
    compress(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()));
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
