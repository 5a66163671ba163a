// Checks of the checks: a crafted leaflet that triggers each finding and one that does not,
// through `leafpress check` and `build --strict`; batch reports, failures and incremental builds.
#include <chrono>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include "e2e/run.hpp"

using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

const std::string kBrand =
    "name = \"Clinic\"\nphone = \"(555) 010-0199\"\ndisclaimer = \"General information only.\"\n";
const std::string kPlain =
    "title = \"Feeling better\"\nreviewed = 2026-10-01\n[[section]]\nheading = \"What to know\"\nbody = \"\"\"\n"
    "Stem cells may calm the immune system. This can help you feel better. It takes time. Ask us if you have "
    "questions. We are glad to help you. Call us to talk it over.\n\"\"\"\n";
// SOURCE_DATE_EPOCH 2026-11-25: "today" for the review-date check.
const std::string kToday = "SOURCE_DATE_EPOCH=1795564800 ";

struct Checked {
    Run run;
    bool has(const std::string& code) const { return run.err.find("[" + code + "]") != std::string::npos; }
};

Checked check(const std::string& content, const std::string& brand = kBrand, const std::string& args = "") {
    TempDir dir;
    dir.write("brand.toml", brand);
    dir.write("leaflet.toml", content);
    return {run(kToday + cli("check leaflet.toml " + args), dir.path())};
}

}  // namespace

