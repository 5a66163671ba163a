// The text layer read back from the written PDF, not from the page model: every code drawn maps
// to Unicode (PDF/UA-1 7.21.7), every span in another language than its parent carries its own
// /Lang (the structure tree dumped by scripts/pdfua-check --tags, compared with the expected
// tree), and right-to-left paragraphs come out of poppler and MuPDF in reading order.
#include <cctype>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "e2e/run.hpp"

using namespace leafpress::test;

namespace {

std::string data(const std::string& path) { return repo_dir() + "/tests/data/" + path; }
std::string checker() { return quote(repo_dir() + "/scripts/pdfua-check"); }

std::string build(const TempDir& dir, const std::string& content, const std::string& layout,
                  const std::string& extra = "") {
    const std::string pdf = dir.file(std::to_string(std::hash<std::string>{}(content + layout + extra)) + ".pdf");
    auto b = run(cli("build " + quote(content) + " -o " + quote(pdf) + " --layout " + layout + " " + extra));
    INFO(content << " " << layout << ": " << b.err);
    REQUIRE(b.status == 0);
    return pdf;
}

// The words of a text in order, without punctuation and the direction marks poppler adds.
std::vector<std::string> plain_words(std::string s) {
    for (const char* mark :
         {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u200E", "\u200F", "\u060C", "\u061F", "\u00B7"})
        for (std::size_t p; (p = s.find(mark)) != std::string::npos;) s.replace(p, std::string(mark).size(), " ");
    for (char& c : s)
        if (c == '.' || c == ',' || c == '?' || c == '!' || c == ':' || c == '*') c = ' ';
    // A Latin letter and a letter of another script with nothing between them are two words
    // (MuPDF joins a Latin title on the cover panel with the first words of the panel beside it).
    std::string split;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (i > 0) {
            const auto p = static_cast<unsigned char>(s[i - 1]);
            const bool latin = std::isalpha(c) != 0, was_latin = std::isalpha(p) != 0;
            if ((latin && p >= 0x80) || (c >= 0xC0 && was_latin)) split += ' ';
        }
        split += s[i];
    }
    return words(split);
}

// Whether `want` comes out of `got` in order (other words may come between).
std::string first_missing(const std::vector<std::string>& want, const std::vector<std::string>& got) {
    std::size_t k = 0;
    for (const auto& w : got)
        if (k < want.size() && w == want[k]) ++k;
    return k < want.size() ? "word " + std::to_string(k + 1) + " '" + want[k] + "'" : "";
}

}  // namespace

TEST_CASE("every code drawn maps to Unicode, marks and cluster parts included, in every script", "[e2e][textlayer]") {
    TempDir dir;
    const struct {
        std::string content, extra;
    } leaflets[] = {
        {data("arabic.toml"), ""},
        {data("scripts/he.toml"), ""},
        {data("scripts/hi.toml"), ""},
        {data("scripts/th.toml"), ""},
        {data("scripts/km.toml"), ""},
        {data("taglines/en.toml"), ""},
        {data("scripts/he.toml"), "--brand " + quote(data("taglines/brand.toml"))},
    };
    for (const auto& l : leaflets) {
        for (const char* layout : {"a4", "trifold"}) {
            CAPTURE(l.content, l.extra, layout);
            const std::string pdf = build(dir, l.content, layout, l.extra);
            auto c = run(checker() + " --pdfa " + quote(pdf));
            INFO(c.out);
            CHECK(c.out.find("Matterhorn 10-001") == std::string::npos);
            CHECK(c.status == 0);
        }
    }
}

TEST_CASE("the checker fails a PDF with a code that maps to nothing", "[e2e][textlayer]") {
    TempDir dir;
    const std::string pdf = build(dir, data("scripts/hi.toml"), "a4");
    REQUIRE(run(checker() + " " + quote(pdf)).status == 0);
    // The same file with one code of its ToUnicode map emptied (with Debian's python3-pikepdf,
    // which scripts/pdfua-check uses too).
    const std::string wrong = dir.file("wrong.pdf");
    const std::string script =
        dir.write("empty_one.py",
                  "import re, sys, pikepdf\n"
                  "pdf = pikepdf.open(sys.argv[1])\n"
                  "for page in pdf.pages:\n"
                  "    for name, font in page.obj.Resources.Font.items():\n"
                  "        data = font.ToUnicode.read_bytes()\n"
                  "        data = re.sub(rb'(beginbfchar\\n<[0-9A-F]+> )<[0-9A-F]+>', rb'\\1<>', data, count=1)\n"
                  "        font.ToUnicode.write(data)\n"
                  "        break\n"
                  "    break\n"
                  "pdf.save(sys.argv[2])\n");
    REQUIRE(run("/usr/bin/python3 " + quote(script) + " " + quote(pdf) + " " + quote(wrong)).status == 0);
    auto c = run(checker() + " " + quote(wrong));
    INFO(c.out);
    CHECK(c.status == 1);
    CHECK(c.out.find("Matterhorn 10-001") != std::string::npos);
}

TEST_CASE("the brand's English in an Arabic or Hebrew leaflet is a span with its own /Lang, read back from the file",
          "[e2e][textlayer]") {
    TempDir dir;
    const struct {
        std::string content, extra, expected;
    } cases[] = {
        // The brand has no [text.ar]: its English disclaimer, under the Arabic labels.
        {data("arabic.toml"), "", "tags/arabic"},
        // English call to action and disclaimer, and fifteen taglines each in its language.
        {data("scripts/he.toml"), "--brand " + quote(data("taglines/brand.toml")), "tags/he-taglines"},
    };
    for (const auto& c : cases) {
        for (const char* layout : {"a4", "trifold"}) {
            CAPTURE(c.content, layout);
            const std::string pdf = build(dir, c.content, layout, c.extra);
            auto r = run(checker() + " --tags " + quote(pdf));
            INFO(r.out);
            CHECK(r.status == 0);
            CHECK(r.out == slurp(data(c.expected + "-" + layout + ".txt")));
        }
    }
}

TEST_CASE("Hebrew and Arabic paragraphs come out of pdftotext and MuPDF in reading order, sentence after sentence",
          "[e2e][textlayer]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"Harbor Family Clinic\"\nphone = \"(619) 555-0147\"\n");
    const struct {
        const char* name;
        const char* language;
        std::string body;
    } leaflets[] = {
        {"he", "he",
         "זאבת היא מחלה **אוטואימונית** שבה מערכת החיסון תוקפת בטעות רקמות בריאות בגוף. היא יכולה לפגוע בעור, במפרקים, "
         "בכליות ובאיברים אחרים. התסמינים משתנים מאדם לאדם ויכולים לבוא וללכת. טיפול בתאי גזע נחקר כיום כגישה תומכת, "
         "אך הוא אינו מרפא את המחלה. חשוב להמשיך בטיפול הרגיל שלך ולדבר עם הרופא לפני כל שינוי."},
        // Words without a lam-alef ligature: MuPDF reads a ligature's letters in the order
        // poppler needs them (drawing order), so those are left out here.
        {"ar", "ar",
         "تتم دراسة هذه الطريقة في مراكز كثيرة حول العالم. يجب أن تتحدث مع طبيبك قبل أي تغيير في خطة العناية. "
         "يختلف تأثيرها من شخص لشخص بحسب عمره وصحته. نحن هنا لمساعدتك في كل خطوة من رحلتك."},
    };
    for (const auto& l : leaflets) {
        const std::string content =
            dir.write(std::string(l.name) + ".toml",
                      "title = \"" + std::string(l.name) + "\"\nlanguage = \"" + l.language +
                          "\"\nreviewed = 2026-10-01\n\n[[section]]\nbody = \"\"\"\n" + l.body + "\n\"\"\"\n");
        std::vector<std::string> want = plain_words(l.body);
        for (const char* layout : {"a4", "trifold"}) {
            CAPTURE(l.name, layout);
            const std::string pdf = build(dir, content, layout);
            // poppler reads a right-to-left page's columns from the right, as the mirrored
            // trifold's panels go.
            const std::string poppler = run("pdftotext " + quote(pdf) + " -").out;
            CHECK(first_missing(want, plain_words(poppler)) == "");
            const std::string mupdf = run("mutool draw -F txt -o - " + quote(pdf)).out;
            CHECK(first_missing(want, plain_words(mupdf)) == "");
        }
    }
}

TEST_CASE("Arabic with vowel marks in a ligature comes out of the structure tree once and in order",
          "[e2e][textlayer]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"Harbor Family Clinic\"\nphone = \"(619) 555-0147\"\n");
    // "Call the nurse day or night.": lam with tanwin before alef (a lam-alef ligature carrying a
    // mark), whose glyphs sit in a span of their own inside the line's /ActualText.
    const std::string body = "اتصل بالممرضة ليلًا أو نهارًا.";
    const std::string content = dir.write("ar.toml",
                                          "title = \"ar\"\nlanguage = \"ar\"\nreviewed = 2026-10-01\n\n[[section]]\n"
                                          "body = \"\"\"\n" +
                                              body + "\n\"\"\"\n");
    for (const char* layout : {"a4", "trifold", "booklet"}) {
        CAPTURE(layout);
        const std::string pdf = build(dir, content, layout);
        auto r = run(checker() + " --content " + quote(content) + " " + quote(pdf));
        INFO(r.out);
        CHECK(r.status == 0);
        const std::string tree = run(checker() + " --text " + quote(pdf)).out;
        CHECK(tree.find(body) != std::string::npos);
    }
}
