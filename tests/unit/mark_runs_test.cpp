// A letter with a pile of combining marks is refused where the pile passes the limit, at once
// (its cluster would cost HarfBuzz time in the square of its length); real stacks build.
#include <catch2/catch.hpp>

#include <chrono>

#include "content/load_content.hpp"
#include "content/mark_runs.hpp"
#include "core/limits.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

std::string leaflet(const std::string& body_line) {
    return "title = \"Marks\"\n\n[[section]]\nheading = \"About\"\nbody = \"\"\"\n" + body_line + "\n\"\"\"\n";
}

}  // namespace

TEST_CASE("marks: runs up to the limit pass, the mark past it is found", "[marks]") {
    const std::string acute = "\xCC\x81";  // U+0301
    CHECK_FALSE(find_long_mark_run("a" + repeat(acute, 30) + " b", limits::kClusterMarks));
    const auto run = find_long_mark_run("ab" + repeat(acute, 40) + " c", limits::kClusterMarks);
    REQUIRE(run);
    CHECK(run->offset == 2 + 30 * acute.size());
    CHECK(run->length == 40);
    // Vietnamese (decomposed), a Tibetan stack, a family emoji, a region's flag: short runs.
    CHECK_FALSE(find_long_mark_run("Vie\xCC\xA3\xCC\x82t Nam", 30));
    CHECK_FALSE(find_long_mark_run("\xE0\xBD\xA6\xE0\xBE\x92\xE0\xBE\xB2\xE0\xBD\xB4\xE0\xBD\xBA", 30));
    CHECK_FALSE(find_long_mark_run("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 30));
    // Many short runs in a row are many clusters, not one.
    CHECK_FALSE(find_long_mark_run(repeat("a" + repeat(acute, 20), 1000), 30));
    // Joiners chained between letters make one cluster as well.
    CHECK(find_long_mark_run(repeat("a\xE2\x80\x8D", 40), 30));
}

TEST_CASE("marks: 49,000 marks on one letter are refused at the 31st, fast, and 30 load", "[marks]") {
    const std::string acute = "\xCC\x81";
    Diagnostics ok;
    load_content_text(leaflet("Stacked a" + repeat(acute, 30) + " here."), "ok.toml", ok);
    INFO(test::messages(ok));
    CHECK_FALSE(ok.has_errors());

    const auto start = std::chrono::steady_clock::now();
    Diagnostics bad;
    load_content_text(leaflet("Stacked a" + repeat(acute, 49000) + " here."), "bad.toml", bad);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 1.0);
    REQUIRE(bad.has_errors());
    CHECK(
        format(bad.all().front()).starts_with("bad.toml:6:40: error: 'section[1].body' stacks 49000 combining marks"));
    CHECK(bad.all().front().code == "input.combining-marks");
}
