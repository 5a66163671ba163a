// Whole leaflets through the binary, checked with qpdf, poppler and MuPDF.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <regex>

#include "cli/commands.hpp"
#include "content/load_content.hpp"
#include "e2e/run.hpp"

using namespace leafpress;
using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

// Words for comparison: hyphens and dashes dropped (hyphenation may add or hide them), and
// for Arabic the vowel marks and the direction marks poppler adds.
std::string norm(std::string w) {
    static const char* drop[] = {"-",      "\u2010", "\u2013", "\u2014", "\u202A", "\u202B", "\u202C", "\u200E",
                                 "\u200F", "\u064B", "\u064C", "\u064D", "\u064E", "\u064F", "\u0650", "\u0651",
                                 "\u0652", "\u0670", "\u060C", "(",      ")",      ".",      ","};
    for (const char* d : drop) {
        for (std::size_t p; (p = w.find(d)) != std::string::npos;) w.erase(p, std::string(d).size());
    }
    return w;
}

bool is_arabic(const std::string& w) {
    return std::any_of(w.begin(), w.end(), [](char c) {
        return static_cast<unsigned char>(c) == 0xD8 || static_cast<unsigned char>(c) == 0xD9;
    });
}

std::vector<std::string> content_words(const Document& doc) {
    std::vector<std::string> out;
    const auto add = [&](const std::string& text) {
        for (auto& w : words(text))
            if (auto n = norm(w); !n.empty()) out.push_back(n);
    };
    add(doc.title);
    add(doc.subtitle);
    add(doc.summary);
    for (const auto& s : doc.sections) {
        add(s.heading);
        for (const auto& b : s.blocks) add(plain_text(b.spans));
    }
    return out;
}

// pdftotext's words with the running footer removed and hyphenated line ends joined.
std::vector<std::string> pdf_words(const std::string& text, const std::string& phone) {
    std::string kept;
    std::istringstream in(text);
    std::string line;
    static const std::regex page_of("^Page [0-9]+ of [0-9]+$");
    while (std::getline(in, line)) {
        std::erase(line, '\f');
        if (line.find("\u00B7 Call " + phone) != std::string::npos || std::regex_match(line, page_of)) continue;
        kept += line + "\n";
    }
    for (std::size_t p; (p = kept.find("-\n")) != std::string::npos;) kept.erase(p, 2);
    std::vector<std::string> out;
    for (auto& w : words(kept))
        if (auto n = norm(w); !n.empty()) out.push_back(n);
    return out;
}

// How many of `needle` appear in `hay` in order, other text allowed between. The words of the
// PDF are joined without spaces first, since a line may also break inside a word (after the
// slash of an address, say).
std::size_t matched_prefix(const std::vector<std::string>& needle, const std::vector<std::string>& hay) {
    std::string joined;
    for (const auto& w : hay) joined += w;
    std::size_t at = 0, i = 0;
    for (; i < needle.size(); ++i) {
        if (is_arabic(needle[i])) {
            // poppler reorders mixed right-to-left lines its own way: Arabic words need only be there.
            if (joined.find(needle[i]) == std::string::npos) break;
            continue;
        }
        const std::size_t p = joined.find(needle[i], at);
        if (p == std::string::npos) break;
        at = p + needle[i].size();
    }
    return i;
}

int page_count(const std::string& pdf) {
    auto r = run("pdfinfo " + quote(pdf));
    std::smatch m;
    static const std::regex pages("Pages:\\s+([0-9]+)");
    return std::regex_search(r.out, m, pages) ? std::stoi(m[1]) : 0;
}

