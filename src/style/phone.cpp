#include "style/phone.hpp"

#include <vector>

namespace leafpress {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The keypad digit of a letter (ITU E.161).
char keypad(char c) {
    static constexpr std::string_view keys[] = {"abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"};
    const char l = lower(c);
    for (int k = 0; k < 8; ++k)
        if (keys[k].find(l) != std::string_view::npos) return static_cast<char>('2' + k);
    return 0;
}

// Separators as written: ASCII, and the no-break and thin spaces and hyphens of typeset text.
// Returns the number of bytes of a separator at s[i], or 0.
std::size_t separator(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '\t') return 1;
    static constexpr std::string_view wide[] = {"\u00A0", "\u2009", "\u202F", "\u2010", "\u2011", "\u2012", "\u2013"};
    for (auto w : wide)
        if (s.substr(i).starts_with(w)) return w.size();
    return 0;
}

PhoneUri fail(std::string problem, std::string hint) { return {std::nullopt, std::move(problem), std::move(hint)}; }

// Where the extension starts ("ext. 12", "x12", "#12") and its digits; npos when none.
std::size_t find_extension(std::string_view s, std::string& digits) {
    for (std::size_t i = 1; i < s.size(); ++i) {
        std::size_t marker = 0;
        const auto starts = [&](std::string_view m) {
            if (s.size() - i < m.size()) return false;
            for (std::size_t k = 0; k < m.size(); ++k)
                if (lower(s[i + k]) != m[k]) return false;
            return true;
        };
        if (starts("extension"))
            marker = 9;
        else if (starts("ext"))
            marker = 3;
        else if (s[i] == 'x' || s[i] == 'X' || s[i] == '#' || s[i] == ',' || s[i] == ';')
            marker = 1;
        if (marker == 0) continue;
        // The marker stands after the number: after a digit, a space or a closing parenthesis.
        const char before = s[i - 1];
        if (!is_digit(before) && before != ' ' && before != ')') continue;
        std::size_t j = i + marker;
        while (j < s.size() && (s[j] == '.' || s[j] == ' ' || s[j] == ':' || s[j] == '=')) ++j;
        std::string d;
        while (j < s.size() && is_digit(s[j])) d.push_back(s[j++]);
        if (d.empty() || j != s.size()) continue;
        digits = std::move(d);
        return i;
    }
    return std::string_view::npos;
}

}  // namespace

PhoneUri phone_uri(std::string_view raw) {
    std::size_t a = 0, b = raw.size();
    while (a < b && (raw[a] == ' ' || raw[a] == '\t')) ++a;
    while (b > a && (raw[b - 1] == ' ' || raw[b - 1] == '\t')) --b;
    std::string_view s = raw.substr(a, b - a);
    if (s.empty()) return fail("the phone number is empty", "write it as the clinic's patients dial it");

    std::string ext;
    if (const std::size_t e = find_extension(s, ext); e != std::string_view::npos) {
        s = s.substr(0, e);
        while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
    }

    bool global = false;
    std::size_t i = 0;
    if (s.starts_with("+")) {
        global = true;
        i = 1;
    } else if (!is_digit(s[0]) && s[0] != '(') {
        std::size_t len = 1;
        while (len < s.size() && (static_cast<unsigned char>(s[len]) & 0xC0) == 0x80) ++len;
        return fail("the phone number must start with a digit, '+' or '(', not '" + std::string(s.substr(0, len)) + "'",
                    "write only the number, such as \"(858) 258-5090\" or \"+44 20 7946 0958\"");
    }

    std::vector<std::string> groups;
    std::string group;
    int depth = 0;
    std::size_t digits = 0;
    const auto close_group = [&] {
        if (!group.empty()) groups.push_back(std::move(group));
        group.clear();
    };
    while (i < s.size()) {
        const char c = s[i];
        if (is_digit(c)) {
            group.push_back(c);
            ++digits;
            ++i;
        } else if (is_letter(c)) {
            if (digits < 3)
                return fail("the phone number has letters before its digits",
                            "a vanity number starts with digits, such as 1-800-FLOWERS");
            group.push_back(keypad(c));
            ++digits;
            ++i;
        } else if (c == '(') {
            if (depth > 0) return fail("the phone number has nested parentheses", "");
            ++depth;
            close_group();
            // "+44 (0) 20 ...": the trunk prefix is not dialled after a country code.
            if (global && s.substr(i).starts_with("(0)")) {
                i += 3;
                depth = 0;
                continue;
            }
            ++i;
        } else if (c == ')') {
            if (depth == 0) return fail("the phone number has a ')' without its '('", "");
            --depth;
            close_group();
            ++i;
        } else if (const std::size_t n = separator(s, i)) {
            close_group();
            i += n;
        } else {
            std::size_t len = 1;
            while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
            return fail(
                "the phone number has the character '" + std::string(s.substr(i, len)) + "', which cannot be dialled",
                "use digits, spaces, '-', '.', '(', ')', a leading '+' and an extension such as \"ext. 12\"");
        }
    }
    close_group();
    if (depth != 0) return fail("the phone number has a '(' without its ')'", "");
    if (digits < 3) return fail("the phone number has fewer than 3 digits", "write the whole number");
    if (digits > 15)
        return fail("the phone number has " + std::to_string(digits) + " digits; a number has at most 15",
                    "write one number only, without the extension's digits run into it");

    std::string uri = "tel:";
    if (global) uri += '+';
    for (std::size_t g = 0; g < groups.size(); ++g) uri += (g ? "-" : "") + groups[g];
    if (!ext.empty()) uri += ";ext=" + ext;
    return {uri, {}, {}};
}

}  // namespace leafpress
