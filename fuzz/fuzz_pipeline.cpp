// libFuzzer target: the whole pipeline from a content file's bytes to PDF bytes, with the
// repository's fonts, the a4 and trifold layouts and a fixed brand.
#include <cstdint>
#include <memory>
#include <string>

#include "check/check.hpp"
#include "content/load_content.hpp"
#include "layout/flow.hpp"
#include "output/writer.hpp"
#include "pdf/write_pdf.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace {
struct World {
    leafpress::Diagnostics setup;
    leafpress::text::FontLibrary fonts = leafpress::text::FontLibrary::scan(LEAFPRESS_SOURCE_DIR "/fonts", setup);
    std::optional<leafpress::Layout> a4 = leafpress::load_layout(LEAFPRESS_SOURCE_DIR "/layouts/a4.toml", setup);
    std::optional<leafpress::Layout> trifold =
        leafpress::load_layout(LEAFPRESS_SOURCE_DIR "/layouts/trifold.toml", setup);
    std::optional<leafpress::Brand> brand =
        leafpress::load_brand_text("name = \"Fuzz Clinic\"\nphone = \"+44 20 7946 0958 ext. 12\"\ndisclaimer = \"D\"\n",
                                   "/fuzz/brand.toml", setup);
    std::optional<leafpress::text::FontChain> chain =
        leafpress::text::resolve_fonts(a4->family, a4->fallback, fonts, a4->font_pos, setup);
    leafpress::text::LazyHyphenator hyphenator{"en", "/usr/share/hyphen"};
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static World world;
    if (size > 4096) return 0;  // keep each run short: length is the loaders' business
    const std::string text(reinterpret_cast<const char*>(data), size);
    leafpress::Diagnostics d;
    auto doc = leafpress::load_content_text(text, "fuzz.toml", d);
    if (!doc || d.has_errors()) return 0;
    for (const auto* layout : {&*world.a4, &*world.trifold}) {
        leafpress::Diagnostics f = d;
        const auto laid = leafpress::flow(*doc, *world.brand, *layout, {*world.chain, &world.hyphenator}, f);
        leafpress::check_leaflet({*doc, *world.brand, *layout, laid, {2026, 11, 25}}, f);
        if (f.has_errors()) continue;
        (void)leafpress::output::PngWriter({8}).draw(laid, f);  // the preview writer, at a small size
        leafpress::write_pdf(laid, {}, f);
    }
    return 0;
}
