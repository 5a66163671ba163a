// Between the PNG writer and the module that draws with cairo (libleafpress_png.so). cairo brings
// a dozen libraries with it on Debian (X11's among them), and loading them cost every leafpress
// process 1.0 to 1.4 ms and 2 MB before it did anything, though most never draw a picture. The
// module is loaded (dlopen) the first time a picture is drawn, by preview (a batch's contact
// sheet draws its thumbnails as SVG, without cairo).
#pragma once
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "model/page.hpp"
#include "output/writer.hpp"
#include "model/sheets.hpp"

namespace leafpress::output {

struct PngJob {
    const LaidOut* doc = nullptr;
    const std::vector<SheetSide>* sides = nullptr;  // what to draw, one picture each
    PngSettings settings;
};

struct PngDrawn {
    std::vector<std::vector<std::uint8_t>> files;
    std::string error;  // non-empty: nothing was drawn, and why
};

// The pixel size of a side: as pdftoppm rounds it (up, a part pixel being a pixel).
inline int png_pixels(double points, double dpi) {
    const int n = static_cast<int>(std::ceil(points * dpi / 72.0 - 1e-6));
    return n < 1 ? 1 : n;
}

// A number that changes with the layout of what the two sides exchange: a module from another
// build is refused rather than misread.
constexpr std::uint64_t kPngModuleAbi = sizeof(LaidOut) * 1000003ULL + sizeof(Page) * 10007ULL +
                                        sizeof(PageItem) * 101ULL + sizeof(GlyphRun) * 7ULL + sizeof(PlacedGlyph) +
                                        sizeof(SheetSide) * 3ULL + sizeof(PngJob) * 13ULL + sizeof(PngDrawn) * 17ULL +
                                        sizeof(CellGrid) * 19ULL + std::variant_size_v<PageItem> * 1000033ULL;

}  // namespace leafpress::output

extern "C" {
// Exported by the module.
void leafpress_png_draw(const leafpress::output::PngJob* job, leafpress::output::PngDrawn* out);
std::uint64_t leafpress_png_abi();
}
