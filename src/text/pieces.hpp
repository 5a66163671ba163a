// Inside the text stage: a paragraph's shaped pieces and the break_lines items made of them,
// shared by setting a paragraph (paragraph.cpp) and setting each of its lines (set_one_line.cpp).
#pragma once
#include <cstddef>
#include <vector>

#include "text/break_lines.hpp"
#include "text/itemize.hpp"
#include "text/paragraph.hpp"
#include "text/shape.hpp"

namespace leafpress::text {

// A shaped stretch of characters in one run, face and level.
struct Piece {
    std::size_t start = 0, end = 0;
    int run = 0;
    const Face* face = nullptr;
    unsigned char level = 0;
    hb_script_t script = HB_SCRIPT_COMMON;
    std::vector<ShapedGlyph> glyphs;
    [[nodiscard]] bool rtl() const { return level % 2 == 1; }
};

// What a break_lines item stands for.
struct ItemRef {
    int piece = -1;  // boxes: glyphs [glyph_begin, glyph_end) of a piece
    std::size_t glyph_begin = 0, glyph_end = 0;
    std::size_t char_index = 0;  // glue: its first space; penalties: the character before
    const Face* face = nullptr;  // glue: face of the space; flagged penalty: face of the hyphen
    int run = 0;
    unsigned char level = 0;
    bool hyphen = false;  // a penalty that adds a hyphen when broken at
};

struct Built {
    std::vector<Item> items;
    std::vector<ItemRef> refs;
};

enum class LineEnd { Break, Forced };  // Forced: the paragraph's end or a hard line break

// The line made of items [from, to) broken at `to`: justified to `width` when the style says so,
// in visual order, its glyphs grouped into runs, each with its reading-order text. It starts
// at its left edge whatever the paragraph's direction (see align_to_end).
Line set_one_line(const Built& b, const std::vector<Piece>& pieces, const Itemized& it,
                  const std::vector<StyledRun>& runs, const ParagraphStyle& style, std::size_t from, std::size_t to,
                  Pt width, LineEnd end);

}  // namespace leafpress::text
