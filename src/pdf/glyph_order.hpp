// Putting a TrueType subset's glyphs in the order of the character ids that use them, so that
// glyph id = character id: the CIDFont then needs no CIDToGIDMap stream (/CIDToGIDMap
// /Identity), a few hundred bytes a font.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::pdf {

inline constexpr std::int32_t kNoGlyph = -1;

// `font` (a TrueType subset: head, hhea, maxp, hmtx, loca and glyf, and perhaps the hinting
// tables cvt, fpgm and prep) with glyph i being `order[i]`'s glyph of `font` (kNoGlyph: an
// empty glyph, no advance). Glyphs that composite glyphs are made of keep their outlines: any
// not in `order` go after its end. nullopt when the font holds other tables (whose data may be
// by glyph id) or is malformed: the caller keeps its map then.
std::optional<std::string> reorder_glyphs(std::string_view font, const std::vector<std::int32_t>& order);

}  // namespace leafpress::pdf
