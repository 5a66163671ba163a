// Test pictures: JPEGs made with libjpeg, with an EXIF orientation, JFIF densities, progressive
// or CMYK coding; and the four-quadrant picture whose corners show how it was turned.
#pragma once
#include <cstdio>
#include <jpeglib.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace leafpress::test {

struct Rgb {
    std::uint8_t r, g, b;
};

// Upright colours of the quadrants: top left, top right, bottom left, bottom right.
inline constexpr Rgb kQuadrants[4] = {{220, 30, 30}, {30, 180, 40}, {30, 60, 220}, {240, 210, 20}};

// A w x h picture (RGB, rows top down) in four coloured quadrants.
inline std::vector<std::uint8_t> quadrants(int w, int h) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w * h * 3));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const Rgb c = kQuadrants[(y >= h / 2 ? 2 : 0) + (x >= w / 2 ? 1 : 0)];
            const auto i = static_cast<std::size_t>((y * w + x) * 3);
            px[i] = c.r, px[i + 1] = c.g, px[i + 2] = c.b;
        }
    return px;
}

// Where stored pixel (sx, sy) is seen in the upright W x H picture, for EXIF orientation k as
// the TIFF/EXIF standard words it (k = 6: the stored rows are the picture's right-hand column,
// its columns the top row, read downwards).
inline void seen_at(int k, int sx, int sy, int W, int H, int& x, int& y) {
    switch (k) {
        case 2: x = W - 1 - sx, y = sy; break;
        case 3: x = W - 1 - sx, y = H - 1 - sy; break;
        case 4: x = sx, y = H - 1 - sy; break;
        case 5: x = sy, y = sx; break;
        case 6: x = W - 1 - sy, y = sx; break;
        case 7: x = W - 1 - sy, y = H - 1 - sx; break;
        case 8: x = sy, y = H - 1 - sx; break;
        default: x = sx, y = sy;
    }
}

// The pixels a camera held as orientation k says stores for an upright W x H picture.
inline std::vector<std::uint8_t> stored_for(int k, const std::vector<std::uint8_t>& upright, int W, int H, int& sw,
                                            int& sh) {
    const bool turned = k >= 5;
    sw = turned ? H : W;
    sh = turned ? W : H;
    std::vector<std::uint8_t> out(upright.size());
    for (int sy = 0; sy < sh; ++sy)
        for (int sx = 0; sx < sw; ++sx) {
            int x = 0, y = 0;
            seen_at(k, sx, sy, W, H, x, y);
            for (int c = 0; c < 3; ++c)
                out[static_cast<std::size_t>((sy * sw + sx) * 3 + c)] =
                    upright[static_cast<std::size_t>((y * W + x) * 3 + c)];
        }
    return out;
}

// The payload of an EXIF APP1 segment holding only an orientation.
inline std::string exif_app1(int orientation, bool big_endian = false) {
    const auto u16 = [&](unsigned v) {
        return big_endian ? std::string{static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}
                          : std::string{static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
    };
    const auto u32 = [&](unsigned v) {
        return big_endian ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16);
    };
    std::string s("Exif\0\0", 6);
    s += big_endian ? "MM" : "II";
    s += u16(42) + u32(8);  // the header, IFD0 right after it
    s += u16(1);            // one entry
    s += u16(0x0112) + u16(3) + u32(1) + u16(static_cast<unsigned>(orientation)) + u16(0);  // Orientation, SHORT
    s += u32(0);                                                                            // no next IFD
    return s;
}

struct JpegOptions {
    int orientation = 0;  // 0: no EXIF segment
    bool progressive = false;
    bool cmyk = false;
    bool arithmetic = false;  // arithmetic coding in place of Huffman's
    int density_unit = 0, x_density = 1, y_density = 1;
};

// RGB pixels (or, with cmyk, the same values as C, M, Y and K = 0) as a JPEG file.
inline std::string jpeg_file(const std::vector<std::uint8_t>& rgb, int w, int h, const JpegOptions& o = {}) {
    jpeg_compress_struct c;
    jpeg_error_mgr err;
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buffer, &size);
    c.image_width = static_cast<JDIMENSION>(w);
    c.image_height = static_cast<JDIMENSION>(h);
    c.input_components = o.cmyk ? 4 : 3;
    c.in_color_space = o.cmyk ? JCS_CMYK : JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 95, TRUE);
    c.density_unit = static_cast<UINT8>(o.density_unit);
    c.X_density = static_cast<UINT16>(o.x_density);
    c.Y_density = static_cast<UINT16>(o.y_density);
    if (o.progressive) jpeg_simple_progression(&c);
    c.arith_code = o.arithmetic ? TRUE : FALSE;
    jpeg_start_compress(&c, TRUE);
    if (o.orientation) {
        const std::string app1 = exif_app1(o.orientation);
        jpeg_write_marker(&c, JPEG_APP0 + 1, reinterpret_cast<const JOCTET*>(app1.data()),
                          static_cast<unsigned>(app1.size()));
    }
    std::vector<std::uint8_t> row(static_cast<std::size_t>(w * c.input_components));
    while (c.next_scanline < c.image_height) {
        const std::size_t y = c.next_scanline;
        for (int x = 0; x < w; ++x)
            for (int k = 0; k < c.input_components; ++k)
                row[static_cast<std::size_t>(x * c.input_components + k)] =
                    k < 3 ? rgb[(y * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 3 +
                                static_cast<std::size_t>(k)]
                          : 0;
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&c, rows, 1);
    }
    jpeg_finish_compress(&c);
    std::string out(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
    jpeg_destroy_compress(&c);
    return out;
}

}  // namespace leafpress::test
