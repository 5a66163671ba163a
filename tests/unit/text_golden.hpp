// The small text golden cases' file format (tests/data/shaping/README.md): a header of
// "key: value" lines, then "=== expected" and the dump the text stage made of it.
#pragma once
#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "golden.hpp"
#include "support.hpp"
#include "text/paragraph.hpp"

namespace leafpress::test::golden {

// A file the case depends on, pinned by its hash: a font, or hyphenation patterns. A system
// file (an absolute path) names the Debian package that installs it.
struct Pin {
    std::string path, hash, package;
    bool system = false;
};

struct Case {
    std::string file;
    std::string header;  // everything above the expected dump, kept as written
    std::vector<Pin> pins;
    std::string family = "Noto Sans";
    std::vector<std::string> fallback;
    std::string language = "en";
    std::string patterns;  // hyphenation pattern file; none: no hyphenation
    double width = 200, size = 12;
    Align align = Align::RaggedRight;
    text::BaseDirection direction = text::BaseDirection::Auto;
    std::vector<text::StyledRun> runs;
    std::string expected;
};

inline constexpr const char* kMarker = "=== expected";

inline std::string format(const char* fmt, ...) {
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}

// A repository path from the repository's folder; an absolute path as it is.
inline std::string resolve(const std::string& path) { return path.starts_with("/") ? path : repo_dir() + "/" + path; }

// Text as UTF-8 with invisible, format and private-use characters named: <U+00AD>, <LF>.
inline std::string visible(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) {
        if (c == U'\n')
            out += "<LF>";
        else if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
                 (c >= 0x2028 && c <= 0x202F) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || c == 0xFE0F ||
                 (c >= 0xE000 && c <= 0xF8FF))
            out += format("<U+%04X>", static_cast<unsigned>(c));
        else
            utf8::append(out, c);
    }
    return out;
}

// "\u{AD}" escapes and "\n" in a text value.
inline std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 3, "\\u{") == 0) {
            const auto close = s.find('}', i);
            utf8::append(out, static_cast<char32_t>(std::stoul(s.substr(i + 3, close - i - 3), nullptr, 16)));
            i = close;
        } else if (s.compare(i, 2, "\\n") == 0) {
            out += '\n';
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

inline std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// text, text[bold], text[phone], text[lang=ar], ...: one styled run.
inline text::StyledRun styled_run(const std::string& key, const std::string& value) {
    text::StyledRun run;
    run.text = unescape(value);
    std::string mods = key.size() > 4 ? key.substr(5, key.size() - 6) : "";
    for (std::size_t at = 0; at < mods.size();) {
        auto end = mods.find(',', at);
        if (end == std::string::npos) end = mods.size();
        const std::string m = mods.substr(at, end - at);
        if (m == "bold")
            run.style = FontStyle::Bold;
        else if (m == "italic")
            run.style = FontStyle::Italic;
        else if (m == "phone")
            run.role = text::RunRole::PhoneNumber;
        else if (m.starts_with("lang="))
            run.language = m.substr(5);
        else
            throw std::runtime_error("unknown text modifier " + m);
        at = end + 1;
    }
    return run;
}

inline Case parse(const std::string& path) {
    Case c;
    c.file = path;
    const std::string all = read_text(path);
    const auto marker = all.find(std::string(kMarker) + "\n");
    c.header = all.substr(0, marker);
    if (marker != std::string::npos) c.expected = all.substr(marker + std::string(kMarker).size() + 1);
    for (const auto& line : split_lines(c.header)) {
        if (line.empty() || line[0] == '#') continue;
        const auto colon = line.find(": ");
        if (colon == std::string::npos) throw std::runtime_error(path + ": not key: value: " + line);
        const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
        const auto w = words(value);
        if (key == "font" || key == "patterns") {
            Pin pin{w.at(0), w.at(1), w.size() > 2 ? w[2] : "", w.at(0).starts_with("/")};
            c.pins.push_back(pin);
            if (key == "patterns") c.patterns = w[0];
        } else if (key == "family")
            c.family = value;
        else if (key == "fallback")
            c.fallback.push_back(value);
        else if (key == "language")
            c.language = value;
        else if (key == "width")
            c.width = std::stod(value);
        else if (key == "size")
            c.size = std::stod(value);
        else if (key == "align")
            c.align = value == "justified" ? Align::Justified : Align::RaggedRight;
        else if (key == "direction")
            c.direction = value == "rtl"   ? text::BaseDirection::RightToLeft
                          : value == "ltr" ? text::BaseDirection::LeftToRight
                                           : text::BaseDirection::Auto;
        else if (key.starts_with("text"))
            c.runs.push_back(styled_run(key, value));
        else
            throw std::runtime_error(path + ": unknown key " + key);
    }
    return c;
}

// The case with a new expected dump, its header as it was.
inline void write(const Case& c, const std::string& dump) {
    std::ofstream(c.file, std::ios::binary) << c.header << kMarker << "\n" << dump;
}

}  // namespace leafpress::test::golden
