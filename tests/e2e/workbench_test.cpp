// The staff's workbench: preview pictures that match what a PDF viewer draws, the contact sheet
// in a real browser, watch, new, and one batch for several sites.
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>

#include "core/image.hpp"
#include "run.hpp"

using namespace leafpress;
using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

const std::string kEpoch = "SOURCE_DATE_EPOCH=1795564800 ";  // 2026-11-25

Raster png_at(const std::string& path) {
    const auto img = decode_image(slurp(path));
    INFO(path);
    REQUIRE(img.raster);
    return *img.raster;
}

struct Difference {
    double mean = 0;  // average difference of a channel, 0..255
    double far = 0;   // share of pixels with a channel more than 64 apart
};

Difference compare(const Raster& a, const Raster& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    REQUIRE(a.channels == 3);
    REQUIRE(b.channels == 3);
    double sum = 0;
    std::size_t far = 0;
    const std::size_t n = static_cast<std::size_t>(a.width) * static_cast<std::size_t>(a.height);
    for (std::size_t i = 0; i < n; ++i) {
        int most = 0;
        for (int c = 0; c < 3; ++c) {
            const int d = std::abs(a.pixels[3 * i + c] - b.pixels[3 * i + c]);
            sum += d;
            most = std::max(most, d);
        }
        far += most > 64;
    }
    return {sum / (3.0 * static_cast<double>(n)), static_cast<double>(far) / static_cast<double>(n)};
}

}  // namespace

TEST_CASE("preview: each page's picture matches pdftoppm's of the PDF at the same resolution", "[e2e][preview]") {
    TempDir dir;
    struct Case {
        std::string content, brand, layout;
    };
    const std::vector<Case> cases{
        {repo_dir() + "/content/lupus.toml", "", "a4"},
        {repo_dir() + "/content/stem-cell-therapy-autoimmune.toml", "", "trifold"},
        {repo_dir() + "/content/psoriasis.toml", "", "booklet"},
        {data_dir() + "/arabic.toml", repo_dir() + "/content/brand.toml", "a4"},
        {data_dir() + "/scripts/zh.toml", data_dir() + "/scripts/brand.toml", "a5"},
    };
    for (const auto& c : cases) {
        const std::string stem = fs::path(c.content).stem().string();
        const std::string brand = c.brand.empty() ? "" : " --brand " + quote(c.brand);
        CAPTURE(stem, c.layout);
        const auto pv =
            run(kEpoch + cli("preview " + quote(c.content) + " --layout " + c.layout + " --dpi 50 -o png" + brand),
                dir.path());
        INFO(pv.err);
        REQUIRE(pv.status == 0);
        REQUIRE(
            run(kEpoch + cli("build " + quote(c.content) + " --layout " + c.layout + " -o " + stem + ".pdf" + brand),
                dir.path())
                .status == 0);
        REQUIRE(run("pdftoppm -r 50 -png " + stem + ".pdf ref-" + stem, dir.path()).status == 0);
        int pages = 0;
        for (int n = 1; fs::exists(dir.file("ref-" + stem + "-" + std::to_string(n) + ".png")); ++n) {
            CAPTURE(n);
            const std::string mine = dir.file("png/" + stem + "-" + c.layout + "-" + std::to_string(n) + ".png");
            REQUIRE(fs::exists(mine));
            const Difference d =
                compare(png_at(mine), png_at(dir.file("ref-" + stem + "-" + std::to_string(n) + ".png")));
            CAPTURE(d.mean, d.far);
            CHECK(d.mean < 2.0);
            CHECK(d.far < 0.015);
            ++pages;
        }
        CHECK(pages > 0);
        CHECK_FALSE(fs::exists(dir.file("png/" + stem + "-" + c.layout + "-" + std::to_string(pages + 1) + ".png")));
    }
}

