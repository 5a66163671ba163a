// The thumbnails a batch keeps for the next one: taken back only for the very PDF they were drawn
// from, and only when their markup is the SVG leafpress writes, so that nothing planted in the
// kept file (a script, an event handler, a link) reaches a contact sheet.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "cli/kept_thumbnails.hpp"
#include "pipeline/build.hpp"
#include "support.hpp"

using namespace leafpress;
namespace fs = std::filesystem;

namespace {

// Thumbnails as the writer draws them: leaflets with a logo, right-to-left text, booklet sides.
std::vector<std::string> drawn() {
    static const std::vector<std::string> all = [] {
        Diagnostics setup;
        Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, setup);
        test::TempDir dir;  // a leaflet with a logo and a figure
        fs::copy_file(test::data_dir() + "/logo.jpg", dir.file("logo.jpg"));
        fs::copy_file(test::data_dir() + "/logo.png", dir.file("logo.png"));
        dir.write("brand.toml", "name = \"Clinic\"\nphone = \"(555) 010-0199\"\nlogo = \"logo.jpg\"\n");
        dir.write("figure.toml",
                  "title = \"Pictures\"\n[[section]]\nbody = \"\"\"\nText.\n\n"
                  "![A chart](logo.png \"A caption\")\n\"\"\"\n");
        std::vector<std::string> out;
        for (const std::string& content :
             {test::data_dir() + "/arabic.toml", dir.file("figure.toml"), test::repo_dir() + "/content/lupus.toml"})
            for (const std::string layout : {"a4", "booklet", "trifold"}) {
                BuildRequest request;
                request.content = content;
                request.layout = layout;
                request.today = {2026, 11, 25};
                request.thumbnail_dpi = kThumbnailDpi;
                const BuildResult r = build_leaflet(request, engine);
                INFO(test::messages(r.diags));
                REQUIRE(r.output);
                out.push_back(join_thumbnails(r.thumbnails));
            }
        return out;
    }();
    return all;
}

}  // namespace

TEST_CASE("kept thumbnails: the writer's SVG checks, and no planted markup does", "[contact-sheet][thumbnails]") {
    const auto sides = drawn();
    bool picture = false, rtl = false, moved = false;
    for (const auto& svg : sides) {
        CHECK(thumbnail_markup_ok(svg));
        picture = picture || svg.find("<image ") != std::string::npos;
        rtl = rtl || svg.find("direction=\"rtl\"") != std::string::npos;
        moved = moved || svg.find("<g transform=") != std::string::npos;
    }
    CHECK(picture);  // the cases cover every element the writer draws
    CHECK(rtl);
    CHECK(moved);
    const std::string& svg = sides.front();
    const std::size_t rect = svg.find("<rect ");
    const std::size_t text = svg.find("<text ");
    REQUIRE(rect != std::string::npos);
    REQUIRE(text != std::string::npos);
    const std::size_t text_body = svg.find('>', text) + 1;
    struct Edit {
        std::size_t at;
        std::string inserted;
    };
    const std::vector<Edit> edits = {
        {rect, "<script>alert(1)</script>"},
        {rect, "<foreignObject><img src=\"x\" onerror=\"alert(1)\"/></foreignObject>"},
        {rect + 6, "onload=\"alert(1)\" "},
        {rect + 6, "style=\"background:url(https://evil.example/x)\" "},
        {rect + 6, "fill=\"url(https://evil.example/x)\" "},
        {rect, "<a href=\"javascript:alert(1)\">"},
        {rect, "<use href=\"https://evil.example/x.svg#a\"/>"},
        {rect, "<image href=\"https://evil.example/x.png\"/>"},
        {rect, "<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>"},
        {rect, "<svg xmlns=\"http://www.w3.org/2000/svg\">"},
        {text_body, "<tspan onclick=\"alert(1)\">x</tspan>"},
        {text_body, "&#60;script&#62;"},
        {text_body, "<![CDATA[<script>alert(1)</script>]]>"},
        {0, "<!-- a comment -->"},
        {0, "</div><script>alert(1)</script>\n"},
        {svg.size(), "<script>alert(1)</script>"},
        {svg.size() - 1, "<rect/>"},  // after a side's </svg>, on its line
    };
    for (const Edit& e : edits) {
        std::string bad = svg;
        bad.insert(e.at, e.inserted);
        CAPTURE(e.inserted);
        CHECK_FALSE(thumbnail_markup_ok(bad));
    }
    CHECK_FALSE(thumbnail_markup_ok(""));
    CHECK_FALSE(thumbnail_markup_ok(svg.substr(0, svg.size() / 2)));  // cut short
}

TEST_CASE("kept thumbnails: taken back for the same PDF only, and never from a damaged file",
          "[contact-sheet][thumbnails]") {
    test::TempDir dir;
    const auto sides = drawn();
    std::vector<Job> jobs(3);
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        jobs[i].output = dir.file("north/l" + std::to_string(i) + " a4.pdf");
        jobs[i].status = Status::Built;
        jobs[i].pdf_hash = 100 + i;
        jobs[i].svg = sides[i];
        jobs[i].thumbnail_count = count_thumbnails(sides[i]);
    }
    jobs[1].status = Status::Failed;  // not kept: it is built again
    const std::string path = dir.file(".leafpress-thumbnails");
    keep_thumbnails(path, jobs);
    const KeptThumbnails kept(path);
    CHECK(kept.take(jobs[0], 100) == jobs[0].svg);
    CHECK(kept.take(jobs[2], 102) == jobs[2].svg);
    // The same PDF named another way (relative to the file's folder, they are one).
    Job same = jobs[0];
    same.output = dir.path() + "/north/../north/./l0 a4.pdf";
    CHECK(kept.take(same, 100) == jobs[0].svg);
    // A PDF changed since (another hash), a failed one, another PDF: none.
    CHECK_FALSE(kept.take(jobs[0], 101));
    CHECK_FALSE(kept.take(jobs[1], 101));
    Job other = jobs[0];
    other.output = dir.file("south/l0 a4.pdf");
    CHECK_FALSE(kept.take(other, 100));
    // No file, a file cut short, a file of another leafpress: none at all.
    CHECK_FALSE(KeptThumbnails(dir.file("nothing")).take(jobs[0], 100));
    std::ifstream in(path, std::ios::binary);
    const std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    dir.write("cut", whole.substr(0, whole.size() - 10));
    CHECK_FALSE(KeptThumbnails(dir.file("cut")).take(jobs[0], 100));
    dir.write("other", "leafpress thumbnails 0.0.1\n" + whole.substr(whole.find('\n') + 1));
    CHECK_FALSE(KeptThumbnails(dir.file("other")).take(jobs[0], 100));
    // Markup that does not check is not taken, though the file is whole and the hash right.
    std::string handler = whole;
    handler.replace(handler.find("<rect ") + 6, 13, "onload=\"a()\" ");  // the same length: the record parses
    dir.write("handler", handler);
    CHECK_FALSE(KeptThumbnails(dir.file("handler")).take(jobs[0], 100));
    CHECK(KeptThumbnails(dir.file("handler")).take(jobs[2], 102));  // the others are still taken
}
