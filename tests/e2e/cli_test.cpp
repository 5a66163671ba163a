#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>
#include <regex>

#include "e2e/run.hpp"

using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {
const std::string kBrand = "name = \"Clinic\"\nphone = \"(555) 010-0199\"\n";
const std::string kGood = "title = \"A leaflet\"\n[[section]]\nheading = \"One\"\nbody = \"Some text.\"\n";
}  // namespace

TEST_CASE("the version and help flags exit 0", "[cli]") {
    auto v = run(cli("--version"));
    CHECK(v.status == 0);
    CHECK(v.out.find("leafpress 0.") != std::string::npos);
    auto h = run(cli("--help"));
    CHECK(h.status == 0);
    CHECK(h.out.find("build") != std::string::npos);
    CHECK(h.out.find("batch") != std::string::npos);
    CHECK(h.out.find("check") != std::string::npos);
}

TEST_CASE("wrong usage exits 2", "[cli]") {
    CHECK(run(cli("")).status == 2);
    CHECK(run(cli("build")).status == 2);
    CHECK(run(cli("build x.toml --no-such-flag")).status == 2);
    CHECK(run(cli("frobnicate")).status == 2);
    CHECK(run(cli("check")).status == 2);
}

TEST_CASE("build writes <content>.pdf in the current folder by default", "[cli]") {
    TempDir dir;
    dir.write("brand.toml", kBrand);
    dir.write("leaflet.toml", kGood);
    auto r = run(cli("build leaflet.toml"), dir.path());
    CHECK(r.status == 0);
    CHECK(fs::exists(dir.file("leaflet.pdf")));
    CHECK(slurp(dir.file("leaflet.pdf")).starts_with("%PDF-"));
}

TEST_CASE("bad input exits 1 with file:line:col and leaves no PDF", "[cli]") {
    struct Case {
        const char* name;
        std::string content;
        std::string expected;
    };
    const Case cases[] = {
        {"empty", "", "leaflet.toml:1:1: error: file is empty"},
        {"utf-16", std::string("\xFF\xFEt\0i\0", 6), "leaflet.toml:1:1: error: file is UTF-16 encoded"},
        {"binary",
         std::string("\x7F"
                     "ELF\x02\x01\x01\0\0\0",
                     10),
         "leaflet.toml:1:8: error: file contains a NUL byte"},
        {"invalid utf-8", "title = \"\xFF\"\n", "leaflet.toml:1:10: error: invalid UTF-8"},
        {"wrong type", "title = [1]\n[[section]]\nbody = \"x\"\n", "leaflet.toml:1:9: error: 'title' must be a string"},
        {"bad kind", "title = \"T\"\n[[section]]\nkind = \"box\"\nbody = \"x\"\n",
         "leaflet.toml:3:8: error: unknown section kind 'box'"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        TempDir dir;
        dir.write("brand.toml", kBrand);
        dir.write("leaflet.toml", c.content);
        auto r = run(cli("build leaflet.toml -o out.pdf"), dir.path());
        CHECK(r.status == 1);
        CHECK(r.err.find(c.expected) != std::string::npos);
        CHECK_FALSE(fs::exists(dir.file("out.pdf")));
    }
}

TEST_CASE("a missing content file or brand exits 1", "[cli]") {
    TempDir dir;
    auto r = run(cli("build nowhere.toml"), dir.path());
    CHECK(r.status == 1);
    CHECK(r.err.find("nowhere.toml: error: cannot open file") != std::string::npos);
    dir.write("leaflet.toml", kGood);
    auto nb = run(cli("build leaflet.toml --brand nobrand.toml"), dir.path());
    CHECK(nb.status == 1);
}

TEST_CASE("an unknown layout name lists the layouts there are", "[cli]") {
    TempDir dir;
    dir.write_all({{"brand.toml", kBrand}, {"leaflet.toml", kGood}});
    auto r = run(cli("build leaflet.toml --layout a6"), dir.path());
    CHECK(r.status == 1);
    CHECK(r.err.find("error: unknown layout 'a6'") != std::string::npos);
    CHECK(r.err.find("the layouts are: a4, a5, booklet, large-print, letter, trifold") != std::string::npos);
    CHECK(run(cli("build leaflet.toml --layout ./missing.toml"), dir.path())
              .err.find("missing.toml: error: cannot open file") != std::string::npos);
}

TEST_CASE("a failed build never damages an existing PDF", "[cli]") {
    TempDir dir;
    dir.write("brand.toml", kBrand);
    dir.write("leaflet.toml", kGood);
    REQUIRE(run(cli("build leaflet.toml -o keep.pdf"), dir.path()).status == 0);
    const std::string before = slurp(dir.file("keep.pdf"));
    dir.write("leaflet.toml", "title = 3\n");
    CHECK(run(cli("build leaflet.toml -o keep.pdf"), dir.path()).status == 1);
    CHECK(slurp(dir.file("keep.pdf")) == before);
    // And no temporary file is left behind.
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++files;
    CHECK(files == 3);
}

TEST_CASE("check reports and writes nothing", "[cli]") {
    TempDir dir;
    dir.write("brand.toml", kBrand);
    dir.write("leaflet.toml", kGood + "colour = 1\n");
    auto r = run(cli("check leaflet.toml"), dir.path());
    CHECK(r.status == 0);
    CHECK(r.err.find("leaflet.toml:5:1: warning: unknown key 'colour'") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("leaflet.pdf")));
    dir.write("bad.toml", "title = 1\n");
    CHECK(run(cli("check bad.toml"), dir.path()).status == 1);
}

