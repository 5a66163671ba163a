// Shaping: text in one face, size, direction and language → glyphs with advances in points.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/units.hpp"
#include "text/fonts.hpp"

namespace leafpress::text {

enum class Direction { LeftToRight, RightToLeft };

struct ShapedGlyph {
    std::uint32_t gid = 0;
    Pt advance;
    Pt x_offset;
    Pt y_offset;
    std::uint32_t cluster = 0;  // index into the text given to shape()
};

struct ShapeRequest {
    std::u32string_view text;  // the whole paragraph, for context
    std::size_t start = 0;     // the item to shape
    std::size_t length = 0;
    const Face* face = nullptr;
    Pt size{12};
    Direction direction = Direction::LeftToRight;
    std::string_view language = "en";
    hb_script_t script = HB_SCRIPT_INVALID;  // resolved by the itemizer; INVALID: guessed from the text
};

// A face's vertical extent at a size: ascent above the baseline, descent below it (positive).
struct VerticalMetrics {
    Pt ascent, descent;
};
VerticalMetrics vertical_metrics(const Face& face, Pt size);
// The ink of a glyph at a size: its outline's box in points from the glyph's origin, up
// positive (bottom is negative for a descender). `empty` for a glyph with no outline.
struct GlyphInk {
    Pt left, right, bottom, top;
    bool empty = true;
};
GlyphInk glyph_ink(const Face& face, std::uint32_t gid, Pt size);
// The height of capitals above the baseline at a size.
Pt cap_height(const Face& face, Pt size);

// Glyphs in visual order (for right-to-left text, clusters descend). Kerning and standard
// ligatures are on.
std::vector<ShapedGlyph> shape(const ShapeRequest& request);

}  // namespace leafpress::text
