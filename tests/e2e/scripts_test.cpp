// Leaflets in other scripts: Chinese, Japanese and Korean (CFF fonts embedded as CIDFontType0),
// Hindi (clusters whose vowel signs are drawn before or above their consonant), Hebrew (right
// to left), Russian, and text full of medical symbols, with fonts found on the system.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "e2e/run.hpp"

using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

std::string scripts_dir() { return repo_dir() + "/tests/data/scripts"; }

struct Built {
    std::string pdf;
    Run build;
};

Built build(const TempDir& dir, const std::string& name, const std::string& layout) {
    const std::string pdf = dir.file(name + "-" + layout + ".pdf");
    auto b =
        run(cli("build " + quote(scripts_dir() + "/" + name + ".toml") + " -o " + quote(pdf) + " --layout " + layout));
    return {pdf, b};
}

// The checker: every word (every character, in Chinese and Japanese) of the content out of
// the structure tree in order; with `poppler`, out of poppler's reading of the tree as well.
Run check(const std::string& pdf, const std::string& name, const std::string& extra = "") {
    return run(quote(repo_dir() + "/scripts/pdfua-check") + " --pdfa --content " +
               quote(scripts_dir() + "/" + name + ".toml") + " " + extra + " " + quote(pdf));
}

// Every validator stays silent on the file.
void validators_silent(const std::string& pdf) {
    CHECK(run("qpdf --check " + quote(pdf)).status == 0);
    for (const char* tool : {"pdftotext", "pdffonts", "pdfinfo -struct-text"}) {
        auto r = run(std::string(tool) + " " + quote(pdf) + (std::string(tool) == "pdftotext" ? " -" : ""));
        INFO(tool << ": " << r.err);
        CHECK(r.err.empty());
    }
    auto m = run("mutool draw -o /dev/null " + quote(pdf));
    // MuPDF's own note that it was built without colour management is not about the file.
    std::string err = m.err;
    for (const char* note : {"warning: ICC support is not available\n"})
        if (auto p = err.find(note); p != std::string::npos) err.erase(p, std::string(note).size());
    INFO(err);
    CHECK(err.find("error") == std::string::npos);
    CHECK(err.find("warning") == std::string::npos);
}

}  // namespace

TEST_CASE(
    "leaflets in Chinese, Japanese, Korean, Hindi, Hebrew, Russian, Thai, Khmer and symbols build with every word in "
    "order",
    "[e2e][scripts]") {
    TempDir dir;
    for (const char* name : {"zh", "ja", "ko", "hi", "he", "ru", "th", "km", "symbols"}) {
        for (const char* layout : {"a4", "trifold"}) {
            CAPTURE(name, layout);
            const Built b = build(dir, name, layout);
            INFO(b.build.err);
            REQUIRE(b.build.status == 0);
            CHECK(b.build.err.find("text.missing-glyph") == std::string::npos);
            // poppler's own reading ignores /ActualText, which right-to-left runs and Indic
            // clusters rely on; the tree's text is checked for all.
            const std::string n = name;
            const bool plain = n != "he" && n != "hi" && n != "th" && n != "km";
            auto c = check(b.pdf, name, plain ? "--poppler" : "");
            INFO(c.out);
            CHECK(c.status == 0);
            validators_silent(b.pdf);
        }
    }
}

TEST_CASE("CJK text is embedded as small CIDFontType0 subsets of the system's Noto Sans CJK", "[e2e][scripts]") {
    TempDir dir;
    const Built zh = build(dir, "zh", "a4");
    REQUIRE(zh.build.status == 0);
    const std::string fonts = run("pdffonts " + quote(zh.pdf)).out;
    INFO(fonts);
    CHECK(fonts.find("NotoSansCJKsc-Regular") != std::string::npos);
    CHECK(fonts.find("CID Type 0C") != std::string::npos);
    // The whole leaflet, Latin faces and QR code included, stays small: the CJK subset is a
    // few kilobytes, not the 16 MB font.
    CHECK(fs::file_size(zh.pdf) < 60 * 1024);
    // The Japanese cut for Japanese, the Korean one for Korean.
    CHECK(run("pdffonts " + quote(build(dir, "ja", "a4").pdf)).out.find("NotoSansCJKjp") != std::string::npos);
    CHECK(run("pdffonts " + quote(build(dir, "ko", "a4").pdf)).out.find("NotoSansCJKkr") != std::string::npos);
    // poppler draws the characters (a blank page would pass every text test): the white title
    // on the coloured band has white pixels only where glyphs are drawn.
    REQUIRE(
        run("pdftoppm -r 40 -gray -x 20 -y 20 -W 280 -H 30 " + quote(zh.pdf) + " " + quote(dir.file("band"))).status ==
        0);
    const std::string pgm = slurp(dir.file("band-1.pgm"));
    REQUIRE(pgm.rfind("P5", 0) == 0);
    std::size_t header = 0;
    for (int fields = 0; fields < 4 && header < pgm.size(); ++header)
        if (pgm[header] == '\n' || pgm[header] == ' ') ++fields;
    std::size_t white = 0;
    for (std::size_t i = header; i < pgm.size(); ++i) white += static_cast<unsigned char>(pgm[i]) > 200;
    CHECK(white > 300);
}

