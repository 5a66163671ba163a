// Every shipped leaflet in every shipped layout: page size and count, the phone on every
// page, the call to action's QR code and tel: link, document info, outline, reproducibility.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

#include "cli/commands.hpp"
#include "content/load_content.hpp"
#include "e2e/proof.hpp"
#include "e2e/run.hpp"

using namespace leafpress;
using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

struct Expect {
    const char* layout;
    double width, height;  // points
    int min_pages, max_pages;
    int qr_page;  // 0: the last page
};

const Expect kLayouts[] = {
    {"a4", 595.28, 841.89, 2, 12, 0},
    {"letter", 612, 792, 2, 12, 0},
    {"large-print", 595.28, 841.89, 3, 20, 0},
    {"trifold", 792, 612, 2, 2, 1},
};

std::string info_field(const std::string& info, const std::string& key) {
    std::smatch m;
    const std::regex re(key + ":\\s+(.*)");
    return std::regex_search(info, m, re) ? std::string(m[1]) : std::string();
}

// `mutool show X outline`: each entry's title and page, in order ("|\t\"Title\"\t#page=2&...").
std::vector<std::pair<std::string, int>> outline_entries(const std::string& listing) {
    std::vector<std::pair<std::string, int>> out;
    const std::regex entry("^[|+-]\t+\"(.*)\"\t#page=(\\d+)");
    std::istringstream in(listing);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_search(line, m, entry))
            out.emplace_back(m[1], std::stoi(m[2]));
        else
            out.emplace_back("unreadable outline line: " + line, 0);
    }
    return out;
}

// The section headings of a content file, in its order, as its loader reads them.
std::vector<std::string> headings_of(const std::string& content) {
    Diagnostics d;
    const auto doc = load_content(content, d);
    REQUIRE(doc);
    std::vector<std::string> out;
    for (const auto& section : doc->sections)
        if (!section.heading.empty()) out.push_back(section.heading);
    return out;
}

}  // namespace

