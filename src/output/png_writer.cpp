// The PNG writer: checks what it is asked, works out the sides, and has the cairo module draw
// them (png_module.hpp), loading it the first time.
#include "core/module.hpp"
#include "output/png_module.hpp"

namespace leafpress::output {

namespace {

using DrawFn = void (*)(const PngJob*, PngDrawn*);

// The module's drawing function, loaded the first time (core/module.hpp).
Result<DrawFn> load_module() {
#ifdef LEAFPRESS_PNG_MODULE
    const char* built_at = LEAFPRESS_PNG_MODULE;
#else
    const char* built_at = nullptr;
#endif
    const Result<void*> module =
        leafpress::load_module("libleafpress_png.so", built_at, "leafpress_png_abi", kPngModuleAbi);
    if (!module) return Failure{module.error()};
    auto draw = reinterpret_cast<DrawFn>(module_function(*module, "leafpress_png_draw"));
    if (!draw) return Failure{"the drawing module libleafpress_png.so has no drawing function"};
    return draw;
}

}  // namespace

std::optional<Rendition> PngWriter::draw(const LaidOut& doc, Diagnostics& diags) const {
    if (!(settings_.dpi >= 1 && settings_.dpi <= 2400)) {
        diags.error("png.dpi", {}, "the resolution must be between 1 and 2400 dpi");
        return std::nullopt;
    }
    const auto sides = sheet_sides(doc, nullptr);
    for (const auto& side : sides) {
        const int w = png_pixels(side.width, settings_.dpi), h = png_pixels(side.height, settings_.dpi);
        if (static_cast<double>(w) * h > 50e6) {  // A4 at about 700 dpi: 200 MB of pixels
            diags.error("png.size", {},
                        "a page of " + std::to_string(w) + " x " + std::to_string(h) + " pixels is too large to draw",
                        "choose a lower --dpi");
            return std::nullopt;
        }
    }
    const Result<DrawFn> draw = load_module();
    if (!draw) {
        diags.error("png.module", {}, draw.error(), "build leafpress again (cmake --build build)");
        return std::nullopt;
    }
    PngDrawn drawn;
    const PngJob job{&doc, &sides, settings_};
    (*draw)(&job, &drawn);
    if (!drawn.error.empty()) {
        diags.error("png.draw", {}, drawn.error);
        return std::nullopt;
    }
    return Rendition{std::move(drawn.files)};
}

}  // namespace leafpress::output