TEST_CASE("a plain, recent, well-branded leaflet has no findings", "[e2e][checks]") {
    auto c = check(kPlain);
    INFO(c.run.err);
    CHECK(c.run.status == 0);
    CHECK(c.run.err.find("0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("check.reading-grade: hard English text is a warning with its grade", "[e2e][checks]") {
    const std::string hard =
        "title = \"Hard\"\nreviewed = 2026-10-01\n[[section]]\nheading = \"Mechanisms\"\nbody = \"\"\"\n"
        "Mesenchymal stromal cells demonstrate considerable immunomodulatory characteristics, facilitating the "
        "amelioration of systemic inflammatory manifestations through paracrine signalling mechanisms that "
        "collectively attenuate dysregulated immunological activation in susceptible individuals, "
        "notwithstanding considerable interindividual variability.\n\"\"\"\n";
    auto c = check(hard);
    CHECK(c.run.status == 0);
    CHECK(c.has("check.reading-grade"));
    CHECK(c.run.err.find("leaflet.toml:3:1: warning: section 'Mechanisms' reads at grade") != std::string::npos);
    CHECK_FALSE(check(kPlain).has("check.reading-grade"));
    // Only English is graded.
    std::string spanish = hard;
    spanish.replace(spanish.find("reviewed"), 0, "language = \"es\"\n");
    CHECK_FALSE(check(spanish).has("check.reading-grade"));
}

TEST_CASE("check.review-date: none, or past its next review, is a warning", "[e2e][checks]") {
    std::string none = kPlain;
    none.erase(none.find("reviewed = 2026-10-01\n"), 22);
    CHECK(check(none).has("check.review-date"));
    std::string old = kPlain;
    old.replace(old.find("2026-10-01"), 10, "2025-10-01");
    auto c = check(old);
    CHECK(c.has("check.review-date"));
    CHECK(c.run.err.find("last reviewed on 2025-10-01; its review was due on 2026-10-01") != std::string::npos);
    std::string recent = kPlain;
    recent.replace(recent.find("2026-10-01"), 10, "2025-12-01");
    CHECK_FALSE(check(recent).has("check.review-date"));
    // A next_review date earlier than a year moves the due date, and says so at its key.
    std::string soon = recent;
    soon.replace(soon.find("reviewed = 2025-12-01\n"), 22, "reviewed = 2025-12-01\nnext_review = 2026-06-01\n");
    auto s = check(soon);
    CHECK(s.has("check.review-date"));
    CHECK(s.run.err.find("its review was due on 2026-06-01") != std::string::npos);
}

TEST_CASE("check.disclaimer: a brand without one is a warning", "[e2e][checks]") {
    CHECK(check(kPlain, "name = \"Clinic\"\nphone = \"(555) 010-0199\"\n").has("check.disclaimer"));
    CHECK_FALSE(check(kPlain).has("check.disclaimer"));
}

TEST_CASE("check.contrast: pale text is an error at the brand colour", "[e2e][checks]") {
    auto c = check(kPlain, kBrand + "[colors]\ntext = \"#AAAAAA\"\n");
    CHECK(c.run.status == 1);
    CHECK(c.has("check.contrast"));
    CHECK(c.run.err.find("brand.toml:5:8: error: text in #AAAAAA on #FFFFFF has a contrast of 2.32:1") !=
          std::string::npos);
    // A pale primary colour fails under the white title on the cover band.
    CHECK(check(kPlain, kBrand + "[colors]\nprimary = \"#9FD8D8\"\n").has("check.contrast"));
    CHECK_FALSE(check(kPlain, kBrand + "[colors]\ntext = \"#333333\"\nprimary = \"#0E6E6E\"\n").has("check.contrast"));
}

TEST_CASE("check.small-text: a body under 12 pt is a warning", "[e2e][checks]") {
    auto c = check(kPlain, kBrand, "--layout trifold");
    CHECK(c.has("check.small-text"));
    CHECK(c.run.err.find("trifold.toml:16:8: warning: body text is 11.0 pt") != std::string::npos);
    CHECK_FALSE(check(kPlain, kBrand, "--layout a4").has("check.small-text"));
}

TEST_CASE("text.missing-glyph: a character no font has is an error naming it", "[e2e][checks]") {
    std::string emoji = kPlain;
    emoji.replace(emoji.find("It takes time."), 0, "Smile \xEE\x80\x80 now. ");
    auto c = check(emoji);
    CHECK(c.run.status == 1);
    CHECK(c.run.err.find("error: no installed font has the character U+E000") != std::string::npos);
    CHECK_FALSE(check(kPlain).has("text.missing-glyph"));
}

TEST_CASE("layout.overflow: text that does not fit a fixed-panel layout is an error", "[e2e][checks]") {
    std::string longer = "title = \"Long\"\nreviewed = 2026-10-01\n";
    for (int s = 0; s < 30; ++s) {
        longer += "[[section]]\nheading = \"Part\"\nbody = \"\"\"\n";
        for (int p = 0; p < 5; ++p)
            longer += "We can help. Call us to talk it over with a nurse who knows the facts.\n\n";
        longer += "\"\"\"\n";
    }
    auto c = check(longer, kBrand, "--layout trifold");
    CHECK(c.run.status == 1);
    CHECK(c.has("layout.overflow"));
    CHECK_FALSE(check(kPlain, kBrand, "--layout trifold").has("layout.overflow"));
}

TEST_CASE("the strict flag fails a build on warnings and writes nothing", "[e2e][checks]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"Clinic\"\nphone = \"(555) 010-0199\"\n");  // no disclaimer: a warning
    dir.write("leaflet.toml", kPlain);
    CHECK(run(kToday + cli("build leaflet.toml -o plain.pdf"), dir.path()).status == 0);
    auto strict = run(kToday + cli("build leaflet.toml --strict -o strict.pdf"), dir.path());
    CHECK(strict.status == 1);
    CHECK(strict.err.find("--strict makes warnings fail the build") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("strict.pdf")));
    CHECK(run(kToday + cli("check leaflet.toml --strict"), dir.path()).status == 1);
}

