// The print shop's PDF (--print), the A5 layout and the saddle-stitched booklet, read back with
// poppler, MuPDF, qpdf and scripts/pdfua-check --pdfx.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <vector>

#include "e2e/run.hpp"

using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

const double kMargin = 12 * 72 / 25.4;  // trim to the MediaBox's edge: 3 mm bleed, 2 mm gap, 6 mm marks, 1 mm
const double kBleed = 3 * 72 / 25.4;
const double kGap = 2 * 72 / 25.4;  // between the bleed and a mark

std::string checker() { return quote(repo_dir() + "/scripts/pdfua-check"); }

std::string content(const std::string& name) { return repo_dir() + "/content/" + name + ".toml"; }

// The darkest grey level (0 black, 255 white) of the pixels around (x, y) points from the
// page's top-left, drawn by poppler at 144 dpi (a hairline can fall between two pixels).
int grey_at(const TempDir& dir, const std::string& pdf, int page, double x, double y) {
    const std::string out = dir.file("px");
    const auto px = [](double v) { return std::to_string(static_cast<int>(v * 2) - 1); };
    const auto r = run("pdftoppm -r 144 -gray -f " + std::to_string(page) + " -l " + std::to_string(page) +
                       " -singlefile -x " + px(x) + " -y " + px(y) + " -W 3 -H 3 " + quote(pdf) + " " + quote(out));
    REQUIRE(r.status == 0);
    const std::string pgm = slurp(out + ".pgm");
    REQUIRE(pgm.rfind("P5", 0) == 0);
    REQUIRE(pgm.size() > 9);
    int darkest = 255;
    for (std::size_t i = pgm.size() - 9; i < pgm.size(); ++i)
        darkest = std::min(darkest, static_cast<int>(static_cast<unsigned char>(pgm[i])));
    return darkest;
}

// A page box from pdfinfo -box: x0 y0 x1 y1 of the first page.
std::vector<double> page_box(const std::string& pdf, const std::string& name) {
    const std::string info = run("pdfinfo -box " + quote(pdf)).out;
    const auto at = info.find(name + ":");
    REQUIRE(at != std::string::npos);
    std::istringstream in(info.substr(at + name.size() + 1));
    std::vector<double> v(4);
    for (double& x : v) in >> x;
    return v;
}

// Validators that must stay silent (MuPDF is built without LittleCMS here and says so).
void validators_silent(const std::string& pdf) {
    CHECK(run("qpdf --check " + quote(pdf)).status == 0);
    std::string mutool = run("mutool draw -q -o /dev/null " + quote(pdf)).err;
    for (const std::string note : {"warning: ICC support is not available\n"})
        for (auto p = mutool.find(note); p != std::string::npos; p = mutool.find(note)) mutool.erase(p, note.size());
    INFO(mutool);
    CHECK(mutool.empty());
    CHECK(run("pdftotext " + quote(pdf) + " /dev/null").err.empty());
    CHECK(run("pdffonts " + quote(pdf)).err.empty());
}

std::string python(const std::string& program) { return "/usr/bin/python3 -c " + quote(program); }

}  // namespace

