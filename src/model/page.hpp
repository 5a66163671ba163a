// The semantic page model between layout and the writers: pages of positioned items, each
// saying what it is (its role, the content element it came from, whether it is the phone
// number or a figure) and the laid-out document's decisions. Checks and writers read these
// facts; none guesses them back from glyphs. Coordinates are points from the page's top-left.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "content/document.hpp"
#include "core/geometry.hpp"
#include "core/image.hpp"
#include "core/units.hpp"
#include "text/fonts.hpp"
#include "text/paragraph.hpp"

namespace leafpress {

// What an item is part of. Footer and Decoration are page furniture (artifacts to a reader);
// the rest is content. For LanguageHelp, `block` is -1 for the heading and the tagline's index
// (into LaidOut::tagline_languages) for a tagline. For CallToAction and Signature, `block` numbers the parts in reading
// order (see CallToActionPart); a CallToAction item without a part is its background.
enum class Role {
    Title,
    Subtitle,
    Condition,
    Summary,
    Heading,
    Subheading,
    Paragraph,
    ListItem,
    ListMarker,
    Figure,
    Caption,
    TableHeader,
    TableCell,
    Callout,
    Quote,
    Header,
    Footer,
    CallToAction,
    Disclaimer,
    Reviewed,
    Signature,
    Decoration,
    LanguageHelp  // the brand's language-assistance taglines: `block` -1 their heading, k the k-th tagline
};

enum class CallToActionPart { Heading, Phone, Invitation, Contact, Code };

// What a piece of text is inside its element, where that matters to checks and readers.
enum class Meaning { Text, PhoneNumber, QrCode };

// A list item's place: the item itself (with its label), or a further paragraph of it.
enum class ListEntry { Item, Continuation };

// Where an item came from in the Document: section and block indices (-1 when none).
struct ElementRef {
    Role role = Role::Decoration;
    int section = -1;
    int block = -1;
    Meaning meaning = Meaning::Text;  // the clinic's phone number, wherever it is printed
    int depth = 0;                    // list nesting, for list items and labels
    ListEntry entry = ListEntry::Item;
    int figure = -1;            // index into LaidOut::figures: a logo or QR code
    int row = -1, column = -1;  // a table cell's place
};

// A glyph on the page: 24 bytes, as a long document holds millions. Positions within a run are
// kept as floats (a run is at most a page wide: a float is exact there to 1/10,000 pt) and read
// back as points.
struct PlacedGlyph {
    std::uint32_t gid = 0;
    // The characters it stands for (for ToUnicode): its run's text[text_begin, +text_length).
    std::uint32_t text_begin = 0;
    float x_ = 0, y_offset_ = 0, advance_ = 0;
    std::uint16_t text_length = 0;
    text::GlyphKind kind = text::GlyphKind::Text;  // Hyphen: added at a line break, not part of the text for a reader

