// Proofreading a PDF as a program would, from MuPDF's structured text (mutool draw -F stext):
// every character with its font, size, colour, baseline and box. Independent of leafpress's
// own page model, so it checks what was printed, not what leafpress meant to print.
#pragma once
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <string>
#include <vector>
#include <cstdio>

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
    const std::pair<const char*, const char*> entities[] = {
        {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&apos;", "'"}, {"&amp;", "&"}};
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
            std::sscanf(m.str(3).c_str(), "%lf %lf %lf %lf %lf %lf %lf %lf", &q[0], &q[1], &q[2], &q[3], &q[4], &q[5],
                        &q[6], &q[7]);
            ProofPage& page = pages.back();
            ProofLine& line = page.lines.back();
            const ProofChar ch{std::min(q[0], q[4]),
                               std::max(q[2], q[6]),
                               std::stod(m.str(5)),
                               size,
                               font,
                               m.str(6),
                               unescape_xml(m.str(7)),
                               static_cast<int>(page.lines.size()) - 1};
            line.text += ch.c;
            if (line.font.empty()) {
                line.font = font;
                line.color = ch.color;
                line.size = size;
                line.baseline = ch.baseline;
            }
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
            const double down =
                std::min(a.baseline, b.baseline) - std::max(a.baseline - 0.7 * a.size, b.baseline - 0.7 * b.size);
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

// The ink of every glyph as MuPDF draws it: its SVG output (mutool draw -F svg) defines each
// glyph's outline once as a path in em units and places it with a matrix. A glyph's ink box is
// its path's box (control points included) through that matrix, in points from the page's
// top-left: the outlines printed, marks and all, read without leafpress's own idea of them.
struct InkGlyph {
    double x0, x1, y0, y1;  // ink box, y downwards
    double baseline, size;
    std::string c;  // the text MuPDF gives it
};

inline std::array<double, 4> path_box(const std::string& d) {
    std::array<double, 4> box{1e9, -1e9, 1e9, -1e9};  // x0 x1 y0 y1
    const auto take = [&](double x, double y) {
        box[0] = std::min(box[0], x);
        box[1] = std::max(box[1], x);
        box[2] = std::min(box[2], y);
        box[3] = std::max(box[3], y);
    };
    char command = 'M';
    double cx = 0, cy = 0;
    std::vector<double> nums;
    const char* p = d.c_str();
    const auto flush = [&] {
        // Absolute commands, as MuPDF writes them: pairs of coordinates, or one for H and V.
        if (command == 'H') {
            for (double v : nums) {
                cx = v;
                take(cx, cy);
            }
        } else if (command == 'V') {
            for (double v : nums) {
                cy = v;
                take(cx, cy);
            }
        } else
            for (std::size_t i = 0; i + 1 < nums.size(); i += 2) {
                cx = nums[i];
                cy = nums[i + 1];
                take(cx, cy);
            }
        nums.clear();
    };
    while (*p) {
        if (std::isalpha(static_cast<unsigned char>(*p)) && *p != 'e' && *p != 'E') {
            flush();
            command = *p++;
        } else if (*p == ' ' || *p == ',') {
            ++p;
        } else {
            char* end = nullptr;
            const double v = std::strtod(p, &end);
            if (end == p) {
                ++p;
                continue;
            }
            nums.push_back(v);
            p = end;
        }
    }
    flush();
    return box;
}

// A character as MuPDF's SVG writes it ("&#x103b;", "&amp;", "a"), in UTF-8.
inline std::string decode_char(const std::string& s) {
    if (!s.starts_with("&#x")) return unescape_xml(s);
    const auto c = static_cast<char32_t>(std::strtoul(s.c_str() + 3, nullptr, 16));
    std::string out;
    if (c < 0x80)
        out += static_cast<char>(c);
    else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

// The value of attribute `name` ("d", "transform") in an element's text, or "" when it has none.
// (Found by hand: std::regex recurses once a character and overflows the stack on long paths.)
inline std::string svg_attribute(std::string_view element, std::string_view name) {
    const std::string key = " " + std::string(name) + "=\"";
    const std::size_t at = element.find(key);
    if (at == std::string_view::npos) return {};
    const std::size_t from = at + key.size(), to = element.find('"', from);
    return to == std::string_view::npos ? std::string() : std::string(element.substr(from, to - from));
}

inline std::vector<std::vector<InkGlyph>> ink(const std::string& pdf) {
    const std::string svg = run("mutool draw -F svg -o - " + quote(pdf)).out;
    // The glyphs' outlines: <path id="..." d="..."/>, and the pages (<svg ...>) with their <use>s.
    std::map<std::string, std::array<double, 4>> shapes;
    std::vector<std::vector<InkGlyph>> pages;
    for (std::size_t at = svg.find('<'); at != std::string::npos; at = svg.find('<', at + 1)) {
        const std::size_t close = svg.find('>', at);
        if (close == std::string::npos) break;
        const std::string_view element(svg.data() + at, close - at);
        if (element.starts_with("<svg ")) {
            pages.emplace_back();
        } else if (element.starts_with("<path id=\"")) {
            shapes[svg_attribute(element, "id")] = path_box(svg_attribute(element, "d"));
        } else if (element.starts_with("<use ")) {
            std::string target = svg_attribute(element, "xlink:href");
            const std::string transform = svg_attribute(element, "transform");
            if (!target.starts_with("#") || !transform.starts_with("matrix(")) continue;
            const auto shape = shapes.find(target.substr(1));
            if (shape == shapes.end() || shape->second[0] > shape->second[1]) continue;  // no outline: a space
            double t[6];
            if (std::sscanf(transform.c_str() + 7, "%lf,%lf,%lf,%lf,%lf,%lf", &t[0], &t[1], &t[2], &t[3], &t[4],
                            &t[5]) != 6)
                continue;
            const std::string text = svg_attribute(element, "data-text");
            InkGlyph g{1e9,
                       -1e9,
                       1e9,
                       -1e9,
                       t[5],
                       std::hypot(t[2], t[3]),
                       text.empty() ? std::string("?") : decode_char(text)};
            const auto& b = shape->second;
            for (double x : {b[0], b[1]})
                for (double y : {b[2], b[3]}) {
                    const double px = t[0] * x + t[2] * y + t[4], py = t[1] * x + t[3] * y + t[5];
                    g.x0 = std::min(g.x0, px);
                    g.x1 = std::max(g.x1, px);
                    g.y0 = std::min(g.y0, py);
                    g.y1 = std::max(g.y1, py);
                }
            if (!pages.empty()) pages.back().push_back(g);
        }
    }
    return pages;
}

// Glyphs of different lines (baselines more than 0.6 em apart: a mark raised on its own line
// stays with it) whose ink boxes overlap by more than `tolerance` points both ways: the ink of
// one line landing on another's.
inline std::vector<std::string> ink_collisions(const std::vector<InkGlyph>& page, double tolerance = 0.25) {
    std::vector<const InkGlyph*> gs;
    for (const auto& g : page) gs.push_back(&g);
    std::sort(gs.begin(), gs.end(), [](const InkGlyph* a, const InkGlyph* b) { return a->y0 < b->y0; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < gs.size(); ++i) {
        const InkGlyph& a = *gs[i];
        for (std::size_t k = i + 1; k < gs.size() && gs[k]->y0 < a.y1 - tolerance; ++k) {
            const InkGlyph& b = *gs[k];
            if (std::abs(a.baseline - b.baseline) <= 0.6 * std::max(a.size, b.size)) continue;
            const double across = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
            const double down = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
            if (across > tolerance && down > tolerance)
                out.push_back("'" + a.c + "' (baseline " + std::to_string(a.baseline) + ") and '" + b.c +
                              "' (baseline " + std::to_string(b.baseline) + ") at x " + std::to_string(a.x0));
        }
    }
    return out;
}

}  // namespace leafpress::test
