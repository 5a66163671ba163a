// Right-to-left leaflets printed mirrored, read from the PDF (pdftotext -bbox), not from the
// page model: a Hebrew table's first column on the right with its columns aligned alike, and a
// Hebrew and an Urdu trifold with the cover on the left and the inside read from the right.
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>

#include "e2e/run.hpp"

using namespace leafpress::test;

namespace {

std::string data(const std::string& name) { return repo_dir() + "/tests/data/mirror/" + name; }

struct Word {
    int page;
    double x0, y0, x1, y1;
    std::string text;
    [[nodiscard]] double height() const { return y1 - y0; }
    [[nodiscard]] double middle() const { return (x0 + x1) / 2; }
};

struct Printed {
    std::vector<Word> words;
    double width = 0;  // of the first page
};

Printed words_of(const std::string& pdf) {
    const std::string xml = run("pdftotext -bbox " + quote(pdf) + " -").out;
    const std::regex token(
        R"re(<page width="([0-9.]+)"|<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    Printed out;
    int page = -1;
    for (std::sregex_iterator it(xml.begin(), xml.end(), token), end; it != end; ++it) {
        const std::smatch& m = *it;
        if (m[1].matched) {
            if (++page == 0) out.width = std::stod(m.str(1));
            continue;
        }
        out.words.push_back(
            {page, std::stod(m.str(2)), std::stod(m.str(3)), std::stod(m.str(4)), std::stod(m.str(5)), m.str(6)});
    }
    return out;
}

const Word& find(const Printed& p, const std::string& text, int nth = 0) {
    for (const auto& w : p.words)
        if (w.text == text && nth-- == 0) return w;
    FAIL("no word " << text);
    return p.words.front();
}

std::string build(const TempDir& dir, const std::string& name, const std::string& layout) {
    const std::string pdf = dir.file(name + "-" + layout + ".pdf");
    auto r = run(cli("build " + quote(data(name + ".toml")) + " -o " + quote(pdf) + " --layout " + layout));
    INFO(r.err);
    REQUIRE(r.status == 0);
    return pdf;
}

}  // namespace

TEST_CASE("a Hebrew table is printed right to left, each column aligned as one", "[e2e][mirror]") {
    TempDir dir;
    for (const char* layout : {"a4", "trifold"}) {
        CAPTURE(layout);
        const Printed p = words_of(build(dir, "he-table", layout));
        // Row 2: "Ibuprofen" in the first column, "12 h" in the third; rows 1 and 3: "500 mg", "5 mg"
        // in the second (centred); the first column starts ("---"), the third ends ("--:").
        const Word& ibuprofen = find(p, "Ibuprofen");
        const Word& twelve = find(p, "12");
        const Word& five_hundred = find(p, "500");
        const Word& mg1 = find(p, "mg", 0);
        // Columns right to left: first, second, third.
        CHECK(ibuprofen.x0 > mg1.x1);
        CHECK(five_hundred.x0 > twelve.x1);
        // The first column's cells end at its right edge, the third's start at its left edge, whatever
        // their own direction: the Latin cell lines up with the Hebrew ones of its column.
        double right = 0, left = 1e9;
        for (const auto& w : p.words) {
            // The row of "500 mg", in the table's panel.
            if (w.page != five_hundred.page || std::abs(w.y0 - five_hundred.y0) > 1.5 ||
                std::abs(w.middle() - five_hundred.middle()) >
                    (std::string(layout) == "trifold" ? p.width / 6 : p.width / 2))
                continue;
            right = std::max(right, w.x1);
            left = std::min(left, w.x0);
        }
        CHECK(ibuprofen.x1 == Approx(right).margin(0.5));
        CHECK(twelve.x0 == Approx(left).margin(0.5));
        // The middle column centred: "500 mg" and "5 mg" share their middle.
        const Word& mg3 = find(p, "mg", 1);
        double five_x0 = 1e9;
        for (const auto& w : p.words)
            if (w.text == "5" && std::abs(w.y0 - mg3.y0) < 1.5) five_x0 = w.x0;
        CHECK((five_hundred.x0 + mg1.x1) / 2 == Approx((five_x0 + mg3.x1) / 2).margin(0.5));
    }
}

TEST_CASE("Hebrew and Urdu trifolds are mirrored: cover on the left, flap on the right, inside read leftwards",
          "[e2e][mirror]") {
    TempDir dir;
    for (const char* name : {"he-table", "ur"}) {
        CAPTURE(name);
        const Printed p = words_of(build(dir, name, "trifold"));
        const double panel = p.width / 3;
        // The title (the largest type) on the outside's left panel.
        int title_words = 0;
        for (const auto& w : p.words)
            if (w.page == 0 && w.height() > 30) {
                ++title_words;
                CHECK(w.x1 < panel);
            }
        CHECK(title_words > 0);
        // The sections' headings start with their number: 1 on the flap (the outside's right
        // panel), the rest inside from the right panel leftwards.
        double position = -1;
        int headings = 0;
        for (const char* n : {"1", "2", "3", "4", "5"}) {
            for (const auto& w : p.words) {
                if (w.text != n || w.height() < 16) continue;  // a heading's number, not "5 mg"
                CAPTURE(n, w.page, w.x0);
                const int from_left = static_cast<int>(w.middle() / panel);
                const double at = w.page == 0 ? (from_left == 2 ? 0 : -10) : 1 + (2 - from_left) + w.y0 / 10000;
                CHECK(at >= position);
                position = at;
                ++headings;
            }
        }
        CHECK(headings >= 4);
        CHECK(position > 3);  // the last heading is on the inside's left panel
    }
}
