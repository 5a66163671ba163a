// Finding the clinic's number in running text, in any of its written forms (phone.hpp).
#include <algorithm>

#include "core/utf8.hpp"
#include "style/phone.hpp"

namespace leafpress {

namespace {

// The value of a decimal digit (ASCII, Arabic-Indic or Extended Arabic-Indic), or -1.
int digit_value(char32_t c) {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= 0x660 && c <= 0x669) return static_cast<int>(c - 0x660);
    if (c >= 0x6F0 && c <= 0x6F9) return static_cast<int>(c - 0x6F0);
    return -1;
}
bool is_digit(char32_t c) { return digit_value(c) >= 0; }
bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
char32_t lower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c - U'A' + U'a' : c; }
bool is_blank(char32_t c) { return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x2009 || c == 0x202F; }
// Between digit groups: blanks, and the hyphens, dots and slashes that phone.cpp reads.
bool is_connector(char32_t c) { return c == U'-' || c == U'.' || c == U'/' || (c >= 0x2010 && c <= 0x2013); }
bool is_separator(char32_t c) { return is_blank(c) || is_connector(c); }

enum class Gap : char { None, Blank, Other };

// A run of digit groups from t[i]: its digits, where the text ends after each digit (after a
// ')' that closes right after it), and what stands before each digit.
struct Scanned {
    bool plus = false;
    std::string digits;
    std::vector<std::size_t> ends;
    std::vector<Gap> gaps;
};

Scanned scan(std::u32string_view t, std::size_t i) {
    Scanned s;
    std::size_t j = i;
    if (j < t.size() && t[j] == U'+') {
        s.plus = true;
        ++j;
    }
    bool open = false, blank_only = true;
    int gap = 0;
    while (j < t.size()) {
        const char32_t c = t[j];
        if (const int v = digit_value(c); v >= 0) {
            s.gaps.push_back(gap == 0 ? Gap::None : blank_only ? Gap::Blank : Gap::Other);
            s.digits.push_back(static_cast<char>('0' + v));
            s.ends.push_back(++j);
            gap = 0;
            blank_only = true;
        } else if (c == U'(' && !open && gap < 3) {
            open = true;
            blank_only = false;
            ++gap;
            ++j;
        } else if (c == U')' && open && !s.digits.empty()) {
            open = false;
            if (gap == 0) s.ends.back() = j + 1;
            blank_only = false;
            ++gap;
            ++j;
        } else if (is_separator(c) && gap < 3 && !s.digits.empty()) {
            if (!is_blank(c)) blank_only = false;
            ++gap;
            ++j;
        } else {
            break;
        }
    }
    return s;
}

// Whether a number may start at t[i]: not inside a word or a longer number.
bool starts_here(std::u32string_view t, std::size_t i) {
    const char32_t c = t[i];
    if (!is_digit(c) && c != U'+' && c != U'(') return false;
    if (i == 0) return true;
    const char32_t before = t[i - 1];
    if (is_digit(before) || is_ascii_letter(before) || before == U'+' || before == U')') return false;
    // "2-505-555-0199", "(12) 505 555 0199": the digits of a longer number.
    std::size_t k = i;
    for (int n = 0; n < 2 && k > 0 && (is_separator(t[k - 1]) || t[k - 1] == U'('); ++n) --k;
    return k == i || k == 0 || !(is_digit(t[k - 1]) || t[k - 1] == U')');
}

// Whether a number may end before t[e]: not followed by more of a number or a word.
bool ends_here(std::u32string_view t, std::size_t e) {
    if (e >= t.size()) return true;
    if (is_digit(t[e]) || is_ascii_letter(t[e])) return false;
    // "505-555-0199-7": a longer number. (A blank and digits after it are other words.)
    return !(is_connector(t[e]) && e + 1 < t.size() && is_digit(t[e + 1]));
}

std::u32string decoded(std::string_view s) { return utf8::decode(s).text; }

}  // namespace

