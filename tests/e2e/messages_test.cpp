// Messages that point at the cause, once: a build's findings printed to the terminal are bounded
// however many the input gives, and a limit is said before what is past it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "e2e/run.hpp"

using namespace leafpress::test;

namespace {
const std::string kBrand = "name = \"Clinic\"\nphone = \"(555) 010-0199\"\ndisclaimer = \"For information only.\"\n";
const std::string kGood =
    "title = \"A leaflet\"\nreviewed = 2026-11-01\n[[section]]\nheading = \"One\"\nbody = \"Some text.\"\n";

std::size_t lines_of(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}
}  // namespace

TEST_CASE("500 unknown keys print a bounded report, with how many more", "[messages]") {
    TempDir dir;
    std::string content = "title = \"A leaflet\"\nreviewed = 2026-11-01\n";
    for (int i = 0; i < 500; ++i) content += "unknown" + std::to_string(i) + " = \"x\"\n";
    content += "[[section]]\nbody = \"Some text.\"\n";
    dir.write_all({{"brand.toml", kBrand}, {"many.toml", content}});
    for (const std::string command : {"check many.toml", "build many.toml -o many.pdf"}) {
        const Run r = run(cli(command), dir.path());
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(lines_of(r.err) <= 15);
        CHECK(r.err.find("and 490 more input.unknown-key") != std::string::npos);
        CHECK(r.err.find("unknown key 'unknown0'") != std::string::npos);
    }
    // A batch too.
    const Run b = run(cli("batch many.toml -o out"), dir.path());
    CHECK(lines_of(b.err) <= 15);
}

TEST_CASE("1,000 missing fallback fonts print a bounded report", "[messages]") {
    TempDir dir;
    std::string fallbacks;
    for (int i = 0; i < 1000; ++i)
        fallbacks += (i ? ", " : "") + std::string("\"Missing Font ") + std::to_string(i) + "\"";
    std::string layout = slurp(std::string(LEAFPRESS_TEST_DATA) + "/bad/layouts/fallback-missing.toml");
    const std::string given = "fallback = [\"Noto Sans Arabic\", \"Noto Sans Klingon\"]";
    REQUIRE(layout.find(given) != std::string::npos);
    layout.replace(layout.find(given), given.size(), "fallback = [" + fallbacks + "]");
    dir.write_all({{"brand.toml", kBrand}, {"leaflet.toml", kGood}, {"many-fonts.toml", layout}});
    const Run r = run(cli("check leaflet.toml --layout ./many-fonts.toml"), dir.path());
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(lines_of(r.err) <= 15);
    CHECK(r.err.find("and 990 more font.missing") != std::string::npos);
}

TEST_CASE("200 invalid tagline keys: the limit is the first error, and what is past it is not reported", "[messages]") {
    TempDir dir;
    std::string brand = kBrand + "\n[taglines]\n";
    for (int i = 0; i < 200; ++i) brand += "bad_" + std::to_string(1000 + i) + " = \"x\"\n";
    dir.write_all({{"brand.toml", brand}, {"leaflet.toml", kGood}});
    const Run r = run(cli("check leaflet.toml"), dir.path());
    INFO(r.err);
    CHECK(r.status == 1);
    const auto limit = r.err.find("at most 100 are allowed");
    REQUIRE(limit != std::string::npos);
    CHECK(limit < r.err.find("error: taglines:"));
    CHECK(r.err.find("'bad_1100'") == std::string::npos);  // past the limit: not looked at
    CHECK(lines_of(r.err) <= 16);
}

TEST_CASE("a table refused for the clinic's number in a cell is the one error: its heading is not stranded",
          "[messages]") {
    TempDir dir;
    const std::string leaflet =
        "title = \"A leaflet\"\nreviewed = 2026-11-01\n[[section]]\nheading = \"Who to call\"\nbody = \"\"\"\n"
        "| Service | Number | Hours |\n|---|---|---|\n"
        "| Nurse line for questions about your treatment | +1 (505) 555-0199 ext. 210 | Weekdays 8 to 6 |\n\"\"\"\n";
    dir.write_all(
        {{"brand.toml",
          "name = \"Clinic\"\nphone = \"+1 (505) 555-0199 ext. 210\"\ndisclaimer = \"For information only.\"\n"},
         {"leaflet.toml", leaflet}});
    const Run r = run(cli("check leaflet.toml --layout trifold"), dir.path());
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("leaflet.toml:6:3: error: the table is too wide") != std::string::npos);
    std::size_t errors = 0;
    for (std::size_t at = r.err.find(": error: "); at != std::string::npos; at = r.err.find(": error: ", at + 1))
        ++errors;
    CHECK(errors == 1);
}