TEST_CASE("preview: --dpi sets the size, pictures of pages that are gone go, a failed build writes none",
          "[e2e][preview]") {
    TempDir dir;
    const std::string lupus = quote(repo_dir() + "/content/lupus.toml");
    dir.write("png/lupus-a4-7.png", "left from a longer version");
    dir.write("png/lupus-a4-3.png", "left from a longer version");
    REQUIRE(run(kEpoch + cli("preview " + lupus + " --dpi 36 -o png"), dir.path()).status == 0);
    const Raster first = png_at(dir.file("png/lupus-a4-1.png"));
    CHECK(first.width == 298);   // 595.28 pt at 36 dpi, rounded up
    CHECK(first.height == 421);  // 841.89 pt
    CHECK(fs::exists(dir.file("png/lupus-a4-2.png")));
    // Lupus has two pages in a4; pictures preview did not write (not in its record) are not its to remove.
    CHECK(slurp(dir.file("png/lupus-a4-3.png")) == "left from a longer version");
    CHECK(slurp(dir.file("png/lupus-a4-7.png")) == "left from a longer version");
    CHECK(run(kEpoch + cli("preview " + lupus + " --dpi 0 -o png"), dir.path()).status == 2);
    // A resolution that would need gigabytes of pixels is refused, not attempted.
    const auto huge = run(kEpoch + cli("preview " + lupus + " --dpi 2000 -o huge"), dir.path());
    CHECK(huge.status == 1);
    CHECK(huge.err.find("[png.size]") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("huge/lupus-a4-1.png")));
    dir.write("c/brand.toml", slurp(repo_dir() + "/content/brand.toml"));
    dir.write("c/broken.toml", "title = \n");
    const auto bad = run(kEpoch + cli("preview c/broken.toml -o out"), dir.path());
    CHECK(bad.status == 1);
    CHECK(bad.err.find("broken.toml:1:") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out/broken-a4-1.png")));
}

TEST_CASE("new: a commented starting leaflet that builds and passes check, never over a file", "[e2e][new]") {
    TempDir dir;
    dir.write("brand.toml", slurp(repo_dir() + "/content/brand.toml"));
    const auto made = run(kEpoch + cli("new knee-pain.toml"), dir.path());
    INFO(made.err);
    REQUIRE(made.status == 0);
    const std::string text = slurp(dir.file("knee-pain.toml"));
    CHECK(text.find("title = \"Knee pain\"") != std::string::npos);
    CHECK(text.find("reviewed = 2026-11-25") != std::string::npos);
    // Every key of the content file is there, with a comment line above it.
    for (const std::string key : {"title", "subtitle", "condition", "language", "reviewed", "next_review", "summary",
                                  "code", "version", "references", "heading", "kind", "body"}) {
        CAPTURE(key);
        const std::regex keyed("#[^\n]*\n#? ?" + key + " = ");
        CHECK(std::regex_search(text, keyed));
    }
    const auto checked = run(kEpoch + cli("check knee-pain.toml"), dir.path());
    CHECK(checked.status == 0);
    CHECK(checked.err.find("0 errors, 0 warnings") != std::string::npos);
    CHECK(run(kEpoch + cli("build knee-pain.toml"), dir.path()).status == 0);
    CHECK(run("pdftotext knee-pain.pdf -", dir.path()).out.find("Knee pain") != std::string::npos);
    // It never writes over a file, and wants a .toml name.
    dir.write("mine.toml", "title = \"Mine\"\n");
    CHECK(run(kEpoch + cli("new mine.toml"), dir.path()).status == 1);
    CHECK(slurp(dir.file("mine.toml")) == "title = \"Mine\"\n");
    CHECK(run(kEpoch + cli("new notes.txt"), dir.path()).status == 1);
    CHECK_FALSE(fs::exists(dir.file("notes.txt")));
}

