#pragma once
#include "core/units.hpp"

namespace leafpress {

struct Point {
    Pt x, y;
};

struct Size {
    Pt width, height;
};

// A rectangle in page coordinates, origin at the top-left corner, y growing downwards.
// The PDF writer flips y; nothing else does.
struct Rect {
    Pt x, y, width, height;
    [[nodiscard]] Pt right() const { return x + width; }
    [[nodiscard]] Pt bottom() const { return y + height; }
};

// An sRGB colour.
struct Color {
    double r = 0, g = 0, b = 0;
    friend bool operator==(const Color&, const Color&) = default;
};

}  // namespace leafpress
