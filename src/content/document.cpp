#include "content/document.hpp"

#include <cstdio>

namespace leafpress {

FontStyle with_italic(FontStyle s) {
    return (s == FontStyle::Bold || s == FontStyle::BoldItalic) ? FontStyle::BoldItalic : FontStyle::Italic;
}

FontStyle with_bold(FontStyle s) {
    return (s == FontStyle::Italic || s == FontStyle::BoldItalic) ? FontStyle::BoldItalic : FontStyle::Bold;
}

std::string to_iso(const Date& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string plain_text(const std::vector<Span>& spans) {
    std::string out;
    for (const auto& s : spans) {
        for (char c : s.text) out.push_back(c == '\n' ? ' ' : c);
    }
    return out;
}

}  // namespace leafpress
