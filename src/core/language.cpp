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