TEST_CASE("batch: the good leaflets are built, the report lists the broken one, exit 1", "[e2e][batch]") {
    TempDir dir;
    dir.write_all({{"c/brand.toml", kBrand},
                   {"c/one.toml", kPlain},
                   {"c/two.toml", kPlain},
                   {"c/broken.toml", "title = \"Broken\"\n[[section]]\nkind = \"nope\"\nbody = \"x\"\n"}});
    auto r = run(kToday + cli("batch c -o out --report report.json -j 2"), dir.path());
    CHECK(r.status == 1);
    CHECK(fs::exists(dir.file("out/one-a4.pdf")));
    CHECK(fs::exists(dir.file("out/two-a4.pdf")));
    CHECK_FALSE(fs::exists(dir.file("out/broken-a4.pdf")));
    const auto report = nlohmann::json::parse(slurp(dir.file("report.json")));
    REQUIRE(report["outputs"].size() == 3);
    const auto& broken = report["outputs"][0];  // in job order: broken, one, two
    CHECK(broken["content"] == "c/broken.toml");
    CHECK(broken["layout"] == "a4");
    CHECK(broken["output"] == "out/broken-a4.pdf");
    CHECK(broken["status"] == "failed");
    CHECK(broken["findings"][0]["code"] == "content.kind");
    CHECK(broken["findings"][0]["line"] == 3);
    CHECK(report["outputs"][1]["status"] == "built");
    CHECK(report["built"] == 2);
    CHECK(report["failed"] == 1);
    // Not a terminal: no progress line, only findings and the summary.
    CHECK(r.err.find("\r") == std::string::npos);
    CHECK(r.out.find("3 leaflets: 2 built, 0 up to date, 1 failed") != std::string::npos);
}

TEST_CASE("batch is incremental: nothing changed, nothing rebuilt, and a change rebuilds its leaflets",
          "[e2e][batch]") {
    TempDir dir;
    dir.write_all({{"c/brand.toml", kBrand}, {"c/one.toml", kPlain}, {"c/two.toml", kPlain}});
    const std::string cmd = kToday + cli("batch c -o out --layout a4 --layout letter --report r.json");
    auto first = run(cmd, dir.path());
    REQUIRE(first.status == 0);
    CHECK(first.out.find("4 leaflets: 4 built, 0 up to date, 0 failed") != std::string::npos);
    const auto stamp = fs::last_write_time(dir.file("out/two-a4.pdf"));

    auto second = run(cmd, dir.path());
    CHECK(second.status == 0);
    CHECK(second.out.find("4 leaflets: 0 built, 4 up to date, 0 failed") != std::string::npos);
    CHECK(fs::last_write_time(dir.file("out/two-a4.pdf")) == stamp);
    CHECK(slurp(dir.file("r.json")).find("\"status\": \"up-to-date\"") != std::string::npos);

    std::string changed = kPlain;
    changed.replace(changed.find("It takes time."), 14, "It takes weeks.");
    dir.write("c/one.toml", changed);
    auto third = run(cmd, dir.path());
    CHECK(third.out.find("4 leaflets: 2 built, 2 up to date, 0 failed") != std::string::npos);
    CHECK(fs::last_write_time(dir.file("out/two-a4.pdf")) == stamp);

    // A changed brand file touches every leaflet that uses it; --force rebuilds all.
    dir.write("c/brand.toml", kBrand + "website = \"https://example.org\"\n");
    CHECK(run(cmd, dir.path()).out.find("4 leaflets: 4 built, 0 up to date") != std::string::npos);
    CHECK(run(cmd + " --force", dir.path()).out.find("4 leaflets: 4 built, 0 up to date") != std::string::npos);
    // A deleted output is built again, and so is one changed or damaged since it was written.
    fs::remove(dir.file("out/one-letter.pdf"));
    CHECK(run(cmd, dir.path()).out.find("4 leaflets: 1 built, 3 up to date") != std::string::npos);
    std::string pdf = slurp(dir.file("out/two-a4.pdf"));
    pdf[pdf.size() / 2] ^= 0x20;
    std::ofstream(dir.file("out/two-a4.pdf"), std::ios::binary) << pdf;
    CHECK(run(cmd, dir.path()).out.find("4 leaflets: 1 built, 3 up to date") != std::string::npos);
    std::ofstream(dir.file("out/two-a4.pdf"), std::ios::binary | std::ios::app) << "\n% appended\n";
    CHECK(run(cmd, dir.path()).out.find("4 leaflets: 1 built, 3 up to date") != std::string::npos);
}

