// Setting a paragraph: styled text → shaped, hyphenated, broken and bidi-ordered lines of
// positioned glyphs. This is the text stage's entry point; the layout stage places the lines.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "content/document.hpp"
#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/typography.hpp"
#include "core/units.hpp"
#include "text/break_lines.hpp"
#include "text/fonts.hpp"
#include "text/hyphenate.hpp"
#include "text/shape.hpp"

namespace leafpress::text {

// What a run of text is, where that changes how it may be set: a phone number is one
// unbreakable unit (never broken across lines, hyphenated or split inside, its spaces fixed).
enum class RunRole { Text, PhoneNumber };

struct StyledRun {
    std::string text;  // UTF-8; '\n' is a hard line break
    FontStyle style = FontStyle::Regular;
    Color color;
    std::string link;
    RunRole role = RunRole::Text;
    std::vector<TextAnchor> anchors{};  // where its characters are in the content file, if known
    std::string language{};  // BCP 47 tag when it is in another language than the leaflet (brand text in English, say)
};

enum class BaseDirection { Auto, LeftToRight, RightToLeft };

struct ParagraphStyle {
    Pt size{12};
    Align align = Align::RaggedRight;
    Hyphenation hyphenation = Hyphenation::On;
    Language language;
    BaseDirection direction = BaseDirection::Auto;
};

// A glyph of the text, or a hyphen that line breaking added (not part of the text for a reader).
enum class GlyphKind { Text, Hyphen };

struct LineGlyph {
    std::uint32_t gid = 0;
    Pt x;                 // from the line's left edge
    Pt y_offset;          // upwards
    Pt advance;           // how far the pen moves after it
    std::u32string text;  // the characters this glyph stands for (empty for the 2nd+ glyph of a cluster)
    GlyphKind kind = GlyphKind::Text;
};

struct LineRun {
    const Face* face = nullptr;
    Pt size;
    Color color;
    std::string link;
    RunRole role = RunRole::Text;
    int source = 0;  // index of the StyledRun it came from
    std::vector<LineGlyph> glyphs;
    Pt left, right;              // extent from the line's left edge
    std::u32string logical{};    // its characters in reading order when any is set right to left; else empty
    std::size_t first_char = 0;  // the paragraph index of its logically first character
    std::string language{};      // its StyledRun's: set when another than the leaflet's
};

// How far a line reaches above and below its baseline (both positive when they reach that
// way): the ascender and descender of every face its runs set letters in, at their sizes, and
// the ink of the glyphs it sets (stacked marks can reach past their face's ascender; a symbol
// face's ink is all it is given room for).
struct LineReach {
    Pt face_above, face_below;
    Pt ink_above, ink_below;
    [[nodiscard]] Pt above() const { return std::max(face_above, ink_above); }
    [[nodiscard]] Pt below() const { return std::max(face_below, ink_below); }
};

struct Line {
    std::vector<LineRun> runs;
    Pt width;  // extent of the ink box from the left edge
    bool hyphenated = false;
    LineReach reach{};
};

// What the line's runs reach, from their faces and glyphs.
LineReach reach_of(const Line& line);

struct SetParagraph {
    std::vector<Line> lines;
    Direction direction = Direction::LeftToRight;
    // A word (or address) wider than the measure had to be broken inside, between its
    // clusters and with no hyphen (reported as text.overlong-word).
    bool split_words = false;
};

struct TextContext {
    const FontChain& fonts;
    const LazyHyphenator* hyphenator = nullptr;  // nullptr: no hyphenation
    SourcePos where;                             // for warnings about this paragraph
};

SetParagraph set_paragraph(const std::vector<StyledRun>& runs, const ParagraphStyle& style, Pt width,
                           const TextContext& context, Diagnostics& diags);

// One line of text, never broken (labels, footers). Direction is resolved from the text.
Line set_line(const std::vector<StyledRun>& runs, const ParagraphStyle& style, const TextContext& context,
              Diagnostics& diags);

}  // namespace leafpress::text