TEST_CASE("Russian is hyphenated with Debian's patterns, Thai and Khmer broken between words", "[e2e][scripts]") {
    TempDir dir;
    const Built ru = build(dir, "ru", "trifold");
    REQUIRE(ru.build.status == 0);
    // MuPDF shows the hyphens added at line ends (poppler reads them as nothing, as it should).
    const std::string drawn = run("mutool draw -F txt " + quote(ru.pdf)).out;
    int hyphens = 0;
    for (std::size_t p = drawn.find("-\n"); p != std::string::npos; p = drawn.find("-\n", p + 1))
        hyphens += p >= 2 && (static_cast<unsigned char>(drawn[p - 2]) == 0xD0 ||
                              static_cast<unsigned char>(drawn[p - 2]) == 0xD1);
    CHECK(hyphens >= 1);
    CHECK(run("pdftotext " + quote(ru.pdf) + " -").out.find("-\n") == std::string::npos);
    // Thai has no spaces inside sentences: lines end between words the dictionary knows,
    // here "...ด้วยสเต็ม" / "เซลล์..." (stem / cell) in the trifold's title.
    const Built th = build(dir, "th", "trifold");
    REQUIRE(th.build.status == 0);
    CHECK(run("pdftotext " + quote(th.pdf) + " -").out.find("การรักษาด้วยสเต็ม\nเซลล์") != std::string::npos);
    const Built km = build(dir, "km", "trifold");
    REQUIRE(km.build.status == 0);
    CHECK(run("pdftotext " + quote(km.pdf) + " -").out.find("ការព្យាបាលដោយ\nកោសិកាដើម") != std::string::npos);
}

TEST_CASE("symbols common in medical text come from the system's symbol and math faces", "[e2e][scripts]") {
    TempDir dir;
    const Built b = build(dir, "symbols", "a4");
    INFO(b.build.err);
    REQUIRE(b.build.status == 0);
    const std::string text = run("pdftotext " + quote(b.pdf) + " -").out;
    for (const char* s :
         {"≥ 38 °C → call us ☎", "≤ 4 mmol/L ⚠", "5 mg × 2 ± 0.5 mg", "½ tablet ≈ every 12 h", "✓", "✗", "← ↑ ↓ ⇒",
          "50 µg", "medicines 💊", "prescription ℞", "thermometer 🌡", "♀ or ♂", "☑ the checklist", "bring ⚕"}) {
        CAPTURE(s);
        CHECK(text.find(s) != std::string::npos);
    }
}

namespace {
std::string taglines_dir() { return repo_dir() + "/tests/data/taglines"; }
}  // namespace

TEST_CASE(
    "a brand's fifteen language-assistance taglines print and extract in every layout, each tagged with its language",
    "[e2e][scripts][taglines]") {
    TempDir dir;
    for (const char* name : {"en", "es"}) {
        for (const char* layout : {"a4", "letter", "large-print", "trifold"}) {
            CAPTURE(name, layout);
            const std::string content = taglines_dir() + "/" + name + ".toml";
            const std::string pdf = dir.file(std::string(name) + "-" + layout + ".pdf");
            auto b = run(cli("build " + quote(content) + " -o " + quote(pdf) + " --layout " + layout));
            INFO(b.err);
            REQUIRE(b.status == 0);
            CHECK(b.err.find("check.taglines") == std::string::npos);  // fifteen given, fifteen asked for
            // Each tagline whole, in order, in a P whose /Lang is its language; the leaflet's
            // own words in order too.
            auto c = run(quote(repo_dir() + "/scripts/pdfua-check") + " --pdfa --content " + quote(content) +
                         " --taglines " + quote(taglines_dir() + "/brand.toml") + " " + quote(pdf));
            INFO(c.out);
            CHECK(c.status == 0);
            validators_silent(pdf);
            // Under a heading in the leaflet's language.
            const std::string text = run("pdftotext " + quote(pdf) + " -").out;
            CHECK(text.find(std::string(name) == "es" ? "Asistencia con idiomas" : "Language assistance") !=
                  std::string::npos);
            // The number inside a tagline is never broken across lines.
            CHECK(text.find("(619)\n") == std::string::npos);
        }
    }
}