TEST_CASE("every shipped leaflet in every layout", "[e2e][layouts]") {
    TempDir out;
    // The whole catalogue, as staff would build it.
    std::string layouts;
    for (const auto& e : kLayouts) layouts += std::string(" --layout ") + e.layout;
    auto batch = run(cli("batch " + quote(repo_dir() + "/content") + " -o " + quote(out.path()) + layouts));
    INFO(batch.err);
    REQUIRE(batch.status == 0);

    for (const auto& content : collect_content({repo_dir() + "/content"})) {
        const std::string stem = fs::path(content).stem().string();
        for (const auto& e : kLayouts) {
            const std::string pdf = out.file(stem + "-" + e.layout + ".pdf");
            INFO(pdf);
            REQUIRE(fs::exists(pdf));
            const auto info = run("pdfinfo " + quote(pdf)).out;
            // Page size and count.
            std::smatch m;
            REQUIRE(std::regex_search(info, m, std::regex("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")));
            CHECK(std::stod(m[1]) == Approx(e.width).margin(0.5));
            CHECK(std::stod(m[2]) == Approx(e.height).margin(0.5));
            const int pages = std::stoi(info_field(info, "Pages"));
            CHECK(pages >= e.min_pages);
            CHECK(pages <= e.max_pages);
            // Document info.
            CHECK(info_field(info, "Author") == "Cellebration Wellness");
            CHECK_FALSE(info_field(info, "Title").empty());
            CHECK(info_field(info, "CreationDate").find("2026") != std::string::npos);
            // The phone on every page.
            for (int p = 1; p <= pages; ++p) {
                auto t =
                    run("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " " + quote(pdf) + " -");
                CAPTURE(p);
                CHECK(t.out.find("(858) 258-5090") != std::string::npos);
            }
            // The QR code decodes to the tel: URI (the brand has no website).
            const int qr_page = e.qr_page == 0 ? pages : e.qr_page;
            const std::string png = out.file(stem + "-" + e.layout + "-qr");
            run("pdftoppm -r 150 -f " + std::to_string(qr_page) + " -l " + std::to_string(qr_page) +
                " -singlefile -png " + quote(pdf) + " " + quote(png));
            auto z = run("zbarimg -q --raw " + quote(png + ".png"));
            CHECK(z.out.find("tel:858-258-5090") != std::string::npos);
            // A tel: link annotation.
            const std::string qdf = out.file("q.pdf");
            run("qpdf --qdf --object-streams=disable " + quote(pdf) + " " + quote(qdf));
            const std::string raw = slurp(qdf);
            CHECK(raw.find("/Subtype /Link") != std::string::npos);
            CHECK(raw.find("/URI (tel:858-258-5090)") != std::string::npos);
            // An outline entry per section heading: the headings the content names, in its order,
            // each on a page of the leaflet, in page order.
            const auto outline = outline_entries(run("mutool show " + quote(pdf) + " outline").out);
            std::vector<std::string> titles;
            for (const auto& [title, page] : outline) titles.push_back(title);
            CHECK(titles == headings_of(content));
            for (std::size_t k = 0; k < outline.size(); ++k) {
                CHECK(outline[k].second >= (k == 0 ? 1 : outline[k - 1].second));
                CHECK(outline[k].second <= pages);
            }
            // The validators stay quiet.
            CHECK(run("qpdf --check " + quote(pdf)).status == 0);
            CHECK(run("pdftotext " + quote(pdf) + " /dev/null").err.empty());
            CHECK(run("mutool draw -N -q -o /dev/null " + quote(pdf)).err.empty());
        }
    }

    // A second batch into another folder gives byte-identical files.
    TempDir again;
    REQUIRE(run(cli("batch " + quote(repo_dir() + "/content") + " -o " + quote(again.path()) + layouts)).status == 0);
    for (const auto& entry : fs::directory_iterator(again.path())) {
        if (entry.path().extension() != ".pdf") continue;
        CAPTURE(entry.path().filename().string());
        CHECK(slurp(entry.path().string()) == slurp(out.file(entry.path().filename().string())));
    }
}

TEST_CASE("SOURCE_DATE_EPOCH sets the document dates", "[e2e][layouts]") {
    TempDir out;
    const std::string content = repo_dir() + "/content/stem-cell-therapy-autoimmune.toml";
    REQUIRE(run("SOURCE_DATE_EPOCH=1700000000 " + cli("build " + quote(content) + " -o " + quote(out.file("a.pdf"))))
                .status == 0);
    CHECK(info_field(run("pdfinfo " + quote(out.file("a.pdf"))).out, "CreationDate").find("2023") != std::string::npos);
}

TEST_CASE("a trifold that cannot hold its content says how much is left over", "[e2e][layouts]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"C\"\nphone = \"(555) 010-0199\"\n");
    std::string content = "title = \"Too long\"\n";
    for (int s = 0; s < 12; ++s) {
        content += "[[section]]\nheading = \"Part " + std::to_string(s) + "\"\nbody = \"\"\"\n";
        for (int p = 0; p < 4; ++p)
            content +=
                "A paragraph that goes on for long enough to need several lines in a narrow panel of a "
                "folded leaflet, again and again.\n\n";
        content += "\"\"\"\n";
    }
    dir.write("long.toml", content);
    auto r = run(cli("build long.toml --layout trifold -o long.pdf"), dir.path());
    CHECK(r.status == 1);
    CHECK(std::regex_search(r.err, std::regex("long\\.toml:[0-9]+:[0-9]+: error: the content does not fit the trifold "
                                              "layout: section 'Part [0-9]+' and what follows do not fit: [0-9]+ pt")));
    CHECK(r.err.find("down to 9.0 pt") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("long.pdf")));
}

TEST_CASE("the brand's logo, PNG or JPEG, is on the cover", "[e2e][layouts]") {
    for (const char* logo : {"logo.png", "logo.jpg"}) {
        CAPTURE(logo);
        TempDir dir;
        fs::copy_file(data_dir() + "/" + logo, dir.file(logo));
        dir.write("brand.toml",
                  std::string("name = \"C\"\nphone = \"(555) 010-0199\"\nwebsite = \"https://example.org\"\n"
                              "logo = \"") +
                      logo + "\"\n");
        dir.write("leaflet.toml", "title = \"Logo\"\n[[section]]\nheading = \"H\"\nbody = \"Text.\"\n");
        for (const char* layout : {"a4", "trifold"}) {
            auto r = run(cli(std::string("build leaflet.toml -o out.pdf --layout ") + layout), dir.path());
            INFO(r.err);
            REQUIRE(r.status == 0);
            auto images = run("pdfimages -list " + quote(dir.file("out.pdf")));
            CHECK(std::count(images.out.begin(), images.out.end(), '\n') >= 3);  // header, rule, one image
            CHECK(run("qpdf --check " + quote(dir.file("out.pdf"))).status == 0);
            CHECK(run("mutool draw -N -q -o /dev/null " + quote(dir.file("out.pdf"))).err.empty());
            // With a website, the QR code points there (a short leaflet: page 1, or the outside).
            run("pdftoppm -r 150 -f 1 -l 1 -singlefile -png " + quote(dir.file("out.pdf")) + " " +
                quote(dir.file("p")));
            CHECK(run("zbarimg -q --raw " + quote(dir.file("p.png"))).out.find("https://example.org") !=
                  std::string::npos);
        }
    }
}

