// Flowing a document into pages: the cover, sections, lists and the closing call to
// action, with keep-with-next for headings and no widows or orphans.
#pragma once
#include "content/document.hpp"
#include "core/diagnostics.hpp"
#include "model/page.hpp"
#include "model/page_sink.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"
#include "text/fonts.hpp"
#include "text/hyphenate.hpp"

namespace leafpress {

struct TextResources {
    const text::FontChain& fonts;
    const text::LazyHyphenator* hyphenator = nullptr;
};

// Lays the document out, giving each page to `sink` as it is finished (see model/page_sink.hpp).
void flow(const Document& doc, const Brand& brand, const Layout& layout, const TextResources& text, Diagnostics& diags,
          PageSink& sink);

// The same, every page collected.
LaidOut flow(const Document& doc, const Brand& brand, const Layout& layout, const TextResources& text,
             Diagnostics& diags);

}  // namespace leafpress
