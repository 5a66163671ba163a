// Ink collisions read from the printed PDF (MuPDF's outlines of every glyph, tests/e2e/proof.hpp):
// leaflets in scripts whose marks stack above and below (Burmese, Tamil titles, Bengali,
// Hindi) in every kind of layout, and the Latin catalogue, whose descenders pass close over
// the next line's ascenders without touching them.
#include <catch2/catch.hpp>

#include "e2e/proof.hpp"
#include "e2e/run.hpp"

using namespace leafpress::test;

namespace {

// The first few collisions on a page, for the report.
std::string listed(const std::vector<std::string>& found) {
    std::string s;
    for (std::size_t i = 0; i < found.size() && i < 5; ++i) s += found[i] + "\n";
    return s;
}

void no_ink_collisions(const std::string& pdf) {
    const auto pages = ink(pdf);
    REQUIRE_FALSE(pages.empty());
    std::size_t glyphs = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        CAPTURE(p + 1);
        glyphs += pages[p].size();
        const auto found = ink_collisions(pages[p]);
        INFO(found.size() << " collisions, the first:\n" << listed(found));
        CHECK(found.empty());
    }
    CHECK(glyphs > 100);  // the outlines were read
}

}  // namespace

TEST_CASE("Burmese, Tamil, Bengali and Hindi leaflets: no line's ink lands on another's, in every kind of layout",
          "[e2e][scripts][ink]") {
    TempDir dir;
    for (const char* name : {"my", "ta", "bn", "hi"})
        for (const char* layout : {"a4", "trifold", "large-print", "booklet"}) {
            const std::string pdf = dir.file(std::string(name) + "-" + layout + ".pdf");
            CAPTURE(name, layout);
            const auto b = run(cli("build " + quote(repo_dir() + "/tests/data/scripts/" + name + ".toml") + " -o " +
                                   quote(pdf) + " --layout " + layout));
            INFO(b.err);
            REQUIRE(b.status == 0);
            no_ink_collisions(pdf);
        }
}

TEST_CASE("Latin leaflets set tight (trifold, titles) have no ink collisions and no false alarms", "[e2e][ink]") {
    TempDir dir;
    for (const char* layout : {"a4", "trifold"}) {
        const std::string pdf = dir.file(std::string("lupus-") + layout + ".pdf");
        CAPTURE(layout);
        const auto b = run(
            cli("build " + quote(repo_dir() + "/content/lupus.toml") + " -o " + quote(pdf) + " --layout " + layout));
        INFO(b.err);
        REQUIRE(b.status == 0);
        CHECK(b.err.find("check.overlap") == std::string::npos);
        no_ink_collisions(pdf);
    }
}