TEST_CASE("batch: a leaflet whose build crashes fails alone, and the others are built and recorded", "[e2e][batch]") {
    TempDir dir;
    dir.write_all({{"c/brand.toml", kBrand}, {"c/one.toml", kPlain}, {"c/two.toml", kPlain}, {"c/three.toml", kPlain}});
    auto r = run("LEAFPRESS_TEST_CRASH=two " + kToday + cli("batch c -o out --report r.json -j 2"), dir.path());
    CHECK(r.status == 1);
    CHECK(fs::exists(dir.file("out/one-a4.pdf")));
    CHECK(fs::exists(dir.file("out/three-a4.pdf")));
    CHECK_FALSE(fs::exists(dir.file("out/two-a4.pdf")));
    CHECK(r.err.find("c/two.toml: error: the build crashed (signal 6") != std::string::npos);
    CHECK(r.out.find("3 leaflets: 2 built, 0 up to date, 1 failed") != std::string::npos);
    const auto report = nlohmann::json::parse(slurp(dir.file("r.json")));
    CHECK(report["failed"] == 1);
    CHECK(report["built"] == 2);
    // The cache holds the two that were built: the next run builds only the one that crashed.
    auto again = run(kToday + cli("batch c -o out"), dir.path());
    CHECK(again.out.find("3 leaflets: 1 built, 2 up to date, 0 failed") != std::string::npos);
    // One worker for all: the crash takes it down in the middle of the list, and a new worker
    // builds the rest.
    auto serial =
        run("LEAFPRESS_TEST_CRASH=two " + kToday + cli("batch c -o out1 -j 1 --layout a4 --layout letter"), dir.path());
    CHECK(serial.status == 1);
    CHECK(serial.out.find("6 leaflets: 4 built, 0 up to date, 2 failed") != std::string::npos);
    CHECK(fs::exists(dir.file("out1/three-letter.pdf")));
    CHECK(fs::exists(dir.file("out1/one-a4.pdf")));
}

TEST_CASE("batch: a leaflet whose build hangs fails alone after the time limit, and the others are built",
          "[e2e][batch]") {
    TempDir dir;
    dir.write_all({{"c/brand.toml", kBrand}, {"c/one.toml", kPlain}, {"c/two.toml", kPlain}, {"c/three.toml", kPlain}});
    for (const std::string jobs : {"1", "2"}) {
        const auto t0 = std::chrono::steady_clock::now();
        auto r = run("LEAFPRESS_TEST_HANG=two " + kToday +
                         cli("batch c -o out" + jobs + " --timeout 1 --report r" + jobs + ".json -j " + jobs +
                             " --layout a4 --layout letter"),
                     dir.path());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        CHECK(r.status == 1);
        CHECK(seconds < 8);  // two hung jobs, a second each, not forever
        CHECK(r.err.find("c/two.toml: error: the build took longer than 1 s and was stopped") != std::string::npos);
        CHECK(r.err.find("[internal.timeout]") != std::string::npos);
        CHECK(r.out.find("6 leaflets: 4 built, 0 up to date, 2 failed") != std::string::npos);
        for (const char* built : {"one-a4", "one-letter", "three-a4", "three-letter"})
            CHECK(fs::exists(dir.file("out" + jobs + "/" + built + ".pdf")));
        CHECK_FALSE(fs::exists(dir.file("out" + jobs + "/two-a4.pdf")));
        const auto report = nlohmann::json::parse(slurp(dir.file("r" + jobs + ".json")));
        CHECK(report["failed"] == 2);
    }
    // Nothing is left running: the hung workers were stopped.
    CHECK(run("pgrep -f -- '--timeout [1] --report' || true", dir.path()).out.empty());
    // Given time, the same leaflet builds.
    auto r = run(kToday + cli("batch c -o out1 --timeout 30 --layout a4 --layout letter"), dir.path());
    CHECK(r.status == 0);
    CHECK(r.out.find("6 leaflets: 2 built, 4 up to date, 0 failed") != std::string::npos);
}

