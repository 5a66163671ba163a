// The furniture around the content: the cover block, the running footer and the closing
// call to action with its QR code.
#pragma once
#include <vector>

#include "content/document.hpp"
#include "layout/blocks.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace leafpress {

struct Furnisher {
    const Document& doc;
    const Brand& brand;
    const Layout& layout;
    const text::TextContext& ctx;
    Diagnostics& diags;
    std::vector<FigureInfo>& figures;  // the logo and QR code, with their alternative text
};

struct Cover {
    std::vector<PageItem> items;  // absolute page positions
    Pt bottom;                    // where the content may start below it
};

// The cover in `panel` (the whole page, or one panel of a folded sheet): a band in the
// brand's primary colour from the panel's top edge with the condition, title, subtitle and
// logo, then the summary.
Cover cover(const Furnisher& f, Rect panel);

// The clinic's name, tagline and phone number at the bottom of `area` (a folded leaflet's front).
std::vector<PageItem> signature(const Furnisher& f, Rect area);

enum class PageLabel { Number, None };

// The running footer at the bottom of `panel`: clinic, phone and, with PageLabel::Number,
// "Page N of M".
std::vector<PageItem> footer(const Furnisher& f, Rect panel, PageLabel label, int number, int total);

// The closing call to action (with the disclaimer and review date), one unit never split.
Unit call_to_action(const Furnisher& f, Pt width);

// The brand's language-assistance taglines under a heading in the leaflet's language: a rule
// and the heading (kept with the first tagline), then each tagline in its own language,
// script and direction, one unit each. Empty when the brand has none.
std::vector<Unit> language_help(const Furnisher& f, Pt width);

// A notes page's items in `area`: a heading ("Notes" in the leaflet's language) and ruled
// lines to write on down to the area's foot; page furniture (artifacts), not content.
std::vector<PageItem> notes_page(const Furnisher& f, Rect area);

// The height of units stacked without their space before the first.
Pt stacked_height(const std::vector<Unit>& units);

}  // namespace leafpress
