// The sections of a document as units to place, and their decorations once placed.
#pragma once
#include <vector>

#include "content/document.hpp"
#include "layout/blocks.hpp"
#include "layout/place.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace leafpress {

// The figures of the content (pictures in section bodies) in document order, with their
// alternative text: the first entries of LaidOut::figures, before the logo and QR code.
std::vector<FigureInfo> content_figures(const Document& doc);

// Spans as runs to set, in `color` (links in `link_color`), over a base style. On paper a link
// cannot be clicked: after a link's text its address follows in brackets (shortened: no scheme,
// no trailing slash), unless the text is the address.
std::vector<text::StyledRun> styled_runs(const std::vector<Span>& spans, Color color, Color link_color,
                                         FontStyle base = FontStyle::Regular);

// A link's address as printed after its text: without the scheme and a trailing slash.
std::string printed_address(std::string_view uri);

// Section `si` typeset for frames `frame_width` wide, with the layout's type scale.
std::vector<Unit> section_units(const Document& doc, int si, const Brand& brand, const Layout& layout,
                                const text::TextContext& ctx, Pt frame_width, Diagnostics& diags);

// Tinted boxes behind callouts and a rule beside quotes, one per frame a section touches.
void decorate_sections(std::vector<Page>& pages, const std::vector<Extent>& extents, const Document& doc,
                       const Brand& brand);

}  // namespace leafpress