TEST_CASE("batch builds every content file for every layout, and a bad one does not stop the rest", "[cli][batch]") {
    TempDir dir;
    dir.write_all({{"c/brand.toml", kBrand},
                   {"c/alpha.toml", kGood},
                   {"c/beta.toml", kGood},
                   {"c/broken.toml", "title = \n"},
                   {"c/notes.txt", "not a leaflet"}});
    auto r = run(cli("batch c -o o"), dir.path());
    CHECK(r.status == 1);
    CHECK(fs::exists(dir.file("o/alpha-a4.pdf")));
    CHECK(fs::exists(dir.file("o/beta-a4.pdf")));
    CHECK_FALSE(fs::exists(dir.file("o/broken-a4.pdf")));
    CHECK_FALSE(fs::exists(dir.file("o/brand-a4.pdf")));
    CHECK(r.err.find("broken.toml:1:") != std::string::npos);
    CHECK(r.out.find("3 leaflets: 2 built, 0 up to date, 1 failed") != std::string::npos);

    fs::remove(dir.file("c/broken.toml"));
    auto ok =
        run(cli("batch c/alpha.toml c/beta.toml -o o2 --layout a4 --layout " + quote(repo_dir() + "/layouts/a4.toml")),
            dir.path());
    CHECK(ok.status == 0);
    CHECK(fs::exists(dir.file("o2/alpha-a4.pdf")));
}

TEST_CASE("build never writes over an input, through a symlink or onto a pipe", "[cli]") {
    TempDir dir;
    dir.write("brand.toml", kBrand);
    dir.write("leaflet.toml", kGood);
    const std::string article = slurp(dir.file("leaflet.toml"));
    for (const char* out : {"leaflet.toml", "brand.toml", "./leaflet.toml"}) {
        CAPTURE(out);
        auto r = run(cli(std::string("build leaflet.toml -o ") + out), dir.path());
        CHECK(r.status == 1);
        CHECK(r.err.find("error: the output is one of the build's inputs") != std::string::npos);
    }
    CHECK(slurp(dir.file("leaflet.toml")) == article);
    CHECK(slurp(dir.file("brand.toml")) == kBrand);

    // A symlink to somewhere else is not followed, and what it points to is left alone.
    dir.write("precious.txt", "keep me");
    fs::create_symlink(dir.file("precious.txt"), dir.file("link.pdf"));
    auto s = run(cli("build leaflet.toml -o link.pdf"), dir.path());
    CHECK(s.status == 1);
    CHECK(s.err.find("the output is a symbolic link") != std::string::npos);
    CHECK(slurp(dir.file("precious.txt")) == "keep me");
    CHECK(fs::is_symlink(dir.file("link.pdf")));

    // A pipe (or a device) is not replaced by a file.
    REQUIRE(run("mkfifo " + quote(dir.file("pipe.pdf"))).status == 0);
    auto p = run(cli("build leaflet.toml -o pipe.pdf"), dir.path());
    CHECK(p.status == 1);
    CHECK(p.err.find("the output is a device or pipe") != std::string::npos);
    CHECK(fs::is_fifo(dir.file("pipe.pdf")));
    // No temporary file is left behind by any of these.
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find(".leafpress-") == std::string::npos);
}

