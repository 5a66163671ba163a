// The pages kind: content in columns on page after page, under a cover band on the first;
// a footer with the clinic's phone number and "Page N of M" on every page.
#pragma once
#include "layout/kinds/kind.hpp"

namespace leafpress {

// How the pages end. Flowing: the call to action follows the content (a4, letter). On a back
// cover (a booklet): the call to action has the last page to itself, and the page count is
// padded to a multiple of `multiple` with notes pages (a heading and ruled lines to write on)
// between the content and the back cover, so that no page is left blank.
struct PagesEnding {
    bool back_cover = false;
    int multiple = 1;
};

class PagesKind : public LayoutKind {
public:
    explicit PagesKind(PagesEnding ending = {}) : ending_(ending) {}
    [[nodiscard]] LaidOut lay_out(const Document& doc, const Brand& brand, const Layout& layout,
                                  const text::TextContext& ctx, Diagnostics& diags) const override;
    void stream(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                Diagnostics& diags, PageSink& sink) const override;

private:
    PagesEnding ending_;
};

}  // namespace leafpress
