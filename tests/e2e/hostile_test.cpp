// Hostile text and planted markup: what an input or an edited output holds never reaches the
// terminal as control sequences, nor the contact sheet as script.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run.hpp"

using namespace leafpress;
using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

const std::string kEpoch = "SOURCE_DATE_EPOCH=1795564800 ";  // 2026-11-25

// The kept thumbnails' file with the first `from` in its first leaflet's thumbnails made `to`,
// its length fields made to fit again, as someone who knew its format would.
std::string edit_thumbnails(const std::string& file, const std::string& from, const std::string& to) {
    const std::size_t header = file.find('\n') + 1;
    const std::size_t eol = file.find('\n', header);
    std::istringstream fields(file.substr(header, eol - header));
    std::string hash;
    std::size_t path_bytes = 0, svg_bytes = 0;
    fields >> hash >> path_bytes >> svg_bytes;
    std::string svg = file.substr(eol + 1 + path_bytes, svg_bytes);
    const std::size_t at = svg.find(from);
    REQUIRE(at != std::string::npos);
    svg.replace(at, from.size(), to);
    return file.substr(0, header) + hash + " " + std::to_string(path_bytes) + " " + std::to_string(svg.size()) + "\n" +
           file.substr(eol + 1, path_bytes) + svg + file.substr(eol + 1 + path_bytes + svg_bytes);
}

}  // namespace

TEST_CASE("findings quote input text with terminal controls escaped, on stderr and in valid JSON", "[e2e][hostile]") {
    TempDir dir;
    dir.write("c/brand.toml", slurp(repo_dir() + "/content/brand.toml"));
    // A key that writes "hi" to the clipboard (OSC 52), then a C1 character (NEL), in a title
    // that would clear the screen.
    dir.write("c/evil.toml",
              "title = \"Lupus\\u001b[2J\\u009b2J\"\n\"\\u001b]52;c;aGk=\\u0007\\u0085x\" = 1\n"
              "[[section]]\nbody = \"Text.\"\n");
    const auto r = run(cli("check c/evil.toml"), dir.path());
    INFO(r.err);
    CHECK(r.status == 1);
    for (const std::string raw : {"\x1b", "\x07", "\xc2\x85", "\xc2\x9b"}) CHECK(r.err.find(raw) == std::string::npos);
    CHECK(r.err.find("\\u001B]52;c;aGk=\\u0007\\u0085x") != std::string::npos);  // the key, quoted safely
    CHECK(r.err.find("c/evil.toml:2:") != std::string::npos);
    // A batch says the same on stderr, and its JSON report keeps the text as it was, escaped as JSON.
    const auto b = run(cli("batch c -o out --report report.json"), dir.path());
    CHECK(b.status == 1);
    for (const std::string raw : {"\x1b", "\x07", "\xc2\x85"}) CHECK(b.err.find(raw) == std::string::npos);
    const std::string report = slurp(dir.file("report.json"));
    CHECK(report.find('\x1b') == std::string::npos);
    const auto json = nlohmann::json::parse(report, nullptr, false);
    REQUIRE_FALSE(json.is_discarded());
    bool kept = false;
    for (const auto& f : json["outputs"][0]["findings"])
        kept = kept || f["message"].get<std::string>().find("\x1b]52;c;aGk=\x07\xc2\x85x") != std::string::npos;
    CHECK(kept);
}

TEST_CASE("contact sheet: markup planted in the sheet or in the kept thumbnails never reaches the next sheet",
          "[e2e][hostile][contact-sheet]") {
    TempDir dir;
    dir.write("c/brand.toml", slurp(repo_dir() + "/content/brand.toml"));
    dir.write("c/lupus.toml", slurp(repo_dir() + "/content/lupus.toml"));
    const std::string batch = kEpoch + cli("batch c -o out --layout a4");
    REQUIRE(run(batch, dir.path()).status == 0);
    const std::string first = slurp(dir.file("out/index.html"));
    CHECK(first.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';") !=
          std::string::npos);
    const std::string planted =
        "<script>alert(1)</script><foreignObject><img src=\"x\" onerror=\"alert(2)\"/></foreignObject>";
    const auto clean = [](const std::string& html) {
        INFO(html.substr(0, 3000));
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("onerror") == std::string::npos);
        CHECK(html.find("foreignObject") == std::string::npos);
        CHECK(html.find("<svg ") != std::string::npos);  // the leaflet still has its thumbnails
    };
    // Planted in the sheet's thumbnails: the next sheet does not take them from there.
    std::string sheet = first;
    const std::size_t at = sheet.find("<rect");
    REQUIRE(at != std::string::npos);
    sheet.insert(at, planted);
    dir.write("out/index.html", sheet);
    const auto again = run(batch, dir.path());
    CHECK(again.out.find("1 up to date") != std::string::npos);
    clean(slurp(dir.file("out/index.html")));
    // Planted in the kept thumbnails, with their lengths made right: the leaflet is drawn again.
    const std::string kept = dir.file("out/.leafpress-thumbnails");
    REQUIRE(fs::exists(kept));
    dir.write("out/.leafpress-thumbnails", edit_thumbnails(slurp(kept), "<rect", planted + "<rect"));
    const auto redrawn = run(batch, dir.path());
    CHECK(redrawn.out.find("1 built, 0 up to date") != std::string::npos);
    clean(slurp(dir.file("out/index.html")));
    CHECK(slurp(dir.file("out/index.html")) == first);
    // An event handler added to an element leafpress writes, and a link: drawn again too.
    for (const std::string edit : {"<rect onload=\"alert(3)\" ", "<a href=\"javascript:alert(4)\"><rect ",
                                   "<rect fill=\"url(javascript:alert(5))\" "}) {
        dir.write("out/.leafpress-thumbnails", edit_thumbnails(slurp(kept), "<rect ", edit));
        const auto r = run(batch, dir.path());
        CHECK(r.out.find("1 built, 0 up to date") != std::string::npos);
        const std::string html = slurp(dir.file("out/index.html"));
        CHECK(html.find("alert(") == std::string::npos);
    }
}

TEST_CASE("wrong usage quotes the argument with terminal controls escaped", "[e2e][hostile]") {
    TempDir dir;
    for (const std::string args : {"build x.toml " + quote("--\x1b]0;pwn\x07"),
                                   "preview x.toml --dpi " + quote("\x1b]0;x\x07"), "batch -j " + quote("\x1b[2J")}) {
        const auto r = run(cli(args), dir.path());
        CAPTURE(args);
        CHECK(r.status == 2);
        CHECK(r.err.find('\x1b') == std::string::npos);
        CHECK(r.err.find('\x07') == std::string::npos);
        CHECK(r.err.find("\\u001B") != std::string::npos);
    }
    const auto epoch = run("SOURCE_DATE_EPOCH=$(printf '\\033]0;x\\007') " + cli("check x.toml"), dir.path());
    CHECK(epoch.status == 2);
    CHECK(epoch.err.find('\x1b') == std::string::npos);
}
