#include "core/language.hpp"

#include "core/limits.hpp"

namespace leafpress {

namespace {
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
}  // namespace

bool is_language_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > limits::kLanguageTag) return false;
    std::size_t start = 0;
    bool first = true;
    while (true) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        const std::string_view sub = tag.substr(start, end - start);
        if (first) {
            if (sub.size() < 2 || sub.size() > 3) return false;
            for (char c : sub)
                if (!is_alpha(c)) return false;
        } else {
            if (sub.empty() || sub.size() > 8) return false;
            for (char c : sub)
                if (!is_alnum(c)) return false;
        }
        first = false;
        if (end == tag.size()) return true;
        start = end + 1;
    }
}

}  // namespace leafpress

namespace leafpress {

Language Language::parse(std::string_view tag) {
    Language l;
    l.tag = std::string(tag);
    std::size_t start = 0;
    int index = 0;
    while (start <= tag.size()) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        std::string sub(tag.substr(start, end - start));
        if (index == 0) {
            for (auto& c : sub) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            l.primary = sub;
        } else if (sub.size() == 4 && l.script.empty() && l.region.empty() && is_alpha(sub[0])) {
            for (std::size_t i = 0; i < sub.size(); ++i)
                sub[i] = static_cast<char>(i == 0 ? (sub[i] >= 'a' && sub[i] <= 'z' ? sub[i] - 32 : sub[i])
                                                  : (sub[i] >= 'A' && sub[i] <= 'Z' ? sub[i] + 32 : sub[i]));
            l.script = sub;
        } else if ((sub.size() == 2 && is_alpha(sub[0]) && is_alpha(sub[1])) ||
                   (sub.size() == 3 && sub[0] >= '0' && sub[0] <= '9')) {
            if (l.region.empty()) {
                for (auto& c : sub) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
                l.region = sub;
            }
        }
        ++index;
        if (end == tag.size()) break;
        start = end + 1;
    }
    static constexpr std::string_view rtl[] = {"ar", "he", "iw", "fa", "ur",  "yi",
                                               "ps", "sd", "ug", "dv", "ckb", "syr"};
    for (auto r : rtl)
        if (l.primary == r) l.direction = WritingDirection::RightToLeft;
    if (l.script == "Arab" || l.script == "Hebr" || l.script == "Thaa" || l.script == "Syrc")
        l.direction = WritingDirection::RightToLeft;
    if (l.script == "Latn" || l.script == "Cyrl") l.direction = WritingDirection::LeftToRight;
    static constexpr std::string_view unhyphenated[] = {"ar", "he", "iw", "fa", "ur", "yi", "ps",  "zh", "ja", "ko",
                                                        "th", "lo", "km", "my", "bo", "dz", "yue", "ug", "sd", "dv"};
    for (auto u : unhyphenated)
        if (l.primary == u) l.hyphenated = false;
    return l;
}

}  // namespace leafpress