TEST_CASE("watch: rebuilds within a second of a save, once for a burst, keeping the last good PDF", "[e2e][watch]") {
    TempDir dir;
    dir.write("brand.toml", slurp(repo_dir() + "/content/brand.toml"));
    dir.write("c.toml", slurp(repo_dir() + "/content/lupus.toml"));
    // Four builds: the first, after one save, after a burst of saves, after a broken save. The
    // script times how long each change takes to show in the PDF.
    const std::string script = kEpoch + cli("watch c.toml -o c.pdf --builds 4") + R"SH( 2>log &
pid=$!
wait_for() { for i in $(seq 1 3000); do grep -c "$1" log 2>/dev/null | grep -qx "$2" && return 0; sleep 0.02; done; return 1; }
wait_for 'watching' 1 || exit 10
t0=$(date +%s%N)
sed -i 's/^subtitle = .*/subtitle = "First change"/' c.toml
wait_for 'wrote c.pdf' 2 || exit 11
echo "first $(( ($(date +%s%N) - t0) / 1000000 ))"
wait_for 'watching' 2 || exit 12
for k in 1 2 3 4 5; do sed -i "s/^subtitle = .*/subtitle = \"Burst $k\"/" c.toml; sleep 0.01; done
wait_for 'wrote c.pdf' 3 || exit 13
wait_for 'watching' 3 || exit 14
cp c.pdf good.pdf
sed -i 's/^title = .*/title = /' c.toml
wait $pid
echo "status $?"
)SH";
    const auto r = run("bash -c " + quote(script), dir.path());
    const std::string log = slurp(dir.file("log"));
    INFO(r.out << r.err << log);
    REQUIRE(r.status == 0);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("first (\\d+)")));
    const int seen_ms = std::stoi(m[1]);
    // The save is seen within a second: the time from the save to the PDF, less the build's own
    // time (which a loaded machine stretches), is the watcher's (the event and its quiet time).
    std::smatch built;
    const std::string after_first = log.substr(log.find("wrote c.pdf") + 1);
    REQUIRE(std::regex_search(after_first, built, std::regex("wrote c.pdf .* in (\\d+) ms")));
    CAPTURE(seen_ms, built[1]);
    CHECK(seen_ms - std::stoi(built[1]) < 1000);
    // The burst built once, with its last save.
    CHECK(run("pdftotext c.pdf -", dir.path()).out.find("Burst 5") != std::string::npos);
    // The broken save is reported where it is, and the last good PDF stays.
    CHECK(log.find("c.toml:1:") != std::string::npos);
    CHECK(log.find("not built; c.pdf is still the last good build") != std::string::npos);
    CHECK(slurp(dir.file("c.pdf")) == slurp(dir.file("good.pdf")));
    CHECK(r.out.find("status 1") != std::string::npos);  // the last build failed
}