TEST_CASE(
    "print-shop PDFs (--print) in a4, letter, trifold and booklet are PDF/X-4 with bleed, boxes and marks, no RGB, "
    "still tagged",
    "[e2e][print]") {
    TempDir dir;
    for (const char* layout : {"a4", "letter", "trifold", "booklet"}) {
        for (const char* leaflet : {"stem-cell-therapy-autoimmune", "lupus"}) {
            const std::string pdf = dir.file(std::string(leaflet) + "-" + layout + ".pdf");
            CAPTURE(layout, leaflet);
            auto b = run(cli("build " + quote(content(leaflet)) + " --print --layout " + layout + " -o " + quote(pdf)));
            INFO(b.err);
            REQUIRE(b.status == 0);
            auto c =
                run(checker() + " --pdfa --pdfx --poppler --content " + quote(content(leaflet)) + " " + quote(pdf));
            INFO(c.out);
            CHECK(c.status == 0);
            validators_silent(pdf);
            const auto trim = page_box(pdf, "TrimBox"), bleed = page_box(pdf, "BleedBox"),
                       media = page_box(pdf, "MediaBox");
            CHECK(trim[0] == Approx(kMargin).margin(0.01));
            CHECK(trim[1] == Approx(kMargin).margin(0.01));
            CHECK(bleed[0] == Approx(kMargin - kBleed).margin(0.01));
            CHECK(media[2] == Approx(trim[2] + kMargin).margin(0.01));
            CHECK(bleed[3] == Approx(trim[3] + kBleed).margin(0.01));
        }
        const std::string pdf = dir.file(std::string("stem-cell-therapy-autoimmune-") + layout + ".pdf");
        // A crop mark above the trim's top-left corner, outside the bleed; nothing else there.
        CHECK(grey_at(dir, pdf, 1, kMargin, kMargin - kBleed - kGap - 3) < 230);
        CHECK(grey_at(dir, pdf, 1, kMargin + 40, kMargin - kBleed - kGap - 3) == 255);
    }
    // The a4 cover band runs on into the bleed above the trim, and stops at the bleed's edge.
    const std::string a4 = dir.file("stem-cell-therapy-autoimmune-a4.pdf");
    CHECK(grey_at(dir, a4, 1, 200, kMargin - kBleed / 2) < 150);
    CHECK(grey_at(dir, a4, 1, 200, kMargin - kBleed - 2) == 255);
    // The trifold's folds are marked, a third and two thirds across (letter: 264 pt panels).
    const std::string tri = dir.file("stem-cell-therapy-autoimmune-trifold.pdf");
    CHECK(grey_at(dir, tri, 1, kMargin + 264, kMargin - kBleed - kGap - 1.2) < 230);
    CHECK(grey_at(dir, tri, 1, kMargin + 528, kMargin - kBleed - kGap - 1.2) < 230);
    CHECK(grey_at(dir, tri, 1, kMargin + 200, kMargin - kBleed - kGap - 1.2) == 255);
    // Every colour is CMYK: the brand's teal has cyan; text is black ink alone.
    const std::string ops = run(python("import pikepdf,sys\np=pikepdf.open(sys.argv[1])\n"
                                       "print(p.pages[0].obj.Contents.read_bytes().decode('latin1'))") +
                                " " + quote(a4))
                                .out;
    CHECK(ops.find(" rg\n") == std::string::npos);
    CHECK(ops.find("0 0 0 0.898 k\n") != std::string::npos);
}

TEST_CASE("the print checker fails a screen PDF: no boxes, RGB colour, no PDF/X output intent", "[e2e][print]") {
    TempDir dir;
    const std::string pdf = dir.file("screen.pdf");
    REQUIRE(run(cli("build " + quote(content("lupus")) + " -o " + quote(pdf))).status == 0);
    const auto c = run(checker() + " --pdfx " + quote(pdf));
    CHECK(c.status == 1);
    CHECK(c.out.find("an RGB colour (rg)") != std::string::npos);
    CHECK(c.out.find("no TrimBox or no BleedBox") != std::string::npos);
    CHECK(c.out.find("no single GTS_PDFX output intent") != std::string::npos);
    CHECK(c.out.find("an annotation (/Link) on the printed area") != std::string::npos);
    // The screen PDF stays as it was: sRGB, PDF/A, no boxes beyond the MediaBox.
    CHECK(run(checker() + " --pdfa " + quote(pdf)).status == 0);
    CHECK(page_box(pdf, "TrimBox") == page_box(pdf, "MediaBox"));
    CHECK(page_box(pdf, "MediaBox")[3] == Approx(841.89).margin(0.01));
}

