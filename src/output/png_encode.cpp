#include "output/png_encode.hpp"

#include <libdeflate.h>

#include <algorithm>

#include "core/c_handle.hpp"

namespace leafpress::output {

namespace {

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void chunk(std::vector<std::uint8_t>& out, const char* type, const std::uint8_t* data, std::size_t size) {
    put32(out, static_cast<std::uint32_t>(size));
    const std::size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data, data + size);
    put32(out, static_cast<std::uint32_t>(libdeflate_crc32(0, out.data() + start, out.size() - start)));
}

}  // namespace

std::vector<std::uint8_t> encode_png(int width, int height, const std::uint8_t* pixels, PngChannels channels) {
    const auto bytes = static_cast<std::size_t>(channels);
    const std::size_t line = bytes * static_cast<std::size_t>(width);
    std::vector<std::uint8_t> raw((line + 1) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        std::uint8_t* out = raw.data() + static_cast<std::size_t>(y) * (line + 1);
        out[0] = 0;  // no filter: smaller than Up or Sub for pages of text, and as fast
        std::copy(pixels + static_cast<std::size_t>(y) * line, pixels + static_cast<std::size_t>(y + 1) * line,
                  out + 1);
    }
    const CHandle<libdeflate_compressor, libdeflate_free_compressor> c(libdeflate_alloc_compressor(1));
    if (!c) return {};
    std::vector<std::uint8_t> packed(libdeflate_zlib_compress_bound(c.get(), raw.size()));
    packed.resize(libdeflate_zlib_compress(c.get(), raw.data(), raw.size(), packed.data(), packed.size()));
    if (packed.empty()) return {};
    std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> ihdr;
    put32(ihdr, static_cast<std::uint32_t>(width));
    put32(ihdr, static_cast<std::uint32_t>(height));
    // 8 bits, RGB (2) or RGBA (6), deflate, filter method 0, no interlace.
    ihdr.insert(ihdr.end(), {8, static_cast<std::uint8_t>(channels == PngChannels::Rgb ? 2 : 6), 0, 0, 0});
    chunk(png, "IHDR", ihdr.data(), ihdr.size());
    chunk(png, "IDAT", packed.data(), packed.size());
    chunk(png, "IEND", nullptr, 0);
    return png;
}

}  // namespace leafpress::output
