#include <catch2/catch.hpp>

#include <filesystem>

#include "style/brand.hpp"
#include "support.hpp"

using namespace leafpress;
using test::TempDir;

TEST_CASE("a brand file loads with its colours", "[brand]") {
    TempDir dir;
    Diagnostics d;
    auto b = load_brand(dir.write("brand.toml", "name = \"Clinic\"\nphone = \"(858) 258-5090\"\n"
                                                "website = \"https://example.org\"\n[colors]\nprimary = \"#102030\"\n"),
                        d);
    REQUIRE(b);
    CHECK(d.all().empty());
    CHECK(b->name == "Clinic");
    CHECK(b->phone == "(858) 258-5090");
    CHECK(b->colors.primary == Color{0x10 / 255.0, 0x20 / 255.0, 0x30 / 255.0});
}

TEST_CASE("brand errors are reported where they are", "[brand]") {
    struct Case {
        const char* name;
        const char* text;
        const char* expected;
    };
    const Case cases[] = {
        {"missing phone", "name = \"C\"\n", "brand.toml:1:1: error: missing required key 'phone'"},
        {"phone without digits", "name = \"C\"\nphone = \"call us\"\n", "brand.toml:2:9: error: the phone number must start with a digit, '+' or '(', not 'c'"},
        {"bad colour", "name = \"C\"\nphone = \"123\"\n[colors]\ntext = \"teal\"\n", "brand.toml:4:8: error: 'teal' is not a colour"},
        {"missing logo", "name = \"C\"\nphone = \"123\"\nlogo = \"nope.png\"\n", "brand.toml:3:8: error: logo file"},
        {"unknown colour key", "name = \"C\"\nphone = \"123\"\n[colors]\nprimery = \"#000000\"\n",
         "brand.toml:4:1: warning: unknown key 'primery' in [colors]; did you mean 'primary'?"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        TempDir dir;
        Diagnostics d;
        load_brand(dir.write("brand.toml", c.text), d);
        REQUIRE_FALSE(d.all().empty());
        CHECK(format(d.all()[0]).starts_with(dir.path() + "/" + c.expected));
    }
}

TEST_CASE("parse_hex_color", "[brand]") {
    CHECK(parse_hex_color("#FFFFFF") == Color{1, 1, 1});
    CHECK(parse_hex_color("#0e6e6e"));
    CHECK_FALSE(parse_hex_color("0E6E6E"));
    CHECK_FALSE(parse_hex_color("#0E6E6"));
    CHECK_FALSE(parse_hex_color("#GGGGGG"));
}

TEST_CASE("the brand file is found next to the content or above it", "[brand]") {
    TempDir dir;
    std::filesystem::create_directories(dir.file("a/b"));
    dir.write("brand.toml", "name = \"C\"\nphone = \"123\"\n");
    auto found = find_brand_file(dir.file("a/b/leaflet.toml"));
    REQUIRE(found);
    CHECK(std::filesystem::equivalent(*found, dir.file("brand.toml")));
    dir.write("a/brand.toml", "name = \"D\"\nphone = \"2\"\n");
    CHECK(std::filesystem::equivalent(*find_brand_file(dir.file("a/b/leaflet.toml")), dir.file("a/brand.toml")));
}