TEST_CASE("a brand's own inks print as given, and pictures under 300 dpi are a warning in print only", "[e2e][print]") {
    TempDir dir;
    fs::copy_file(repo_dir() + "/tests/data/logo.png", dir.file("logo.png"));
    fs::copy_file(content("lupus"), dir.file("lupus.toml"));
    std::string brand = slurp(repo_dir() + "/content/brand.toml");
    brand = "logo = \"logo.png\"\n" + brand + "\nprimary_cmyk = [100, 0, 35, 45]\n";
    REQUIRE(brand.find("[colors]") != std::string::npos);
    dir.write("brand.toml", brand);
    auto screen = run(cli("build lupus.toml -o screen.pdf"), dir.path());
    CHECK(screen.status == 0);
    CHECK(screen.err.find("check.print-resolution") == std::string::npos);
    auto print = run(cli("build lupus.toml --print -o print.pdf"), dir.path());
    REQUIRE(print.status == 0);
    CHECK(print.err.find("brand.toml:1:8: warning: the logo") != std::string::npos);
    CHECK(print.err.find("prints at 145 dpi; a print shop asks for 300 dpi [check.print-resolution]") !=
          std::string::npos);
    const std::string ops = run(python("import pikepdf,sys\np=pikepdf.open(sys.argv[1])\n"
                                       "print(p.pages[0].obj.Contents.read_bytes().decode('latin1'))") +
                                " " + quote(dir.file("print.pdf")))
                                .out;
    CHECK(ops.find("1 0 0.35 0.45 k\n") != std::string::npos);
    // The logo is converted to CMYK too.
    const std::string images = run("pdfimages -list " + quote(dir.file("print.pdf"))).out;
    CHECK(images.find(" cmyk ") != std::string::npos);
    CHECK(images.find(" rgb ") == std::string::npos);
    auto c = run(checker() + " --pdfa --pdfx " + quote(dir.file("print.pdf")));
    INFO(c.out);
    CHECK(c.status == 0);
    // Inks that are not four percentages are an error at the value.
    dir.write("brand.toml", slurp(repo_dir() + "/content/brand.toml") + "\naccent_cmyk = [0, 40, 100]\n");
    auto bad = run(cli("build lupus.toml --print -o bad.pdf"), dir.path());
    CHECK(bad.status == 1);
    CHECK(bad.err.find("error: 'accent_cmyk' is not four ink percentages") != std::string::npos);
}

TEST_CASE("a5 makes A5 pages with a 12 pt body, and booklet imposes them two-up on A4 landscape in saddle-stitch order",
          "[e2e][print]") {
    TempDir dir;
    const std::string a5 = dir.file("a5.pdf"), booklet = dir.file("booklet.pdf");
    REQUIRE(run(cli("build " + quote(content("lupus")) + " --layout a5 -o " + quote(a5))).status == 0);
    const std::string a5info = run("pdfinfo " + quote(a5)).out;
    CHECK(a5info.find("Page size:       419.528 x 595.276 pts") != std::string::npos);
    const int pages = std::stoi(a5info.substr(a5info.find("Pages:") + 6));
    CHECK(pages >= 3);
    CHECK(run(checker() + " --pdfa --poppler --content " + quote(content("lupus")) + " " + quote(a5)).status == 0);

    auto b = run(cli("build " + quote(content("lupus")) + " --layout booklet -o " + quote(booklet)));
    INFO(b.err);
    REQUIRE(b.status == 0);
    const std::string info = run("pdfinfo " + quote(booklet)).out;
    CHECK(info.find("Page size:       841.89 x 595.276 pts (A4)") != std::string::npos);
    const int sides = std::stoi(info.substr(info.find("Pages:") + 6));
    CHECK(sides == (pages + 3) / 4 * 2);
    // The cover is the right half of the first side; the last page the left half; footers keep
    // their reading-page numbers.
    const auto half = [&](int side, bool right) {
        return run("pdftotext -f " + std::to_string(side) + " -l " + std::to_string(side) + " -x " +
                   (right ? "421" : "0") + " -y 0 -W 420 -H 596 " + quote(booklet) + " -")
            .out;
    };
    const std::string cover = half(1, true);
    CHECK(cover.find("Stem Cell Therapy and Lupus") != std::string::npos);
    // The booklet's pages are whole fours (notes pages and the back cover take what is over).
    const int booklet_pages = sides * 2;
    CHECK(cover.find("Page 1 of " + std::to_string(booklet_pages)) != std::string::npos);
    CHECK(half(1, false).find("Page " + std::to_string(booklet_pages) + " of") != std::string::npos);
    CHECK(half(2, false).find("Page 2 of") != std::string::npos);
    // Tags follow the reading pages, not the sheets: every word in the content's order.
    auto c = run(checker() + " --pdfa --poppler --content " + quote(content("lupus")) + " " + quote(booklet));
    INFO(c.out);
    CHECK(c.status == 0);
    validators_silent(booklet);
    // A one-page leaflet: one sheet, its other pages notes pages and the back cover.
    const std::string one = dir.file("one.pdf");
    REQUIRE(
        run(cli("build " + quote(repo_dir() + "/tests/data/scripts/he.toml") + " --layout booklet -o " + quote(one)))
            .status == 0);
    CHECK(run("pdfinfo " + quote(one)).out.find("Pages:           2") != std::string::npos);
    validators_silent(one);
    // A booklet too thick to fold is a warning, not a refusal.
    std::string leaflet = slurp(content("stem-cell-therapy-autoimmune"));
    const std::string sections = leaflet.substr(leaflet.find("[[section]]"));
    for (int i = 0; i < 14; ++i) leaflet += "\n" + sections;
    dir.write("thick.toml", leaflet);
    auto thick = run(
        cli("build thick.toml --brand " + quote(repo_dir() + "/content/brand.toml") + " --layout booklet -o thick.pdf"),
        dir.path());
    CHECK(thick.status == 0);
    CHECK(thick.err.find("thick.toml:1:9: warning: the booklet takes ") != std::string::npos);
    CHECK(thick.err.find("saddle stitching holds 16 at most [layout.booklet]") != std::string::npos);
    CHECK(b.err.find("layout.booklet") == std::string::npos);
    // Arabic opens the other way: bound on the right, its cover is the first side's left half.
    const std::string ar = dir.file("ar.pdf");
    REQUIRE(run(cli("build " + quote(repo_dir() + "/tests/data/arabic.toml") + " --layout booklet -o " + quote(ar)))
                .status == 0);
    const auto ar_half = [&](bool right) {
        return words(run("pdftotext -f 1 -l 1 -x " + std::string(right ? "421" : "0") + " -y 0 -W 420 -H 596 " +
                         quote(ar) + " -")
                         .out);
    };
    CHECK(ar_half(false).size() > 10);
    // Its back cover, the right half, has the call to action (never a blank page).
    std::string back;
    for (const auto& w : ar_half(true)) back += w + " ";
    CHECK(back.find("(555) 010-0199") != std::string::npos);
    // Printed on both sides, turned on the short edge, as the trifold is.
    const std::string duplex =
        python("import pikepdf,sys\nprint(pikepdf.open(sys.argv[1]).Root.ViewerPreferences.get('/Duplex'))");
    CHECK(run(duplex + " " + quote(booklet)).out == "/DuplexFlipShortEdge\n");
    const std::string tri = dir.file("tri.pdf");
    REQUIRE(run(cli("build " + quote(content("lupus")) + " --layout trifold -o " + quote(tri))).status == 0);
    CHECK(run(duplex + " " + quote(tri)).out == "/DuplexFlipShortEdge\n");
    CHECK(run(duplex + " " + quote(a5)).out == "None\n");
}