    [[nodiscard]] Pt x() const { return Pt(x_); }                // from the run's origin
    [[nodiscard]] Pt y_offset() const { return Pt(y_offset_); }  // upwards
    [[nodiscard]] Pt advance() const { return Pt(advance_); }  // how far the pen moves after it: its share of the line
};

struct GlyphRun {
    const text::Face* face = nullptr;
    Pt size;
    Color color;
    Point origin;  // baseline start
    std::vector<PlacedGlyph> glyphs;
    ElementRef source;
    std::string link{};        // the run is (part of) a link to this address
    std::u32string logical{};  // its characters in reading order, when drawn right to left; else empty
    std::u32string text{};     // the characters of its glyphs, one glyph's after another
    std::string language{};    // BCP 47, when its text is in another language than the leaflet's; else empty
    // The characters a glyph stands for.
    [[nodiscard]] std::u32string_view text_of(const PlacedGlyph& g) const {
        return std::u32string_view(text).substr(g.text_begin, g.text_length);
    }
    // Appends a glyph that stands for `chars`.
    void add(std::uint32_t gid, Pt x, Pt y_offset, Pt advance, std::u32string_view chars,
             text::GlyphKind kind = text::GlyphKind::Text) {
        const std::size_t n = std::min<std::size_t>(chars.size(), 0xFFFF);
        glyphs.push_back({gid, static_cast<std::uint32_t>(text.size()), static_cast<float>(x.value()),
                          static_cast<float>(y_offset.value()), static_cast<float>(advance.value()),
                          static_cast<std::uint16_t>(n), kind});
        text += chars.substr(0, n);
    }
    // From the origin: where the run's advances start and end.
    [[nodiscard]] Pt left() const { return glyphs.empty() ? Pt(0) : glyphs.front().x(); }
    [[nodiscard]] Pt right() const { return glyphs.empty() ? Pt(0) : glyphs.back().x() + glyphs.back().advance(); }
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

// A grid of square cells, some of them filled, drawn as one shape: a QR code's dark modules.
// `rect` is the grid's area (cells edge to edge); `filled` has a flag per cell, row by row from
// the top.
struct CellGrid {
    Rect rect;
    int columns = 0, rows = 0;
    std::vector<std::uint8_t> filled;
    Color color;
    ElementRef source;
    [[nodiscard]] bool at(int column, int row) const {
        return filled[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) +
                      static_cast<std::size_t>(column)] != 0;
    }
    [[nodiscard]] Size cell() const {
        return {rect.width / static_cast<double>(columns), rect.height / static_cast<double>(rows)};
    }
};

// The filled cells of a grid as rectangles, in cells: each row's runs of filled cells, a run
// taking in the same run on the rows below it. In reading order of their top-left corners.
struct CellRect {
    int column = 0, row = 0, width = 0, height = 0;
    bool operator==(const CellRect&) const = default;
};
std::vector<CellRect> cell_rectangles(const CellGrid& grid);

using PageItem = std::variant<GlyphRun, Rule, Box, Image, Link, CellGrid>;

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

// A figure's alternative text, as a reader hears it.
struct FigureInfo {
    std::string alt;
};

// What layout decided, for checks and writers to read rather than work out again.
struct Decisions {
    Pt body;      // the body size set (a trifold's copy-fit may choose less than the layout's)
    Pt smallest;  // the smallest type anywhere
    // The content blocks (section, block) layout refused, each with an error of its own.
    std::vector<std::pair<int, int>> refused;
};

// How the reading pages go onto the printed sheets: a saddle-stitched booklet puts two on
// each side of a sheet. Each side lists its slots: a reading page (-1: a blank one) and where
// its top-left corner sits on the side, in points from the side's top-left.
struct Imposition {
    struct Slot {
        int page = -1;
        Point at;
    };
    Size sheet;
    std::vector<std::vector<Slot>> sides;
};

// How a sheet printed on both sides is turned over.
enum class Duplex { Unspecified, FlipShortEdge, FlipLongEdge };

// What the print shop needs to know of the sheet (the printed side, after any imposition).
struct SheetFacts {
    std::vector<Pt> folds;  // vertical folds, from the sheet's left edge (trifold panels, a booklet's spine)
    Duplex duplex = Duplex::Unspecified;
};

struct LaidOut {
    std::vector<Page> pages;               // reading pages, in reading order
    std::optional<Imposition> imposition;  // none: each reading page is printed as it is
    SheetFacts sheet;
    std::vector<OutlineEntry> outline;
    std::vector<FigureInfo> figures;
    std::vector<SectionKind> section_kinds;      // of the Document's sections, by index
    std::vector<std::string> tagline_languages;  // the language tag of each tagline printed (LanguageHelp items)
    DocumentInfo info;
    Decisions decisions;
};

// A text dump of pages, one line per item, for golden tests and debugging.
std::string dump(const LaidOut& doc);

}  // namespace leafpress
