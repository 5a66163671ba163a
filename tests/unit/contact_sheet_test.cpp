// The contact sheet's HTML: self-contained, one card per job grouped by site, findings and names
// escaped, links relative and encoded.
#include <catch2/catch.hpp>

#include <regex>

#include "cli/contact_sheet.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("contact sheet: cards by site, thumbnails inline, findings escaped", "[contact-sheet]") {
    test::TempDir dir;
    // A two-page leaflet with its thumbnails, and a failed one.
    std::vector<Job> jobs(3);
    jobs[0].content = "content/lupus.toml";
    jobs[0].layout_name = "a4";
    jobs[0].output = dir.file("north/lupus a4.pdf");
    jobs[0].svg = "<svg id=\"one\"></svg>\n<svg id=\"two\"></svg>\n";
    jobs[0].thumbnail_count = 2;
    jobs[0].pdf_hash = 0x1234abcd;
    jobs[0].status = Status::Built;
    jobs[0].pages = 2;
    jobs[0].bytes = 21000;
    jobs[0].site = 0;
    jobs[1] = jobs[0];
    jobs[1].status = Status::Failed;
    jobs[1].content = "content/bad<b>.toml";
    jobs[1].findings = {{Severity::Error, "content.syntax", {"bad.toml", 3, 1}, "expected <value>", "", 1}};
    jobs[2] = jobs[0];
    jobs[2].site = 1;
    jobs[2].thumbnail_count = 0;
    const std::vector<Site> sites{{"n.toml", "north", "Clinic North", "(858) 258-5090"},
                                  {"s.toml", "south", "Clinic South & Co", "+1 619 555 0142"}};
    const std::string html = contact_sheet(jobs, sites, dir.path());
    CHECK(count(html, "<section class=\"site\"") == 2);
    CHECK(count(html, "data-status=") == 3);
    CHECK(count(html, "data-status=\"failed\"") == 1);
    CHECK(html.find("Clinic South &amp; Co &middot; +1 619 555 0142") != std::string::npos);
    // The thumbnails inline, in their card.
    CHECK(html.find("<div class=\"thumbs\" data-pdf=\"north/lupus%20a4.pdf\" data-hash=\"000000001234abcd\">\n"
                    "<svg id=\"one\"></svg>\n<svg id=\"two\"></svg>\n</div>") != std::string::npos);
    CHECK(count(html, "<svg ") == 2);
    // The PDF link relative to the sheet, its space encoded.
    CHECK(html.find("href=\"north/lupus%20a4.pdf\"") != std::string::npos);
    CHECK(html.find("2 pages &middot; 21 kB") != std::string::npos);
    // A booklet: four pages on two sides, a picture of each side.
    jobs[0].pages = 4;
    CHECK(contact_sheet(jobs, sites, dir.path()).find("4 pages on 2 sides &middot;") != std::string::npos);
    // Names and findings are text, never markup.
    CHECK(html.find("bad<b>") == std::string::npos);
    CHECK(html.find("expected &lt;value&gt; <code>content.syntax</code>") != std::string::npos);
    // Nothing is fetched from elsewhere: no external styles, scripts or pictures.
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK_FALSE(std::regex_search(html, std::regex("(src|href)=\"(https?:)?//")));
    CHECK(html.find("url(") == std::string::npos);
    // And a browser is told so: no script runs, nothing is fetched, whatever the page holds.
    CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                    "style-src 'unsafe-inline';") != std::string::npos);
    CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\"") < html.find("<style>"));
}
