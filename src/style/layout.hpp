// A layout: the page, its frames and the type scale, read from layouts/*.toml.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/typography.hpp"
#include "core/units.hpp"

namespace leafpress {

struct Margins {
    Pt top, bottom, left, right;
};

struct TypeScale {
    Pt body{12};
    double leading = 1.45;  // line height ÷ font size
    Pt title{28};
    Pt subtitle{16};
    Pt heading{17};
    Pt small{9};            // running footer, disclaimer
    Pt paragraph_space{7};  // between paragraphs
};

// The proportions of a section's parts, each a multiple of a size of the type scale: the
// layout's [sections] table (the defaults are what every shipped layout uses).
struct SectionRatios {
    double heading_space = 1.1;       // above a section heading, × heading size
    double heading_line = 1.25;       // a section heading's line height, × heading size
    double heading_gap = 0.3;         // added under a section heading's last line, × body
    double callout_inset = 1.0;       // a callout's text in from each side of its box, × body
    double callout_padding = 0.8;     // inside a callout's box, above and below its text, × body
    double quote_inset = 1.2;         // a quote's text in from each side, × body
    double subheading_line = 1.3;     // a subheading's line height, × its size
    double subheading_space = 0.5;    // added to paragraph_space above a subheading, × body
    double list_indent = 1.4;         // a list level's indent, × body
    double marker_gap = 0.5;          // between a list marker and its item's text, × body
    double item_space = 0.5;          // above a list item, × paragraph_space
    double continuation_space = 0.6;  // above an item's further paragraph, × paragraph_space
    double block_space = 1.5;         // above a figure or a table, × paragraph_space
    double figure_height = 0.7;       // a figure's greatest height, × the body area's height
    double figure_gap = 0.4;          // under a figure's picture, × body
    double caption_size = 0.9;        // a caption's size, × body (never under min_text)
};

// How the sheet is used: pages that follow one another; one sheet folded in three (two
// sides, three panels each: cover, back and flap outside; three panels inside); or a
// saddle-stitched booklet (pages two to a side of a sheet twice their width, folded in half).
enum class Fold { None, Trifold, Booklet };
enum class TableStyle { Ruled, Zebra };  // a rule under every row, or every other row tinted
enum class Orientation { Portrait, Landscape };

struct Layout {
    std::string name;          // "a4": the file's stem, used in output names
    std::string display_name;  // "A4 portrait"
    std::string source_file;
    std::string description;
    Size page{Pt(595.2756), Pt(841.8898)};
    Margins margins{Pt(51), Pt(62), Pt(57), Pt(57)};
    int columns = 1;
    Pt gutter{22};
    Fold fold = Fold::None;
    Pt min_body{0};  // a fixed-panel layout may shrink the body text down to this size to fit; 0: never
    Pt min_text{0};  // no text anywhere under this size (footer and small print included); 0: no floor
    std::string family = "Noto Sans";
    std::vector<std::string> fallback;
    std::vector<SourcePos> font_pos;  // where family and then each fallback are named (file when default)
    TypeScale type;
    SectionRatios sections;
    SourcePos body_pos;  // where the body size is set (the file when it is the default)
    SourcePos min_text_pos;
    Align align = Align::RaggedRight;
    TableStyle table_style = TableStyle::Ruled;
    Hyphenation hyphenation = Hyphenation::On;

    // For a trifold, the width of one panel; margins apply inside each panel.
    [[nodiscard]] Pt panel_width() const { return fold == Fold::Trifold ? page.width / 3.0 : page.width; }

    [[nodiscard]] Rect body_area() const {
        if (fold == Fold::Trifold)
            return {margins.left, margins.top, panel_width() - margins.left - margins.right,
                    page.height - margins.top - margins.bottom};
        return {margins.left, margins.top, page.width - margins.left - margins.right,
                page.height - margins.top - margins.bottom};
    }
};

// A layout argument is a name from the layouts folder ("a4") or a path to a .toml file.
std::string resolve_layout_path(const std::string& name_or_path, const std::string& layouts_dir);

std::optional<Layout> load_layout(const std::string& path, Diagnostics& diags);
// The same from text in memory (`path` names it).
std::optional<Layout> load_layout_text(const std::string& text, const std::string& path, Diagnostics& diags);

}  // namespace leafpress