TEST_CASE("batch: an output that is one of the inputs (a hard link to it) stops the batch", "[e2e][batch]") {
    TempDir dir;
    dir.write_all({{"c/brand.toml", kBrand}, {"c/one.toml", kPlain}, {"c/two.toml", kPlain}});
    fs::create_directories(dir.file("out"));
    fs::create_hard_link(dir.file("c/two.toml"), dir.file("out/two-a4.pdf"));
    auto r = run(kToday + cli("batch c -o out"), dir.path());
    CHECK(r.status == 1);
    CHECK(
        r.err.find("out/two-a4.pdf: error: the output would replace the input c/two.toml [output.overwrites-input]") !=
        std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out/one-a4.pdf")));  // nothing was built
    CHECK(slurp(dir.file("c/two.toml")) == kPlain);
}

TEST_CASE("batch: outputs that would collide stop the batch before anything is built", "[e2e][batch]") {
    TempDir dir;
    dir.write_all({{"brand.toml", kBrand},
                   {"a/leaflet.toml", kPlain},
                   {"b/leaflet.toml", kPlain},
                   {"mine/a4.toml", slurp(repo_dir() + "/layouts/a4.toml")}});
    auto r = run(kToday + cli("batch a b -o out"), dir.path());
    CHECK(r.status == 1);
    CHECK(r.err.find("out/leaflet-a4.pdf: error: two leaflets would be written here: a/leaflet.toml (layout a4) and "
                     "b/leaflet.toml (layout a4) [batch.collision]") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out/leaflet-a4.pdf")));
    // A layout file named like a shipped one.
    auto l = run(kToday + cli("batch a -o out2 --layout a4 --layout mine/a4.toml"), dir.path());
    CHECK(l.status == 1);
    CHECK(l.err.find("[batch.collision]") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out2/leaflet-a4.pdf")));
}

TEST_CASE("batch: stale temporary files of a killed run are removed, and the report is valid UTF-8", "[e2e][batch]") {
    TempDir dir;
    dir.write_all({{"c/brand.toml", kBrand}, {std::string("c/caf\xE9.toml"), kPlain}});
    dir.write("out/.one-a4.pdf.leafpress-999999999-AbCdEf", "half a PDF");
    auto r = run(kToday + cli("batch c -o out --report r.json"), dir.path());
    CHECK(r.status == 0);
    CHECK_FALSE(fs::exists(dir.file("out/.one-a4.pdf.leafpress-999999999-AbCdEf")));
    const std::string text = slurp(dir.file("r.json"));
    const auto report = nlohmann::json::parse(text);  // throws on invalid UTF-8
    CHECK(report["outputs"][0]["content"] == "c/caf\uFFFD.toml");
}

TEST_CASE("batch in parallel gives the same files as one job at a time", "[e2e][batch]") {
    TempDir dir;
    const std::string layouts = " --layout a4 --layout letter --layout trifold --layout large-print";
    REQUIRE(
        run(kToday + cli("batch " + quote(repo_dir() + "/content") + " -o seq -j 1" + layouts), dir.path()).status ==
        0);
    REQUIRE(
        run(kToday + cli("batch " + quote(repo_dir() + "/content") + " -o par -j 4" + layouts), dir.path()).status ==
        0);
    int compared = 0;
    for (const auto& e : fs::directory_iterator(dir.file("seq"))) {
        if (e.path().extension() != ".pdf") continue;
        CAPTURE(e.path().filename().string());
        CHECK(slurp(e.path().string()) == slurp(dir.file("par/" + e.path().filename().string())));
        ++compared;
    }
    CHECK(compared >= 24);
}
