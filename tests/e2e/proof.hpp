// Proofreading a PDF as a program would, from MuPDF's structured text (mutool draw -F stext):
// every character with its font, size, colour, baseline and box. Independent of leafpress's
// own page model, so it checks what was printed, not what leafpress meant to print.
#pragma once
#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "e2e/run.hpp"

namespace leafpress::test {

struct ProofChar {
    double x0, x1, baseline, size;
    std::string font, color, c;
    int line;  // index of its line on the page
};

struct ProofLine {
    std::string text, font, color;
    double x0, x1, baseline, size;
};

struct ProofPage {
    std::vector<ProofChar> chars;
    std::vector<ProofLine> lines;
};

inline std::string unescape_xml(std::string s) {
    const std::pair<const char*, const char*> entities[] = {{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (std::size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, std::string(from).size(), to);
    return s;
}

inline std::vector<ProofPage> proof(const std::string& pdf) {
    const std::string xml = run("mutool draw -F stext -o - " + quote(pdf)).out;
    std::vector<ProofPage> pages;
    const std::regex token(
        R"re(<page |<line |<font name="([^"]*)" size="([^"]*)"|<char quad="([^"]*)" x="([^"]*)" y="([^"]*)" color="([^"]*)" c="([^"]*)"/>)re");
    std::string font;
    double size = 0;
    for (std::sregex_iterator it(xml.begin(), xml.end(), token), end; it != end; ++it) {
        const std::smatch& m = *it;
        const std::string t = m.str(0);
        if (t.starts_with("<page ")) {
            pages.emplace_back();
        } else if (t.starts_with("<line ")) {
            pages.back().lines.push_back({"", "", "", 1e9, -1e9, 0, 0});
        } else if (t.starts_with("<font ")) {
            font = m.str(1);
            size = std::stod(m.str(2));
        } else {
            double q[8];
            std::sscanf(m.str(3).c_str(), "%lf %lf %lf %lf %lf %lf %lf %lf", &q[0], &q[1], &q[2], &q[3], &q[4], &q[5], &q[6], &q[7]);
            ProofPage& page = pages.back();
            ProofLine& line = page.lines.back();
            const ProofChar ch{std::min(q[0], q[4]), std::max(q[2], q[6]), std::stod(m.str(5)), size, font, m.str(6),
                               unescape_xml(m.str(7)), static_cast<int>(page.lines.size()) - 1};
            line.text += ch.c;
            if (line.font.empty()) { line.font = font; line.color = ch.color; line.size = size; line.baseline = ch.baseline; }
            line.x0 = std::min(line.x0, ch.x0);
            line.x1 = std::max(line.x1, ch.x1);
            page.chars.push_back(ch);
        }
    }
    return pages;
}

// Pairs of characters whose ink cores (their advance across, cap height above the baseline)
// overlap, other than neighbours on one line: text printed over text.
inline std::vector<std::string> overlaps(const ProofPage& page) {
    std::vector<std::string> out;
    std::vector<const ProofChar*> cs;
    for (const auto& c : page.chars)
        if (c.c != " " && c.x1 - c.x0 > 0.1) cs.push_back(&c);
    std::sort(cs.begin(), cs.end(), [](const ProofChar* a, const ProofChar* b) {
        return a->baseline - 0.7 * a->size < b->baseline - 0.7 * b->size;
    });
    for (std::size_t i = 0; i < cs.size(); ++i) {
        const ProofChar& a = *cs[i];
        for (std::size_t k = i + 1; k < cs.size() && cs[k]->baseline - 0.7 * cs[k]->size < a.baseline - 0.5; ++k) {
            const ProofChar& b = *cs[k];
            if (a.line == b.line) continue;  // kerning may tuck neighbours together
            const double across = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
            const double down = std::min(a.baseline, b.baseline) - std::max(a.baseline - 0.7 * a.size, b.baseline - 0.7 * b.size);
            if (across > 0.5 && down > 0.5) out.push_back("'" + a.c + "' and '" + b.c + "' at " + std::to_string(a.x0));
        }
    }
    return out;
}

}  // namespace leafpress::test