TEST_CASE("a Spanish leaflet takes the brand's Spanish call to action and disclaimer, and Spanish labels and dates",
          "[e2e][scripts][taglines]") {
    TempDir dir;
    const std::string pdf = dir.file("es.pdf");
    REQUIRE(run(cli("build " + quote(taglines_dir() + "/es.toml") + " -o " + quote(pdf))).status == 0);
    std::string text;
    for (const auto& w : words(run("pdftotext -raw " + quote(pdf) + " -").out)) text += w + " ";
    CHECK(text.find("Llámenos para hablarlo con una enfermera.") != std::string::npos);
    CHECK(text.find("Este folleto es solo de información general.") != std::string::npos);
    CHECK(text.find("Call us to talk it over") == std::string::npos);
    CHECK(text.find("for general information only") == std::string::npos);
    CHECK(text.find("Revisado 1 de octubre de 2026") != std::string::npos);
    CHECK(text.find("Llame al (619) 555-0147") != std::string::npos);
    // The English leaflet of the same brand keeps the brand's own words.
    const std::string en = dir.file("en.pdf");
    REQUIRE(run(cli("build " + quote(taglines_dir() + "/en.toml") + " -o " + quote(en))).status == 0);
    CHECK(run("pdftotext " + quote(en) + " -").out.find("Call us to talk it over with a nurse.") != std::string::npos);
}

TEST_CASE("check warns when a brand has fewer taglines than it asks for", "[e2e][scripts][taglines]") {
    TempDir dir;
    dir.write("brand.toml",
              "name = \"C\"\nphone = \"555 0100\"\ndisclaimer = \"x\"\ntaglines_required = 15\n"
              "[taglines]\nes = \"ATENCIÓN: si habla español, llame al 555 0100.\"\n");
    dir.write("l.toml", "title = \"T\"\nreviewed = 2026-10-01\n[[section]]\nbody = \"Text.\"\n");
    auto c = run(cli("check l.toml"), dir.path());
    CHECK(
        c.err.find(
            "brand.toml:5:1: warning: the brand asks for 15 language-assistance taglines and has 1 [check.taglines]") !=
        std::string::npos);
    dir.write("brand.toml",
              "name = \"C\"\nphone = \"555 0100\"\ndisclaimer = \"x\"\ntaglines_required = 1\n"
              "[taglines]\nes = \"ATENCIÓN: si habla español, llame al 555 0100.\"\n");
    CHECK(run(cli("check l.toml"), dir.path()).err.find("check.taglines") == std::string::npos);
}

TEST_CASE("taglines that do not fit a trifold are an error at the first that does not fit, in the brand file",
          "[e2e][scripts][taglines]") {
    TempDir dir;
    std::string brand = "name = \"C\"\nphone = \"555 0100\"\ndisclaimer = \"x\"\n[taglines]\n";
    for (int i = 0; i < 100; ++i) {
        char line[240];
        std::snprintf(line, sizeof line,
                      "\"qaa-x-%02d\" = \"Tagline %d: if you speak this language, free language assistance services "
                      "are available to you at no cost. Call 555 0100.\"\n",
                      i, i);
        brand += line;
    }
    dir.write("brand.toml", brand);
    dir.write("l.toml", "title = \"T\"\nreviewed = 2026-10-01\n[[section]]\nbody = \"Text.\"\n");
    auto tri = run(cli("build l.toml -o l.pdf --layout trifold"), dir.path());
    CHECK(tri.status == 1);
    CHECK(std::regex_search(
        tri.err,
        std::regex(
            R"(brand\.toml:\d+:\d+: error: the content does not fit the (US Letter )?trifold layout: the qaa-x-\d\d tagline and what follows do not fit)")));
    // A multi-page layout takes them all.
    auto a4 = run(cli("build l.toml -o l.pdf --layout a4"), dir.path());
    INFO(a4.err);
    CHECK(a4.status == 0);
    CHECK(run("pdftotext " + quote(dir.file("l.pdf")) + " -").out.find("Tagline 99:") != std::string::npos);
}