void check_pdf(const std::string& pdf, const std::string& content, const std::string& phone) {
    INFO(pdf);
    // qpdf: structurally sound.
    auto q = run("qpdf --check " + quote(pdf));
    CHECK(q.status == 0);
    CHECK(q.out.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(q.err.empty());

    // pdffonts: every font embedded, subset, with a ToUnicode map.
    auto f = run("pdffonts " + quote(pdf));
    CHECK(f.status == 0);
    CHECK(f.err.empty());
    std::istringstream lines(f.out);
    std::string line;
    int fonts = 0;
    while (std::getline(lines, line)) {
        if (line.starts_with("name") || line.starts_with("---")) continue;
        ++fonts;
        CAPTURE(line);
        // TrueType fonts use leafpress's embedded one- and two-byte CMap (pdffonts: Custom), CFF ones Identity-H.
        CHECK(std::regex_search(line, std::regex("(Identity-H|Custom)\\s+yes\\s+yes\\s+yes")));
        CHECK(std::regex_search(line, std::regex("^[A-Z]{6}\\+")));
    }
    CHECK(fonts >= 2);

    // pdftotext: no warnings; every word of the content, in order.
    auto t = run("pdftotext -enc UTF-8 " + quote(pdf) + " -");
    CHECK(t.status == 0);
    CHECK(t.err.empty());
    Diagnostics d;
    auto doc = load_content(content, d);
    REQUIRE(doc);
    const auto want = content_words(*doc);
    const auto got = pdf_words(t.out, phone);
    const std::size_t n = matched_prefix(want, got);
    INFO("first word not found in order: " << (n < want.size() ? want[n] : std::string("-")));
    CHECK(n == want.size());

    // The phone number on every page, and the call to action on the last.
    const int pages = page_count(pdf);
    CHECK(pages >= 1);
    for (int p = 1; p <= pages; ++p) {
        auto pt = run("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " " + quote(pdf) + " -");
        CAPTURE(p);
        CHECK(pt.out.find(phone) != std::string::npos);
        // The call to action: the phone in large type, after the invitation to call.
        // (poppler prints right-to-left lines in an order of its own, so only left-to-right ones are read so.)
        if (p == pages && doc->language.tag != "ar")
            CHECK(std::regex_search(
                pt.out, std::regex("(Call|Llame al) " + std::regex_replace(phone, std::regex("[()]"), "\\$&"))));
    }

    // MuPDF renders it without a word (-N: this mutool build lacks colour management).
    auto m = run("mutool draw -N -q -o /dev/null " + quote(pdf));
    CHECK(m.status == 0);
    CHECK(m.err.empty());
}

}  // namespace

TEST_CASE("every shipped leaflet builds and passes the validators", "[e2e]") {
    TempDir out;
    const auto files = collect_content({repo_dir() + "/content"});
    REQUIRE_FALSE(files.empty());
    for (const auto& content : files) {
        const std::string pdf = out.file(fs::path(content).stem().string() + ".pdf");
        auto r = run(cli("build " + quote(content) + " -o " + quote(pdf)));
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.err.find("warning") == std::string::npos);
        check_pdf(pdf, content, "(858) 258-5090");
        CHECK(page_count(pdf) >= 2);
    }
}

TEST_CASE("the typography test leaflet builds and extracts", "[e2e][typography]") {
    TempDir out;
    const std::string content = data_dir() + "/typography.toml";
    const std::string pdf = out.file("typography.pdf");
    auto r = run(cli("build " + quote(content) + " -o " + quote(pdf)));
    INFO(r.err);
    REQUIRE(r.status == 0);
    // The only warnings: the words too long for any line.
    CHECK(r.err.find("warning: a word or address is wider than the column") != std::string::npos);
    check_pdf(pdf, content, "(555) 010-0199");
    auto t = run("pdftotext -enc UTF-8 " + quote(pdf) + " -");
    CHECK(t.out.find("office") != std::string::npos);
    CHECK(t.out.find("\uFB03") == std::string::npos);  // never the ffi ligature character
    CHECK(t.out.find("Liệu pháp tế bào gốc") != std::string::npos);
    auto f = run("pdffonts " + quote(pdf));
    CHECK(f.out.find("NotoSansArabic") != std::string::npos);
}

TEST_CASE("two builds of the same leaflet are byte-identical", "[e2e][reproducible]") {
    TempDir out;
    const std::string content = repo_dir() + "/content/stem-cell-therapy-autoimmune.toml";
    REQUIRE(run(cli("build " + quote(content) + " -o " + quote(out.file("a.pdf")))).status == 0);
    REQUIRE(run(cli("build " + quote(content) + " -o " + quote(out.file("b.pdf")))).status == 0);
    const std::string a = slurp(out.file("a.pdf")), b = slurp(out.file("b.pdf"));
    CHECK(a.size() > 1000);
    CHECK(a == b);
}

