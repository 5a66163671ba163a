#include "content/document.hpp"

#include <cstdio>

namespace leafpress {

std::string to_iso(const Date& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::optional<std::pair<int, int>> locate(const std::string& text, const std::vector<TextAnchor>& anchors,
                                          std::size_t offset) {
    const TextAnchor* best = nullptr;
    for (const auto& a : anchors) {
        if (a.offset > offset) break;
        best = &a;
    }
    if (!best) return std::nullopt;
    int column = best->column;
    for (std::size_t k = best->offset; k < offset && k < text.size(); ++k)
        if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++column;
    return std::pair{best->line, column};
}

Date one_year_after(Date d) {
    Date n{d.year + 1, d.month, d.day};
    const bool leap = (n.year % 4 == 0 && n.year % 100 != 0) || n.year % 400 == 0;
    if (n.month == 2 && n.day == 29 && !leap) n.day = 28;
    return n;
}

std::optional<Date> next_review_of(const Document& doc) {
    if (doc.next_review) return doc.next_review;
    if (doc.reviewed) return one_year_after(*doc.reviewed);
    return std::nullopt;
}

std::string plain_text(const std::vector<Span>& spans) {
    std::string out;
    for (const auto& s : spans) {
        for (char c : s.text) out.push_back(c == '\n' ? ' ' : c);
    }
    return out;
}

}  // namespace leafpress
