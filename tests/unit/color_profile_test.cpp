// Colour profiles: the compact sRGB output intent, and sRGB to the print profile's CMYK.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/color_profile.hpp"
#include "core/files.hpp"

using namespace leafpress;

namespace {

const char* kCmykProfile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

std::optional<CmykConverter> converter() {
    auto bytes = read_file(kCmykProfile);
    REQUIRE(bytes);
    auto c = CmykConverter::open(*bytes);
    INFO(c.error());
    REQUIRE(c);
    return std::move(c).value();
}

}  // namespace

TEST_CASE("the sRGB profile is a small ICC v4.2 display profile, the same every time", "[color]") {
    const std::string p = srgb_icc_profile();
    REQUIRE(p.size() >= 128);
    CHECK(p.size() < 1024);
    CHECK(p.substr(36, 4) == "acsp");
    CHECK(p.substr(12, 4) == "mntr");
    CHECK(p.substr(16, 4) == "RGB ");
    CHECK(static_cast<unsigned char>(p[8]) == 4);
    CHECK(static_cast<unsigned char>(p[9]) == 0x20);
    CHECK(p == srgb_icc_profile());
}

TEST_CASE("greys print as black ink alone, colours through the profile, brand inks as given", "[color]") {
    auto c = converter();
    CHECK(c->description().find("CMYK") != std::string::npos);
    CHECK(c->convert({0, 0, 0}) == Cmyk{0, 0, 0, 1});
    CHECK(c->convert({1, 1, 1}) == Cmyk{0, 0, 0, 0});
    const Cmyk text = c->convert({0x1A / 255.0, 0x1A / 255.0, 0x1A / 255.0});
    CHECK(text.c == 0);
    CHECK(text.m == 0);
    CHECK(text.y == 0);
    CHECK(text.k == Approx(1 - 0x1A / 255.0).margin(0.001));
    // A teal: cyan and some black, little magenta.
    const Color teal{0x0E / 255.0, 0x6E / 255.0, 0x6E / 255.0};
    const Cmyk t = c->convert(teal);
    CHECK(t.c > 0.6);
    CHECK(t.m < t.c);
    CHECK(t.y < t.c);
    c->set_exact(teal, {1, 0, 0.35, 0.45});
    CHECK(c->convert(teal) == Cmyk{1, 0, 0.35, 0.45});
    // Pixels: pure red has magenta and yellow, no cyan to speak of.
    const auto px = c->convert_pixels({255, 0, 0, 255, 255, 255});
    REQUIRE(px.size() == 8);
    CHECK(px[1] > 200);
    CHECK(px[2] > 200);
    CHECK(px[0] < 40);
    CHECK(px[4] + px[5] + px[6] + px[7] == 0);
}

TEST_CASE("a profile that is not a CMYK printer profile is refused with a reason", "[color]") {
    const auto srgb = CmykConverter::open(srgb_icc_profile());
    CHECK_FALSE(srgb);
    CHECK(srgb.error() == "not a CMYK output (printer) profile");
    const auto garbage = CmykConverter::open("not a profile");
    CHECK_FALSE(garbage);
    CHECK(garbage.error() == "not an ICC profile");
}