TEST_CASE("justified text, a Spanish and an Arabic leaflet build and extract", "[e2e][typography]") {
    TempDir out;
    const std::string justified = data_dir() + "/justified.toml";
    const struct {
        std::string content, layout;
    } cases[] = {
        {data_dir() + "/typography.toml", justified},
        {repo_dir() + "/content/stem-cell-therapy-autoimmune.toml", justified},
        {data_dir() + "/spanish.toml", "a4"},
        {data_dir() + "/spanish.toml", justified},
        {data_dir() + "/arabic.toml", "a4"},
        {data_dir() + "/arabic.toml", "trifold"},
    };
    int n = 0;
    for (const auto& c : cases) {
        const std::string pdf = out.file(std::to_string(n++) + ".pdf");
        auto r = run(cli("build " + quote(c.content) + " --layout " + quote(c.layout) + " -o " + quote(pdf)));
        INFO(r.err);
        REQUIRE(r.status == 0);
        check_pdf(pdf, c.content,
                  c.content.find("/content/") != std::string::npos ? "(858) 258-5090" : "(555) 010-0199");
    }
}

TEST_CASE("hostile input builds into a valid PDF or fails cleanly", "[e2e][hostile]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"Clinic\"\nphone = \"(555) 010-0199\"\n");
    std::string many = "title = \"Many\"\n";
    for (int i = 0; i < 400; ++i)
        many += "[[section]]\nheading = \"Section " + std::to_string(i) + "\"\nbody = \"Paragraph " +
                std::to_string(i) + " with a few words.\"\n";
    std::string nested = "title = \"Nest\"\n[[section]]\nbody = \"\"\"\n" + std::string(2000, '*') + "x" +
                         std::string(2000, '*') + "\n\n";
    for (int i = 0; i < 40; ++i) nested += std::string(static_cast<std::size_t>(2 * i), ' ') + "- item\n";
    nested += "\n" + std::string(500, '>') + " deep\n\"\"\"\n";
    std::string marks = "title = \"Marks\"\n[[section]]\nbody = \"a";
    for (int i = 0; i < 500; ++i) marks += "\u0301";
    marks += " b\u200d\u200d c \u202e reversed \u202c d\"\n";
    // What the PDF's text must read (pdftotext), for the cases that are built.
    using Reads = std::function<void(const std::string&)>;
    const Reads long_word = [](const std::string& text) {
        // The word, in pieces from line to line, every letter of it and nothing lost.
        std::size_t letters = 0;
        for (std::size_t at = 0; (at = text.find("aa", at)) != std::string::npos;) {
            const std::size_t end = text.find_first_not_of('a', at);
            letters += (end == std::string::npos ? text.size() : end) - at;
            at = end == std::string::npos ? text.size() : end;
        }
        CHECK(letters == 20000);
    };
    const Reads many_sections = [](const std::string& text) {
        for (int i = 0; i < 400; ++i) {
            CAPTURE(i);
            CHECK(text.find("Paragraph " + std::to_string(i) + " with a few words.") != std::string::npos);
        }
    };
    const Reads deep_markup = [](const std::string& text) {
        // Emphasis markers are markup, never text; the 40 items and the quote's text are there.
        CHECK(text.find('*') == std::string::npos);
        CHECK(text.find("\nx\n") != std::string::npos);
        std::size_t items = 0;
        for (std::size_t at = 0; (at = text.find("item", at)) != std::string::npos; at += 4) ++items;
        CHECK(items == 40);
        CHECK(text.find("deep") != std::string::npos);
    };
    const Reads only_markup = [](const std::string& text) {
        CHECK(text.starts_with("x\n"));  // the title, then no markup as text
        CHECK(text.find('*') == std::string::npos);
        CHECK(text.find('>') == std::string::npos);
        CHECK(text.find("Call (555) 010-0199") != std::string::npos);
    };
    const struct {
        const char* name;
        std::string content;
        Reads reads;  // empty: refused
    } cases[] = {
        {"long word", "title = \"Long\"\n[[section]]\nbody = \"" + std::string(20000, 'a') + "\"\n", long_word},
        {"many sections", many, many_sections},
        {"deep markup", nested, deep_markup},
        // 500 accents on one letter: refused where they are written, before shaping (issue 22:
        // a letter carries at most 30 marks), rather than a column of ink taller than the page.
        {"a pile of marks and controls", marks, {}},
        {"only markup, no text", "title = \"x\"\n[[section]]\nbody = \"\"\"\n***\n\n- \n\n> \n\"\"\"\n", only_markup},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        dir.write("leaflet.toml", c.content);
        std::filesystem::remove(dir.file("out.pdf"));
        auto r = run(cli("build leaflet.toml -o out.pdf"), dir.path());
        INFO(r.err);
        if (!c.reads) {
            CHECK(r.status == 1);
            CHECK(r.err.find("leaflet.toml:3:40: error: ") != std::string::npos);
            CHECK(r.err.find("[input.combining-marks]") != std::string::npos);
            CHECK_FALSE(std::filesystem::exists(dir.file("out.pdf")));
            continue;
        }
        REQUIRE(r.status == 0);
        CHECK(run("qpdf --check " + quote(dir.file("out.pdf"))).status == 0);
        CHECK(run("pdftotext " + quote(dir.file("out.pdf")) + " /dev/null").err.empty());
        CHECK(run("mutool draw -N -q -o /dev/null " + quote(dir.file("out.pdf"))).err.empty());
        c.reads(run("pdftotext " + quote(dir.file("out.pdf")) + " -").out);
    }
}

