#include <catch2/catch.hpp>

#include "content/toml_source.hpp"
#include "support.hpp"

using namespace leafpress;
using test::TempDir;

TEST_CASE("read_text_file rejects what is not UTF-8 text", "[input]") {
    TempDir dir;
    struct Case {
        const char* name;
        std::string bytes;
        std::string expected;
    };
    const Case cases[] = {
        {"empty.toml", "", "empty.toml:1:1: error: file is empty"},
        {"blank.toml", "  \n\n\t\n", "blank.toml:1:1: error: file is empty"},
        {"utf16.toml", std::string("\xFF\xFE t\0i\0t\0", 9),
         "utf16.toml:1:1: error: file is UTF-16 encoded; leafpress reads UTF-8"},
        {"utf16be.toml", std::string("\xFE\xFF\0t\0i", 6),
         "utf16be.toml:1:1: error: file is UTF-16 encoded; leafpress reads UTF-8"},
        {"nul.toml", std::string("title = \"a\"\nx\0y", 15),
         "nul.toml:2:2: error: file contains a NUL byte: this is not a text file"},
        {"latin1.toml", "title = \"caf\xE9\"\n", "latin1.toml:1:13: error: invalid UTF-8 byte sequence"},
        {"overlong.toml", "a = 1\nb = \"\xC0\xAF\"\n", "overlong.toml:2:6: error: invalid UTF-8 byte sequence"},
        {"surrogate.toml", "a = \"\xED\xA0\x80\"", "surrogate.toml:1:6: error: invalid UTF-8 byte sequence"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        Diagnostics d;
        const std::string path = dir.write(c.name, c.bytes);
        CHECK_FALSE(read_text_file(path, d).has_value());
        REQUIRE(d.all().size() == 1);
        const std::string first_line = format(d.all()[0]).substr(0, format(d.all()[0]).find('\n'));
        CHECK(first_line.starts_with(dir.path() + "/" + c.expected + " [input."));
    }
}

TEST_CASE("read_text_file drops a UTF-8 byte order mark", "[input]") {
    TempDir dir;
    Diagnostics d;
    auto text = read_text_file(dir.write("bom.toml", "\xEF\xBB\xBFtitle = \"x\"\n"), d);
    REQUIRE(text);
    CHECK(*text == "title = \"x\"\n");
    CHECK(d.all().empty());
}

TEST_CASE("a missing file is an error naming it", "[input]") {
    Diagnostics d;
    CHECK_FALSE(read_text_file("/nonexistent/leaflet.toml", d));
    REQUIRE(d.all().size() == 1);
    CHECK(format(d.all()[0]).starts_with("/nonexistent/leaflet.toml: error: cannot open file"));
}

TEST_CASE("random bytes never crash the reader", "[input]") {
    TempDir dir;
    unsigned seed = 12345;
    for (int round = 0; round < 200; ++round) {
        std::string bytes;
        const int n = 1 + round * 7 % 300;
        for (int i = 0; i < n; ++i) {
            seed = seed * 1103515245u + 12345u;
            bytes.push_back(static_cast<char>((seed >> 16) & 0xFF));
        }
        Diagnostics d;
        const auto path = dir.write("random.toml", bytes);
        if (auto text = read_text_file(path, d)) parse_toml(*text, path, d);
        // Whatever it was, the reader either accepted it or said why, with a position in the file.
        if (!d.has_errors()) continue;
        const Diagnostic& first = d.all()[0];
        CAPTURE(round, format(first));
        CHECK((first.code == "input.binary" || first.code == "input.encoding" || first.code == "input.syntax" ||
               first.code == "input.empty"));
        CHECK(first.where.file == path);
        CHECK(first.where.line >= 1);
        CHECK(first.where.column >= 1);
    }
}

TEST_CASE("TOML syntax errors carry their line and column", "[input]") {
    Diagnostics d;
    CHECK_FALSE(parse_toml("title = \"ok\"\nsubtitle = \n", "x.toml", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].where.line == 2);
    CHECK(d.all()[0].where.column == 12);
    CHECK(format(d.all()[0]).starts_with("x.toml:2:12: error: TOML syntax: "));
}

TEST_CASE("nearest suggests a close key and nothing for a distant one", "[input]") {
    CHECK(nearest("titel", {"title", "subtitle", "summary"}) == "title");
    CHECK(nearest("sumary", {"title", "subtitle", "summary"}) == "summary");
    CHECK(nearest("Title", {"title", "subtitle"}) == "title");
    CHECK(nearest("colour", {"colors", "logo"}) == "colors");
    CHECK(nearest("zzzzzzzz", {"title", "subtitle"}).empty());
}