TEST_CASE("a logo that is not an image is an error at its key", "[e2e][layouts]") {
    TempDir dir;
    dir.write("fake.png", "not a png");
    dir.write("brand.toml", "name = \"C\"\nphone = \"123\"\nlogo = \"fake.png\"\n");
    dir.write("leaflet.toml", "title = \"T\"\n[[section]]\nbody = \"x\"\n");
    auto r = run(cli("build leaflet.toml"), dir.path());
    CHECK(r.status == 1);
    CHECK(r.err.find("brand.toml:3:8: error: the logo '") != std::string::npos);
    CHECK(r.err.find("cannot be used: the file is neither a PNG nor a JPEG image [brand.logo]") != std::string::npos);
}

TEST_CASE("a logo's format comes from its bytes: a PNG named .jpg is drawn", "[e2e][layouts]") {
    TempDir dir;
    fs::copy_file(data_dir() + "/logo.png", dir.file("logo.jpg"));
    dir.write("leaflet.toml", "title = \"T\"\n[[section]]\nbody = \"x\"\n");
    dir.write("brand.toml", "name = \"C\"\nphone = \"123\"\nlogo = \"logo.jpg\"\n");
    auto r = run(cli("build leaflet.toml -o out.pdf"), dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto images = run("pdfimages -list " + quote(dir.file("out.pdf")));
    CHECK(images.out.find("240    90  rgb") != std::string::npos);
    CHECK(images.out.find(" smask ") != std::string::npos);  // its transparency is kept
}

TEST_CASE(
    "an unfamiliar clinic: every leaflet in every layout keeps its phone whole, its headings with their text, and no "
    "text on text",
    "[e2e][layouts][proof]") {
    TempDir dir;
    fs::create_directory(dir.file("c"));
    for (const auto& e : fs::directory_iterator(repo_dir() + "/content"))
        if (e.path().filename() != "brand.toml") fs::copy_file(e.path(), dir.file("c/" + e.path().filename().string()));
    const std::string phone = "+44 (0)20 7946 0958 ext. 1234";
    dir.write("c/brand.toml",
              "name = \"The Royal Northern Regional Rheumatology and Autoimmune Wellness Partnership Clinic\"\n"
              "phone = \"" +
                  phone +
                  "\"\n"
                  "website = \"https://www.northern-autoimmune-partnership.example.org.uk/patients/leaflets\"\n"
                  "tagline = \"Specialist care for people with long-term autoimmune conditions across the north\"\n"
                  "disclaimer = \"For general information only; ask your own care team about your treatment.\"\n"
                  "call_to_action = \"Ring us to book a consultation with one of our specialist nurses.\"\n");
    auto r = run("SOURCE_DATE_EPOCH=1795564800 " +
                     cli("batch c -o out --layout a4 --layout letter --layout large-print --layout trifold"),
                 dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    const struct {
        const char* layout;
        double heading;
    } layouts[] = {{"a4", 16}, {"letter", 15}, {"large-print", 21}, {"trifold", 12.5}};
    int checked = 0;
    for (const auto& e : fs::directory_iterator(dir.file("out"))) {
        if (e.path().extension() != ".pdf") continue;
        const std::string name = e.path().filename().string();
        CAPTURE(name);
        const auto pages = proof(e.path().string());
        REQUIRE_FALSE(pages.empty());
        double heading = 0;
        for (const auto& l : layouts)
            if (name.ends_with(std::string("-") + l.layout + ".pdf")) heading = l.heading;
        for (std::size_t p = 0; p < pages.size(); ++p) {
            CAPTURE(p + 1);
            // The number, whole, on one line of every page.
            const bool whole = std::any_of(pages[p].lines.begin(), pages[p].lines.end(),
                                           [&](const ProofLine& l) { return l.text.find(phone) != std::string::npos; });
            CHECK(whole);
            CHECK(overlaps(pages[p]).empty());
            // A section heading (bold, in the brand colour, at the heading size) has text below it
            // in its column.
            for (const auto& h : pages[p].lines) {
                if (h.font != "NotoSans-Bold" || h.color != "#0e6e6e" || std::abs(h.size - heading) > 0.01) continue;
                const bool followed =
                    std::any_of(pages[p].lines.begin(), pages[p].lines.end(), [&](const ProofLine& l) {
                        return l.baseline > h.baseline + 1 && l.x0 < h.x1 && l.x1 > h.x0 && l.size < heading - 0.5 &&
                               l.text.find(phone) == std::string::npos;
                    });
                CAPTURE(h.text);
                CHECK(followed);
            }
        }
        ++checked;
    }
    CHECK(checked == 24);
}
