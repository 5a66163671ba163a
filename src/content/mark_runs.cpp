#include "content/mark_runs.hpp"

#include <hb.h>

namespace leafpress {

namespace {

bool is_mark(hb_unicode_funcs_t* uf, char32_t c) {
    switch (hb_unicode_general_category(uf, c)) {
        case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
        case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
        case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK: return true;
        default: break;
    }
    return (c >= 0x1F3FB && c <= 0x1F3FF) ||  // emoji modifiers (skin tones)
           (c >= 0xFF9E && c <= 0xFF9F) ||    // halfwidth katakana sound marks
           (c >= 0xE0020 && c <= 0xE007F);    // tags (flags of regions)
}

bool joins(hb_unicode_funcs_t* uf, char32_t c, bool after_joiner) {
    return after_joiner || c == 0x200D || is_mark(uf, c);
}

}  // namespace

MarkRunCounter::Step MarkRunCounter::feed(char32_t c, bool reference) {
    const bool j = joins(hb_unicode_funcs_get_default(), c, after_joiner_);
    after_joiner_ = c == 0x200D;
    if (!j) {
        run_ = 0;
        referenced_ = false;
        return Step::Fine;
    }
    ++run_;
    referenced_ = referenced_ || reference;
    return run_ <= limit_ ? Step::Fine : run_ == limit_ + 1 ? Step::Passed : Step::Over;
}

std::optional<LongMarkRun> find_long_mark_run(std::string_view text, std::size_t limit) {
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
    std::size_t run = 0;
    bool after_joiner = false;
    std::optional<LongMarkRun> found;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t n = b < 0x80 ? 1 : b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = b < 0x80 ? b : b < 0xE0 ? (b & 0x1F) : b < 0xF0 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < n && i + k < text.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        const bool j = joins(uf, c, after_joiner);
        after_joiner = c == 0x200D;
        if (!j) {
            if (found) return found;
            run = 0;
        } else if (++run == limit + 1) {
            found = LongMarkRun{i, 0};
        }
        if (found) found->length = run;
        i += n;
    }
    return found;
}

}  // namespace leafpress
