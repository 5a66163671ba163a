#include "layout/labels.hpp"

#include <array>
#include <cstdio>

#include "text/icu_module.hpp"

namespace leafpress {

namespace {

std::string padded(int v, int digits) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%0*d", digits, v);
    return buf;
}

// ICU's long form of the date for `tag`; empty when ICU has none or cannot be loaded.
std::string icu_date(const Date& d, const std::string& tag) {
    const Result<const text::Icu*>& icu = text::icu();
    if (!icu) return {};
    std::array<char, 512> out{};
    const int n = (*icu)->format_date(d.year, d.month, d.day, tag.c_str(), out.data(), out.size());
    return n > 0 ? std::string(out.data(), static_cast<std::size_t>(n)) : std::string();
}

}  // namespace

std::string format_date(const Date& d, const std::string& form, const std::vector<std::string>& months) {
    std::string out;
    for (std::size_t at = 0; at < form.size();) {
        const std::size_t open = form.find('{', at);
        const std::size_t close = open == std::string::npos ? open : form.find('}', open);
        if (close == std::string::npos) {
            out += form.substr(at);
            break;
        }
        out += form.substr(at, open - at);
        const std::string_view name = std::string_view(form).substr(open + 1, close - open - 1);
        if (name == "day")
            out += std::to_string(d.day);
        else if (name == "dd")
            out += padded(d.day, 2);
        else if (name == "m")
            out += std::to_string(d.month);
        else if (name == "mm")
            out += padded(d.month, 2);
        else if (name == "year")
            out += std::to_string(d.year);
        else if (name == "yyyy")
            out += padded(d.year, 4);
        else if (name == "month" && months.size() == 12)
            out += months[static_cast<std::size_t>(d.month - 1)];
        else
            out += form.substr(open, close - open + 1);
        at = close + 1;
    }
    return out;
}

std::string format_date(const Date& d, const Words& words) {
    if (d.month < 1 || d.month > 12 || !words.own) return to_iso(d);
    if (words.date) return format_date(d, words.date->for_region(words.language.region), words.date->months);
    if (std::string icu = icu_date(d, words.language.tag); !icu.empty()) return icu;
    return to_iso(d);
}

}  // namespace leafpress
