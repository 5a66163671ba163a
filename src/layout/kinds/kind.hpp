// Layout kinds: how a leaflet goes onto paper. Each kind lays the content and the furniture out
// on reading pages (its frames, its cover, footers and back matter) and says what the printed
// sheet needs (folds, duplex, imposition). `pages` (a4, letter, a5, large print), `trifold` and
// `booklet` are the kinds; a new one is a new file here and a line in kind_of().
#pragma once
#include <vector>

#include "content/document.hpp"
#include "core/diagnostics.hpp"
#include "layout/place.hpp"
#include "model/page.hpp"
#include "model/page_sink.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"
#include "text/paragraph.hpp"

namespace leafpress {

class LayoutKind {
public:
    virtual ~LayoutKind() = default;
    // The document on reading pages, with the sheet's facts and any imposition.
    [[nodiscard]] virtual LaidOut lay_out(const Document& doc, const Brand& brand, const Layout& layout,
                                          const text::TextContext& ctx, Diagnostics& diags) const = 0;
    // The same, each page given to `sink` as it is finished. A kind that needs all its pages
    // before any is finished (a trifold's fixed panels, a booklet's imposition) lays them out
    // whole and then gives them, as this does unless a kind does better.
    virtual void stream(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                        Diagnostics& diags, PageSink& sink) const;
};

// The kind a layout file names (its `fold`).
const LayoutKind& kind_of(const Layout& layout);

// What every kind sets: the content's sections as units, typeset for frames `frame_width` wide.
std::vector<Unit> content_units(const Document& doc, const Brand& brand, const Layout& layout,
                                const text::TextContext& ctx, Pt frame_width, Diagnostics& diags);

// One error for each unit the placer refused (a line taller than any frame), at what to change.
void report_refused(const std::vector<Placement::Refused>& refused, const Document& doc, const Layout& layout,
                    Diagnostics& diags);

// Material placed whole outside the frames (a back cover's call to action): when taller than
// `room`, reported as refused and true (it is then not placed).
bool refused_whole(const Unit& unit, Pt room, const Document& doc, const Layout& layout, Diagnostics& diags);

}  // namespace leafpress
