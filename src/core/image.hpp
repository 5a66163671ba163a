// Images (logos, figures) decoded once, on loading, with libpng and libjpeg: the format is
// read from the bytes, not the name; sizes are checked before any pixel is decoded; a damaged
// or truncated file is refused, never drawn half-grey. Writers get 8-bit pixels and never
// read image files themselves.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace leafpress {

struct Raster {
    int width = 0, height = 0;
    int channels = 3;                 // 1 (grey) or 3 (RGB), 8 bits each, rows top to bottom
    std::vector<std::uint8_t> pixels;
    std::vector<std::uint8_t> alpha;  // one byte a pixel; empty when the image is opaque
};

enum class ImageFormat { Png, Jpeg, Other };

// From the first bytes of a file.
ImageFormat sniff_image(std::string_view bytes);

struct LoadedImage {
    std::shared_ptr<const Raster> raster;  // null when the image could not be used
    std::string problem;                   // why, in words for a diagnostic
};

LoadedImage decode_image(std::string_view bytes);
LoadedImage load_image(const std::string& path);

}  // namespace leafpress
