// Proofreading a PDF as a program would, from MuPDF's structured text (mutool draw -F stext):
// every character with its font, size, colour, baseline and box. Independent of leafpress's
// own page model, so it checks what was printed, not what leafpress meant to print.
#pragma once
#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "e2e/run.hpp"
#include "style/phone.hpp"

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

// A page's lines as drawn: each line's characters from left to right.
inline std::vector<std::u32string> drawn_lines(const ProofPage& page) {
    std::vector<std::vector<const ProofChar*>> lines(page.lines.size());
    for (const auto& c : page.chars) lines[static_cast<std::size_t>(c.line)].push_back(&c);
    std::vector<std::u32string> out;
    for (auto& l : lines) {
        std::stable_sort(l.begin(), l.end(), [](const ProofChar* a, const ProofChar* b) { return a->x0 < b->x0; });
        std::string s;
        for (const auto* c : l) s += c->c;
        out.push_back(utf8::decode(s).text);
    }
    return out;
}

// Every occurrence of the clinic's number in a page's drawn text (PhoneFinder: any written form,
// its extension included), found in its lines joined end to end, so that a number broken
// across lines is found too: its text as drawn, and whether it stands whole on one line.
struct ProofPhone {
    std::string text;
    bool whole;
};

inline std::vector<ProofPhone> phone_occurrences(const ProofPage& page, const PhoneFinder& finder) {
    std::u32string all;
    std::vector<std::size_t> line_end;
    for (const auto& l : drawn_lines(page)) {
        all += l;
        line_end.push_back(all.size());
        all += U' ';
    }
    std::vector<ProofPhone> out;
    for (const auto& span : finder.find(all)) {
        const bool whole = std::none_of(line_end.begin(), line_end.end(),
                                        [&](std::size_t e) { return e > span.begin && e < span.end; });
        out.push_back({utf8::encode(all.substr(span.begin, span.end - span.begin)), whole});
    }
    return out;
}

}  // namespace leafpress::test
