#include <catch2/catch.hpp>

#include <string>

#include "content/string_source.hpp"

using namespace leafpress;

namespace {
// A TOML file whose multi-line basic string has escapes, a line-ending backslash, multi-byte
// characters and a line long enough for at() to need its in-line checkpoints.
std::string sample_file() {
    std::string long_line;
    for (int i = 0; i < 300; ++i) long_line += i % 7 ? "wörd " : "é\\u00e9 ";
    return "title = \"x\"\nbody = \"\"\"\nFirst line \\t tab,\nsecond – line \\\n  joined.\n" + long_line +
           "\nlast \\\"quoted\\\" line\n\"\"\"\n";
}
}  // namespace

TEST_CASE("a walk over growing offsets finds what at() finds", "[input]") {
    const std::string file = sample_file();
    const std::size_t at = file.find("\"\"\"");
    const StringSource source = StringSource::toml_value("f.toml", file, at, 2, 8);
    StringSource::Walk walk(source);
    std::size_t checked = 0;
    int last_line = 0;
    for (std::size_t offset = 0; offset < file.size(); offset += 3) {
        const SourcePos expected = source.at(offset);
        const TextAnchor got = walk.at(offset);
        INFO("offset " << offset);
        REQUIRE(got.line == expected.line);
        REQUIRE(got.column == expected.column);
        last_line = got.line;
        ++checked;
    }
    CHECK(checked > 500);
    CHECK(last_line >= 7);
}

TEST_CASE("a walk that goes back starts again from the checkpoint", "[input]") {
    const std::string file = sample_file();
    const StringSource source = StringSource::toml_value("f.toml", file, file.find("\"\"\""), 2, 8);
    StringSource::Walk walk(source);
    for (std::size_t offset : {900u, 40u, 1500u, 1499u, 3u, 1200u}) {
        const SourcePos expected = source.at(offset);
        const TextAnchor got = walk.at(offset);
        INFO("offset " << offset);
        CHECK(got.line == expected.line);
        CHECK(got.column == expected.column);
    }
}
