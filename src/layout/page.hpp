// The page model between layout and PDF: pages of positioned items, each remembering the
// content element it came from. Coordinates are points from the page's top-left corner.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/geometry.hpp"
#include "core/image.hpp"
#include "core/units.hpp"
#include "text/fonts.hpp"

namespace leafpress {

enum class Role {
    Title, Subtitle, Condition, Summary, Heading, Paragraph, ListItem, ListMarker,
    Callout, Quote, Header, Footer, CallToAction, Disclaimer, Reviewed, Decoration
};

// What a piece of text is inside its element, where that matters to checks and readers.
enum class Meaning { Text, PhoneNumber };

// Where an item came from in the Document: section and block indices (-1 when none).
struct ElementRef {
    Role role = Role::Decoration;
    int section = -1;
    int block = -1;
    Meaning meaning = Meaning::Text;  // the clinic's phone number, wherever it is printed
};

struct PlacedGlyph {
    std::uint32_t gid = 0;
    Pt x;                 // from the run's origin
    Pt y_offset;          // upwards
    Pt advance;           // how far the pen moves after it: its share of the line
    std::u32string text;  // characters it stands for (for ToUnicode)
};

struct GlyphRun {
    const text::Face* face = nullptr;
    Pt size;
    Color color;
    Point origin;  // baseline start
    std::vector<PlacedGlyph> glyphs;
    ElementRef source;
    // From the origin: where the run's advances start and end.
    [[nodiscard]] Pt left() const { return glyphs.empty() ? Pt(0) : glyphs.front().x; }
    [[nodiscard]] Pt right() const { return glyphs.empty() ? Pt(0) : glyphs.back().x + glyphs.back().advance; }
};

struct Rule {
    Point from, to;
    Pt thickness{0.5};
    Color color;
    ElementRef source;
};

struct Box {
    Rect rect;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    Pt stroke_width{0.75};
    ElementRef source;
};

struct Image {
    Rect rect;
    std::shared_ptr<const Raster> raster;  // decoded pixels: writers never read image files
    std::string path;                      // where it came from, for messages and dumps
    ElementRef source;
};

struct Link {
    Rect rect;
    std::string uri;
    ElementRef source;
};

using PageItem = std::variant<GlyphRun, Rule, Box, Image, Link>;

struct Page {
    Size size;
    std::vector<PageItem> items;
};

struct OutlineEntry {
    std::string title;
    int page = 0;  // 0-based
    Pt y;          // from the top
};

struct DocumentInfo {
    std::string title, author, subject, keywords, language, creator;
    std::string date;  // "YYYY-MM-DD", may be empty
};

struct LaidOut {
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    DocumentInfo info;
};

// A text dump of pages, one line per item, for golden tests and debugging.
std::string dump(const LaidOut& doc);

}  // namespace leafpress
