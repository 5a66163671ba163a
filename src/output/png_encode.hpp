// PNG files from pixels: 8-bit RGB (or RGBA), rows unfiltered, compressed with libdeflate at its
// fastest level. Several times faster than libpng with zlib, for files of about the same size.
#pragma once
#include <cstdint>
#include <vector>

namespace leafpress::output {

enum class PngChannels { Rgb = 3, Rgba = 4 };

// `pixels` holds `height` rows of `width` pixels, each `channels` bytes. Empty if compression failed.
std::vector<std::uint8_t> encode_png(int width, int height, const std::uint8_t* pixels, PngChannels channels);

}  // namespace leafpress::output
