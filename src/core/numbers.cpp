#include "core/numbers.hpp"

#include <charconv>
#include <cmath>

namespace leafpress {

void append_fixed(std::string& out, double v, int decimals) {
    static constexpr double kPowers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    const double scaled = decimals >= 0 && decimals <= 8 ? v * kPowers[decimals] : HUGE_VAL;
    if (!(std::abs(scaled) < 9e15)) {  // out of an integer's reach (or not a number): as a double
        const double p = std::pow(10.0, decimals);
        double r = std::round(v * p) / p;
        if (r == 0) r = 0;
        char buf[400];
        const auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed, decimals);
        std::string s(buf, res.ptr);
        if (s.find('.') != std::string::npos) {
            while (s.back() == '0') s.pop_back();
            if (s.back() == '.') s.pop_back();
        }
        out += s;
        return;
    }
    const long long k = std::llround(scaled);
    if (k == 0) {
        out += '0';
        return;
    }
    char digits[24];
    const unsigned long long u = k < 0 ? 0ULL - static_cast<unsigned long long>(k) : static_cast<unsigned long long>(k);
    const int n = static_cast<int>(std::to_chars(digits, digits + sizeof digits, u).ptr - digits);
    if (k < 0) out += '-';
    const int whole = n - decimals;  // digits before the point
    if (whole > 0)
        out.append(digits, static_cast<std::size_t>(whole));
    else
        out += '0';
    // The decimals: zeros that pad a small number, then its digits, without trailing zeros.
    int last = n;
    while (last > std::max(whole, 0) && digits[last - 1] == '0') --last;
    if (last <= std::max(whole, 0)) return;
    out += '.';
    for (int z = whole; z < 0; ++z) out += '0';
    out.append(digits + std::max(whole, 0), static_cast<std::size_t>(last - std::max(whole, 0)));
}

}  // namespace leafpress
