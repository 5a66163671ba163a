// Colour contrast by WCAG 2.1's formula.
#pragma once
#include "core/geometry.hpp"

namespace leafpress {

double relative_luminance(Color c);
// (lighter + 0.05) / (darker + 0.05): 1 to 21.
double contrast_ratio(Color a, Color b);

}  // namespace leafpress