TEST_CASE("batch --print rebuilds what the screen batch built, into the print versions", "[e2e][print]") {
    TempDir dir;
    fs::copy_file(content("lupus"), dir.file("lupus.toml"));
    fs::copy_file(repo_dir() + "/content/brand.toml", dir.file("brand.toml"));
    REQUIRE(run(cli("batch . -o out"), dir.path()).status == 0);
    CHECK(page_box(dir.file("out/lupus-a4.pdf"), "TrimBox")[0] == 0);
    auto p = run(cli("batch . -o out --print"), dir.path());
    INFO(p.out << p.err);
    REQUIRE(p.status == 0);
    CHECK(run(checker() + " --pdfx " + quote(dir.file("out/lupus-a4.pdf"))).status == 0);
}

TEST_CASE("a print PDF of a leaflet without a reviewed date is dated the day of the build, as PDF/X asks",
          "[e2e][print]") {
    TempDir dir;
    std::string leaflet = slurp(content("lupus"));
    const auto at = leaflet.find("reviewed = ");
    REQUIRE(at != std::string::npos);
    leaflet.erase(at, leaflet.find('\n', at) - at + 1);
    dir.write_all({{"lupus.toml", leaflet}, {"brand.toml", slurp(repo_dir() + "/content/brand.toml")}});
    REQUIRE(run(cli("build lupus.toml --print -o p.pdf"), dir.path()).status == 0);
    CHECK(run("pdfinfo p.pdf", dir.path()).out.find("CreationDate:") != std::string::npos);
    auto c = run(checker() + " --pdfa --pdfx " + quote(dir.file("p.pdf")));
    INFO(c.out);
    CHECK(c.status == 0);
    // The screen PDF of the same leaflet stays undated (reproducible).
    REQUIRE(run(cli("build lupus.toml -o s.pdf"), dir.path()).status == 0);
    CHECK(run("pdfinfo s.pdf", dir.path()).out.find("CreationDate:") == std::string::npos);
}