TEST_CASE("batch for two sites: each site's leaflets in its folder, with its own phone number", "[e2e][sites]") {
    TempDir dir;
    const std::string brand = slurp(repo_dir() + "/content/brand.toml");
    dir.write("sites/north/brand.toml", brand);
    dir.write("sites/south.toml", std::regex_replace(std::regex_replace(brand, std::regex("phone = \"[^\"]*\""),
                                                                        "phone = \"+1 619 555 0142 ext. 7\""),
                                                     std::regex("name = \"[^\"]*\""), "name = \"Southside Clinic\""));
    dir.write("c/lupus.toml", slurp(repo_dir() + "/content/lupus.toml"));
    dir.write("c/psoriasis.toml", slurp(repo_dir() + "/content/psoriasis.toml"));
    const auto r =
        run(kEpoch + cli("batch c -o out --brand sites/north/brand.toml --brand sites/south.toml --layout a4 "
                         "--layout trifold"),
            dir.path());
    INFO(r.err << r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("north/lupus") != std::string::npos);
    CHECK(r.out.find("south/lupus") != std::string::npos);
    for (const std::string leaflet : {"lupus-a4", "lupus-trifold", "psoriasis-a4", "psoriasis-trifold"}) {
        CAPTURE(leaflet);
        const auto north = run("pdftotext out/north/" + leaflet + ".pdf -", dir.path());
        const auto south = run("pdftotext out/south/" + leaflet + ".pdf -", dir.path());
        REQUIRE(north.status == 0);
        REQUIRE(south.status == 0);
        CHECK(north.out.find("(858) 258-5090") != std::string::npos);
        CHECK(north.out.find("619 555") == std::string::npos);
        CHECK(south.out.find("+1 619 555 0142 ext. 7") != std::string::npos);
        CHECK(south.out.find("Southside Clinic") != std::string::npos);
        CHECK(south.out.find("258-5090") == std::string::npos);
    }
    CHECK_FALSE(fs::exists(dir.file("out/lupus-a4.pdf")));
    // The contact sheet groups by site.
    const std::string html = slurp(dir.file("out/index.html"));
    CHECK(html.find("data-site=\"north\"") < html.find("data-site=\"south\""));
    CHECK(html.find("Southside Clinic &middot; +1 619 555 0142 ext. 7") != std::string::npos);
    // Nothing changed: nothing built, and the sheet still shows every leaflet with its pictures.
    const auto again = run(kEpoch + cli("batch c -o out --brand sites/north/brand.toml --brand sites/south.toml "
                                        "--layout a4 --layout trifold"),
                           dir.path());
    CHECK(again.out.find("8 up to date") != std::string::npos);
    const auto svgs = [](const std::string& text) {
        std::size_t n = 0;
        for (std::size_t at = text.find("<svg "); at != std::string::npos; at = text.find("<svg ", at + 1)) ++n;
        return n;
    };
    const std::string kept = slurp(dir.file("out/index.html"));
    CHECK(svgs(kept) >= 8);
    CHECK(svgs(kept) == svgs(html));
    // The thumbnails are kept in a file of leafpress's own, not taken from the sheet: without the
    // sheet, it is written again the same; without that file, the leaflets are built again to draw them.
    fs::remove(dir.file("out/index.html"));
    const auto rewritten = run(kEpoch + cli("batch c -o out --brand sites/north/brand.toml --brand sites/south.toml "
                                            "--layout a4 --layout trifold"),
                               dir.path());
    CHECK(rewritten.out.find("8 up to date") != std::string::npos);
    CHECK(svgs(slurp(dir.file("out/index.html"))) == svgs(html));
    fs::remove(dir.file("out/.leafpress-thumbnails"));
    const auto redrawn = run(kEpoch + cli("batch c -o out --brand sites/north/brand.toml --brand sites/south.toml "
                                          "--layout a4 --layout trifold"),
                             dir.path());
    CHECK(redrawn.out.find("8 built, 0 up to date") != std::string::npos);
    CHECK(slurp(dir.file("out/index.html")) == html);
    // Two brands that would share a folder, or a brand file that is not there: nothing is built.
    dir.write("other/north.toml", brand);
    const auto clash =
        run(kEpoch + cli("batch c -o out2 --brand sites/north/brand.toml --brand other/north.toml"), dir.path());
    CHECK(clash.status == 1);
    CHECK(clash.err.find("[batch.site]") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out2/north")));
    const auto missing = run(kEpoch + cli("batch c -o out3 --brand nowhere.toml --brand sites/south.toml"), dir.path());
    CHECK(missing.status == 1);
    CHECK(missing.err.find("nowhere.toml: error: no such brand file") != std::string::npos);
}

TEST_CASE("contact sheet: loads in headless Chromium showing every leaflet's pages", "[e2e][contact-sheet]") {
    TempDir dir;
    REQUIRE(fs::exists("/usr/bin/chromium"));
    dir.write("c/brand.toml", slurp(repo_dir() + "/content/brand.toml"));
    dir.write("c/lupus.toml", slurp(repo_dir() + "/content/lupus.toml"));
    dir.write("c/crohns-disease.toml", slurp(repo_dir() + "/content/crohns-disease.toml"));
    dir.write("c/broken.toml", "title = \"Broken\"\n[[section]]\nbody = 3\n");
    const auto b = run(kEpoch + cli("batch c -o out --layout a4 --layout trifold"), dir.path());
    CHECK(b.status == 1);  // broken.toml fails, and is on the sheet
    // The progress bar is for terminals: piped, stderr holds no redrawn line.
    CHECK(b.err.find('\r') == std::string::npos);
    const std::string chromium =
        "chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "
        "--disable-extensions --user-data-dir=" +
        quote(dir.file("profile")) + " ";
    const auto dom = run(chromium + "--dump-dom " + quote("file://" + dir.file("out/index.html")));
    INFO(dom.err.substr(0, 2000));
    REQUIRE(dom.status == 0);
    // Six cards: two leaflets built in two layouts, the broken one failed in both.
    const std::regex card("data-status=\"([a-z-]+)\"");
    int built = 0, failed = 0;
    for (auto it = std::sregex_iterator(dom.out.begin(), dom.out.end(), card); it != std::sregex_iterator(); ++it)
        ((*it)[1] == "failed" ? failed : built)++;
    CHECK(built == 4);
    CHECK(failed == 2);
    CHECK(dom.out.find("<code>input.type</code>") != std::string::npos);  // the broken leaflet's finding, with its code
    // The thumbnails are drawn: one per page, each an SVG, and the browser's screenshot shows the
    // leaflets' teal cover bands, which nothing else on the sheet has.
    CHECK(std::regex_search(dom.out, std::regex("<div class=\"thumbs\"[^>]*>\\s*<svg [^>]*aria-label=\"page 1\"")));
    REQUIRE(run(chromium + "--window-size=1400,1400 --screenshot=" + quote(dir.file("shot.png")) + " " +
                quote("file://" + dir.file("out/index.html")))
                .status == 0);
    const Raster shot = png_at(dir.file("shot.png"));
    std::size_t teal = 0;
    for (std::size_t i = 0; i + 2 < shot.pixels.size(); i += static_cast<std::size_t>(shot.channels)) {
        const int r = shot.pixels[i], g = shot.pixels[i + 1], bl = shot.pixels[i + 2];
        teal += std::abs(r - 14) < 12 && std::abs(g - 110) < 12 && std::abs(bl - 110) < 12;
    }
    CHECK(teal > 4000);
}

TEST_CASE("watch: an edited translation file is read again for the next build", "[e2e][watch]") {
    TempDir dir;
    fs::create_directories(dir.file("home"));
    fs::copy(repo_dir() + "/fonts", dir.file("home/fonts"));
    fs::copy(repo_dir() + "/layouts", dir.file("home/layouts"));
    fs::copy(repo_dir() + "/data", dir.file("home/data"), fs::copy_options::recursive);
    dir.write("brand.toml", slurp(repo_dir() + "/content/brand.toml"));
    dir.write("c.toml",
              "title = \"Rodilla\"\nlanguage = \"es\"\nreviewed = 2026-10-01\n[[section]]\nheading = \"Qué es\"\n"
              "body = \"Texto.\"\n");
    const std::string script = "LEAFPRESS_HOME=" + quote(dir.file("home")) + " " + kEpoch +
                               cli("watch c.toml -o c.pdf --builds 2") +
                               R"SH( 2>log &
pid=$!
wait_for() { for i in $(seq 1 3000); do grep -c "$1" log 2>/dev/null | grep -qx "$2" && return 0; sleep 0.02; done; return 1; }
wait_for 'watching' 1 || exit 10
pdftotext c.pdf first.txt
sed -i 's/^page = .*/page = "Hoja {n} de {m}"/' home/data/translations/es.toml
wait $pid
echo "status $?"
)SH";
    const auto r = run("bash -c " + quote(script), dir.path());
    INFO(r.out << r.err << slurp(dir.file("log")));
    REQUIRE(r.status == 0);
    CHECK(slurp(dir.file("first.txt")).find("Hoja 1 de") == std::string::npos);
    CHECK(run("pdftotext c.pdf -", dir.path()).out.find("Hoja 1 de 1") != std::string::npos);
}
