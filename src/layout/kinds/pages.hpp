// The pages kind: content in columns on page after page, under a cover band on the first;
// a footer with the clinic's phone number and "Page N of M" on every page.
#pragma once
#include "layout/kinds/kind.hpp"

namespace leafpress {

class PagesKind : public LayoutKind {
public:
    [[nodiscard]] LaidOut lay_out(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                                  Diagnostics& diags) const override;
    void stream(const Document& doc, const Brand& brand, const Layout& layout, const text::TextContext& ctx,
                Diagnostics& diags, PageSink& sink) const override;
};

}  // namespace leafpress
