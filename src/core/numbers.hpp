// Numbers written for PDF content streams and SVG: at most so many decimals (rounded half away
// from zero), no trailing zeros and no "-0"; locale-independent. Written as a scaled integer,
// several times faster than formatting a double, which a leaflet does tens of thousands of times.
#pragma once
#include <string>

namespace leafpress {

void append_fixed(std::string& out, double v, int decimals);

inline std::string fixed_number(double v, int decimals) {
    std::string s;
    append_fixed(s, v, decimals);
    return s;
}

}  // namespace leafpress
