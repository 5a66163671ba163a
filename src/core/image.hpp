// Images (logos, figures) decoded once, on loading, with libpng and libjpeg: the format is
// read from the bytes, not the name; sizes are checked before any pixel is decoded; a damaged
// or truncated file is refused, never drawn half-grey. Writers get 8-bit pixels and never
// read image files themselves.
//
// The pixels are kept as the file stores them. How they stand (a JPEG's EXIF orientation) and
// the shape of a pixel (JFIF or pHYs densities that differ across and down) are facts carried
// with them: layout sizes the picture by shown_size(), and each writer turns the stored pixels
// into place with orientation_matrix() (a PDF by its placement matrix, never by re-encoding).
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress {

struct Raster {
    int width = 0, height = 0;  // the stored pixels, before orientation
    int channels = 3;           // 1 (grey) or 3 (RGB), 8 bits each, rows top to bottom
    std::vector<std::uint8_t> pixels;
    std::vector<std::uint8_t> alpha;  // one byte a pixel; empty when the image is opaque
    int orientation = 1;              // EXIF orientation, 1 to 8 (1: as stored)
    double pixel_aspect = 1.0;        // a pixel's width over its height
    std::string jpeg;                 // the file itself, when a PDF can carry it as it is (DCTDecode)
};

// The picture's size as it is seen, in pixels: its pixels made square (the denser direction
// counted at the other's density, so no resolution is claimed that is not there), then turned
// by its orientation (5 to 8 swap width and height).
struct ShownSize {
    double width = 0, height = 0;
};
ShownSize shown_size(const Raster& r);

// Where a point of the stored picture is seen. With (u, v) in the unit square (u to the right,
// v down, as the pixels are stored), the point is shown at x = m[0]u + m[1]v + m[2],
// y = m[3]u + m[4]v + m[5] in the unit square of the shown picture (x to the right, y down).
// (Inline: the PNG drawing module uses it without the decoders.)
inline std::array<double, 6> orientation_matrix(int orientation) {
    switch (orientation) {
        case 2: return {-1, 0, 1, 0, 1, 0};   // mirrored left to right
        case 3: return {-1, 0, 1, 0, -1, 1};  // turned half round
        case 4: return {1, 0, 0, 0, -1, 1};   // mirrored top to bottom
        case 5: return {0, 1, 0, 1, 0, 0};    // mirrored across the diagonal
        case 6: return {0, -1, 1, 1, 0, 0};   // to be turned a quarter clockwise
        case 7: return {0, -1, 1, -1, 0, 1};  // mirrored across the other diagonal
        case 8: return {0, 1, 0, -1, 0, 1};   // to be turned a quarter anticlockwise
        default: return {1, 0, 0, 0, 1, 0};
    }
}

enum class ImageFormat { Png, Jpeg, Other };

// From the first bytes of a file.
ImageFormat sniff_image(std::string_view bytes);

// The orientation (1 to 8) in the payload of a JPEG APP1 segment ("Exif\0\0" and a TIFF
// structure); 1 when there is none or it cannot be read. Reads only inside `app1`, only IFD0
// (where the orientation lives: no chain of directories is followed, so none can loop).
int exif_orientation(std::string_view app1);

struct LoadedImage {
    std::shared_ptr<const Raster> raster;  // null when the image could not be used
    std::string problem;                   // why, in words for a diagnostic
    long long over_budget = 0;             // its pixels, when it was refused for `budget` alone
};

// `budget`: the pixels the image may have (besides the limits on one image), judged from its
// header before any pixel is decoded.
LoadedImage decode_image(std::string_view bytes, long long budget = -1);
LoadedImage load_image(const std::string& path, long long budget = -1);

}  // namespace leafpress