TEST_CASE("a folder or a pipe given as content, brand or layout is an error at the argument, not a hang", "[cli]") {
    TempDir dir;
    dir.write("brand.toml", kBrand);
    dir.write("leaflet.toml", kGood);
    fs::create_directory(dir.file("folder.toml"));
    REQUIRE(run("mkfifo " + quote(dir.file("fifo.toml"))).status == 0);
    for (const std::string args :
         {"folder.toml", "fifo.toml", "leaflet.toml --brand folder.toml", "leaflet.toml --brand fifo.toml",
          "leaflet.toml --layout fifo.toml", "leaflet.toml --layout ./folder.toml"}) {
        CAPTURE(args);
        auto r = run("timeout 10 " + cli("check " + args), dir.path());
        CHECK(r.status == 1);
        CHECK(r.err.find("error: not a regular file (a folder, device or pipe) [input.not-a-file]") !=
              std::string::npos);
    }
}

TEST_CASE("every build names the brand file it used, on stderr and in a batch's report", "[cli][brand]") {
    TempDir dir;
    dir.write_all({{"c/brand.toml", kBrand}, {"c/leaflet.toml", kGood}, {"c/sub/other.toml", kGood}});
    auto r = run(cli("build c/leaflet.toml -o out.pdf"), dir.path());
    CHECK(r.status == 0);
    CHECK(r.err.find("c/leaflet.toml: note: brand: c/brand.toml (Clinic)\n") != std::string::npos);
    auto k = run(cli("check c/leaflet.toml"), dir.path());
    CHECK(k.err.find("c/leaflet.toml: note: brand: c/brand.toml (Clinic)\n") != std::string::npos);
    // A brand from a folder above the leaflet's is a warning without a project file, and fine with one.
    auto up = run(cli("build c/sub/other.toml -o other.pdf"), dir.path());
    CHECK(up.err.find("c/sub/other.toml: note: brand: c/brand.toml (Clinic)\n") != std::string::npos);
    CHECK(up.err.find("[brand.inherited]") != std::string::npos);
    dir.write("c/leafpress.toml", "");
    up = run(cli("build c/sub/other.toml -o other.pdf"), dir.path());
    CHECK(up.err.find("[brand.inherited]") == std::string::npos);
    auto b = run(cli("batch c -o o --report report.json --layout a4 --layout a5"), dir.path());
    CHECK(b.status == 0);
    const auto note = b.err.find("c/leaflet.toml: note: brand: c/brand.toml (Clinic)\n");
    CHECK(note != std::string::npos);
    CHECK(b.err.find("note: brand", note + 20) == std::string::npos);  // once a leaflet, not once a layout
    std::ifstream in(dir.file("report.json"));
    const std::string report((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(report.find("\"brand\": \"c/brand.toml\"") != std::string::npos);
    CHECK(report.find("\"brand_name\": \"Clinic\"") != std::string::npos);
}

TEST_CASE("verify judges any PDF by the standards it claims or is asked for: 0 conforms, 1 findings, 2 unreadable",
          "[cli][verify]") {
    TempDir dir;
    auto b = run(cli("build " + quote(repo_dir() + "/content/lupus.toml") + " -o lupus.pdf"), dir.path());
    REQUIRE(b.status == 0);
    // A leaflet claims PDF/UA-1 and PDF/A-2a in its XMP, and meets both.
    auto ok = run(cli("verify lupus.pdf"), dir.path());
    INFO(ok.out << ok.err);
    CHECK(ok.status == 0);
    CHECK(ok.out == "lupus.pdf: conforms (PDF/A-2a, PDF/UA-1)\n");
    // A screen leaflet is not a print shop's PDF/X-4: findings, each naming its clause.
    auto x4 = run(cli("verify --standard x4 lupus.pdf"), dir.path());
    CHECK(x4.status == 1);
    CHECK(x4.out.find("ISO 15930-7") != std::string::npos);
    CHECK(x4.out.find("lupus.pdf: does not conform (PDF/X-4)") != std::string::npos);
    // Not a PDF, and a file that is not there: cannot be read, exit 2, named once each.
    dir.write("note.pdf", "not a PDF\n");
    auto bad = run(cli("verify lupus.pdf note.pdf missing.pdf"), dir.path());
    CHECK(bad.status == 2);
    CHECK(bad.out.find("note.pdf: could not be read") != std::string::npos);
    CHECK(bad.out.find("missing.pdf: could not be read") != std::string::npos);
    CHECK(bad.out.find("lupus.pdf: conforms") != std::string::npos);
    // A file named like an option is a file after the command's own options.
    dir.write("--json", "x");
    CHECK(run(cli("verify -- --json"), dir.path()).status == 2);
    // For programs: JSON Lines, one object a line, a line a file, unreadable ones too.
    auto json = run(cli("verify --json lupus.pdf missing.pdf"), dir.path());
    CHECK(json.status == 2);
    std::istringstream lines(json.out);
    std::vector<nlohmann::json> objects;
    for (std::string line; std::getline(lines, line);) objects.push_back(nlohmann::json::parse(line));
    REQUIRE(objects.size() == 2);
    CHECK(objects[0]["file"] == "lupus.pdf");
    CHECK(objects[0]["status"] == 0);
    CHECK(objects[1]["status"] == 2);
    CHECK(objects[1]["standards"].is_array());
    CHECK(run(cli("verify --standard ua2 lupus.pdf"), dir.path()).status == 2);
    // A repeatable option takes one value each time: the files after it stay files.
    REQUIRE(run("cp lupus.pdf again.pdf", dir.path()).status == 0);
    auto two = run(cli("verify --standard ua1 --standard a2a lupus.pdf again.pdf"), dir.path());
    CHECK(two.status == 0);
    CHECK(two.out == "lupus.pdf: conforms (PDF/A-2a, PDF/UA-1)\nagain.pdf: conforms (PDF/A-2a, PDF/UA-1)\n");
    auto batch =
        run(cli("batch --layout a4 --layout a5 " + quote(repo_dir() + "/content/lupus.toml") + " -o out"), dir.path());
    CHECK(batch.status == 0);
    CHECK(batch.out.find("2 leaflets: 2 built") != std::string::npos);
}

TEST_CASE("a SOURCE_DATE_EPOCH that is not a time from 1970 to 9999 is wrong usage, naming it", "[cli]") {
    TempDir dir;
    dir.write("brand.toml", kBrand);
    dir.write("leaflet.toml", kGood);
    // Out of range (the year 219250468 once went into the XMP), negative, not a number, junk after it.
    for (const std::string value : {"99999999999999999999", "253402300800", "-1", "soon", "1700000000x", " 1700000000",
                                    "+1700000000", "1.5", "0x10"}) {
        CAPTURE(value);
        for (const std::string command : {"build leaflet.toml -o a.pdf", "check leaflet.toml"}) {
            auto r = run("SOURCE_DATE_EPOCH=" + quote(value) + " " + cli(command), dir.path());
            CHECK(r.status == 2);
            CHECK(r.err.find("SOURCE_DATE_EPOCH='" + value + "' is not a number of seconds from 0 to 253402300799") !=
                  std::string::npos);
            CHECK_FALSE(fs::exists(dir.file("a.pdf")));
        }
    }
    // Its first and last seconds date the PDF; empty is unset.
    for (const auto& [value, year] : {std::pair{"0", "1970"}, std::pair{"253402300799", "9999"}}) {
        CAPTURE(value);
        auto r = run("SOURCE_DATE_EPOCH=" + std::string(value) + " " + cli("build leaflet.toml -o a.pdf"), dir.path());
        CHECK(r.status == 0);
        const std::string info = run("pdfinfo " + quote(dir.file("a.pdf"))).out;
        CHECK(std::regex_search(info, std::regex("\nCreationDate: .* " + std::string(year) + " UTC\n")));
        CHECK(run("pdfinfo -meta " + quote(dir.file("a.pdf"))).out.find("<xmp:CreateDate>" + std::string(year) + "-") !=
              std::string::npos);
    }
    CHECK(run("SOURCE_DATE_EPOCH= " + cli("build leaflet.toml -o a.pdf"), dir.path()).status == 0);
}

TEST_CASE("watch reports a reference to a noncharacter at its place and goes on, not aborting", "[cli]") {
    TempDir dir;
    dir.write("brand.toml", kBrand);
    // U+FFFF is libunibreak's end-of-text mark: it once aborted the process on an assertion.
    dir.write("leaflet.toml", "title = \"T\"\n[[section]]\nbody = \"Hi &#xFFFF; there.\"\n");
    auto r = run(cli("watch leaflet.toml --builds 1 -o w.pdf"), dir.path());
    CHECK(r.status == 1);
    CHECK(r.err.find("leaflet.toml:3:12: error: the reference '&#xFFFF;' stands for the noncharacter U+FFFF") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("w.pdf")));
}