TEST_CASE("large and hostile input ends in a PDF or a located error in bounded time", "[e2e][hostile]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"Clinic\"\nphone = \"(555) 010-0199\"\n");
    const auto repeat = [](const std::string& s, int n) {
        std::string out;
        for (int i = 0; i < n; ++i) out += s;
        return out;
    };
    std::string list;
    for (int i = 0; i < 15000; ++i) list += "- item number " + std::to_string(i) + "\n";
    std::string deep;
    for (int i = 0; i < 2000; ++i)
        deep += std::string(static_cast<std::size_t>(2 * std::min(i, 150)), ' ') + "- item\n";
    const std::string body = "title = \"T\"\n[[section]]\nbody = \"\"\"\n";
    const struct {
        const char* name;
        std::string content;
        int status;
        const char* message;  // in stderr
    } cases[] = {
        // Just under the limits: built, in well under a second per megabyte.
        {"0.9 MB body",
         body + repeat(repeat("Word one two three four five six seven. ", 14) + "\n\n", 1550) + "\"\"\"\n", 0,
         "leafpress: wrote"},
        {"15,000 list items", body + list + "\"\"\"\n", 0, "leafpress: wrote"},
        {"2,000 nested list items", body + deep + "\"\"\"\n", 0, "leafpress: wrote"},
        {"1,000 sections", "title = \"T\"\n" + repeat("[[section]]\nheading = \"H\"\nbody = \"Text here.\"\n", 1000), 0,
         "leafpress: wrote"},
        {"a 49,000-letter word", body + std::string(49000, 'a') + "\n\"\"\"\n", 0, "leafpress: wrote"},
        {"20,000 HTML tags", body + repeat("a <b>x</b>\n\n", 10000) + "\"\"\"\n", 0, "[markup.html] (20000 times)"},
        {"5,000 nested quotes", body + repeat("> ", 5000) + "x\n\"\"\"\n", 0, "leafpress: wrote"},
        // Past them: refused at the place.
        {"a 4 MB body", body + repeat(repeat("Word one two three. ", 20) + "\n\n", 10000) + "\"\"\"\n", 1,
         "leafpress reads files of at most 1024 KiB here [input.too-large]"},
        {"a 100 KB address", body + "See https://example.org/" + std::string(100000, 'b') + " now.\n\"\"\"\n", 1,
         "leaflet.toml:4:5: error: a link's address is 100020 bytes long"},
        {"a 50 KB language tag",
         "title = \"T\"\nlanguage = \"" + repeat("en-", 16000) + "en\"\n[[section]]\nbody = \"x\"\n", 1,
         "leaflet.toml:2:12: error:"},
        {"1,001 sections", "title = \"T\"\n" + repeat("[[section]]\nbody = \"x\"\n", 1001), 1,
         "leaflet.toml:2002:1: error: more than 1000 sections [content.too-many-sections]"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        dir.write("leaflet.toml", c.content);
        // The timeout is far above the time taken (0.6 s at most here, unsanitised): what it
        // catches is time that grows faster than the input.
        auto r = run("timeout 60 " + cli("build leaflet.toml -o out.pdf"), dir.path());
        INFO(r.err.substr(0, 2000));
        CHECK(r.status == c.status);
        CHECK(r.err.find(c.message) != std::string::npos);
        if (c.status == 0) CHECK(run("qpdf --check " + quote(dir.file("out.pdf"))).status == 0);
        std::filesystem::remove(dir.file("out.pdf"));
    }
}