PhoneFinder::PhoneFinder(std::string_view phone) {
    std::size_t a = 0, b = phone.size();
    while (a < b && (phone[a] == ' ' || phone[a] == '\t')) ++a;
    while (b > a && (phone[b - 1] == ' ' || phone[b - 1] == '\t')) --b;
    if (a == b || utf8::find_invalid(phone)) return;
    written_ = decoded(phone.substr(a, b - a));
    const PhoneUri uri = phone_uri(phone);
    if (!uri.uri) return;
    std::string_view u = *uri.uri;
    u.remove_prefix(4);  // "tel:"
    if (const std::size_t e = u.find(";ext="); e != std::string_view::npos) {
        ext_ = std::string(u.substr(e + 5));
        u = u.substr(0, e);
    }
    const bool global = u.starts_with("+");
    if (global) u.remove_prefix(1);
    const std::size_t dash = u.find('-');
    if (global && dash != std::string_view::npos) {
        country_ = std::string(u.substr(0, dash));
        u.remove_prefix(dash + 1);
    }
    for (char c : u)
        if (c != '-') national_.push_back(c);
    trunk_ = global && phone.find("(0)") != std::string_view::npos;
}

std::size_t PhoneFinder::extension_at(std::u32string_view t, std::size_t e) const {
    if (ext_.empty()) return e;
    std::size_t j = e;
    for (int n = 0; n < 2 && j < t.size() && (is_blank(t[j]) || t[j] == U','); ++n) ++j;
    const auto word = [&](std::u32string_view m) {
        if (t.size() - j < m.size()) return false;
        for (std::size_t k = 0; k < m.size(); ++k)
            if (lower(t[j + k]) != m[k]) return false;
        return j + m.size() == t.size() || !is_ascii_letter(t[j + m.size()]);
    };
    if (word(U"extension"))
        j += 9;
    else if (word(U"ext"))
        j += 3;
    else if (j < t.size() && (lower(t[j]) == U'x' || t[j] == U'#') && j + 1 < t.size() &&
             (is_digit(t[j + 1]) || is_blank(t[j + 1])))
        j += 1;
    else
        return e;
    for (int n = 0; n < 3 && j < t.size() && (t[j] == U'.' || t[j] == U':' || t[j] == U'=' || is_blank(t[j])); ++n) ++j;
    std::string digits;
    while (j < t.size() && is_digit(t[j])) digits.push_back(static_cast<char>('0' + digit_value(t[j++])));
    return digits == ext_ ? j : e;
}

std::size_t PhoneFinder::match_at(std::u32string_view t, std::size_t i) const {
    std::size_t best = 0;
    if (!written_.empty() && t.substr(i).starts_with(written_)) best = i + written_.size();
    if (national_.empty()) return best;
    const Scanned s = scan(t, i);
    // The digit sequences that dial the clinic, written with a '+' or without.
    std::vector<std::string> forms;
    if (!s.plus) forms.push_back(national_);
    if (!s.plus && trunk_) forms.push_back("0" + national_);
    if (!country_.empty()) forms.push_back(country_ + national_);
    if (!country_.empty() && s.plus && trunk_) forms.push_back(country_ + "0" + national_);
    for (std::size_t f = 0; f < forms.size(); ++f) {
        const std::string& d = forms[f];
        const std::size_t k = d.size();
        if (s.digits.size() < k || s.digits.compare(0, k, d) != 0) continue;
        if (k < s.digits.size() && s.gaps[k] != Gap::Blank) continue;  // a longer number
        best = std::max(best, s.ends[k - 1]);
    }
    return best;
}

std::vector<PhoneSpan> PhoneFinder::find(std::u32string_view t) const {
    std::vector<PhoneSpan> out;
    if (empty()) return out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!starts_here(t, i)) continue;
        const std::size_t e = match_at(t, i);
        if (e == 0) continue;
        std::size_t end = extension_at(t, e);
        if (!ends_here(t, end)) end = e;
        if (!ends_here(t, end)) continue;
        out.push_back({i, end});
        i = end - 1;
    }
    return out;
}

std::vector<PhoneSpan> PhoneFinder::find_utf8(std::string_view text) const {
    if (utf8::find_invalid(text)) return {};
    const auto d = utf8::decode(text);
    auto spans = find(d.text);
    const auto byte = [&](std::size_t k) { return k < d.byte_offsets.size() ? d.byte_offsets[k] : text.size(); };
    for (auto& s : spans) s = {byte(s.begin), byte(s.end)};
    return spans;
}

bool PhoneFinder::is_whole(std::u32string_view t) const {
    while (!t.empty() && (is_blank(t.front()) || t.front() == U'\n')) t.remove_prefix(1);
    while (!t.empty() && (is_blank(t.back()) || t.back() == U'\n')) t.remove_suffix(1);
    const auto spans = find(t);
    return spans.size() == 1 && spans[0].begin == 0 && spans[0].end == t.size();
}

}  // namespace leafpress
