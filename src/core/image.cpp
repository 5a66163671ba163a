#include "core/image.hpp"

#include <png.h>
// jpeglib.h needs FILE and size_t declared first.
#include <cstdio>
#include <jpeglib.h>

#include <cmath>
#include <csetjmp>
#include <cstring>

#include "core/files.hpp"
#include "core/limits.hpp"

namespace leafpress {

namespace {

std::string check_size(long long w, long long h) {
    if (w <= 0 || h <= 0) return "the image has no pixels";
    if (w > limits::kImageSide || h > limits::kImageSide || w * h > limits::kImagePixels)
        return "the image is " + std::to_string(w) + " x " + std::to_string(h) + " pixels; at most " +
               std::to_string(limits::kImageSide) + " on a side and " + std::to_string(limits::kImagePixels / 1000000) +
               " million in all are used";
    return {};
}

struct PngSource {
    std::string_view bytes;
    std::size_t at = 0;
    std::string error;
    std::string too_big;  // set before the jump out when the image is too large
    long long over_budget = 0;
};

// The pixels of a w x h image when they are more than `budget` (< 0: no budget), else 0.
long long over(long long w, long long h, long long budget) { return budget >= 0 && w * h > budget ? w * h : 0; }

void png_read(png_structp png, png_bytep out, png_size_t n) {
    auto* src = static_cast<PngSource*>(png_get_io_ptr(png));
    if (src->bytes.size() - src->at < n) png_error(png, "the file ends too soon");
    std::memcpy(out, src->bytes.data() + src->at, n);
    src->at += n;
}

void png_fail(png_structp png, png_const_charp message) {
    static_cast<PngSource*>(png_get_error_ptr(png))->error = message;
    png_longjmp(png, 1);
}

void png_warn(png_structp, png_const_charp) {}

// With libpng's full API: samples are taken as they are (16 bits to 8 by their high byte, no
// gamma conversion), palettes and transparency expand to RGB and alpha.
LoadedImage decode_png(std::string_view bytes, long long budget) {
    PngSource src{bytes, 0, {}, {}, 0};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, png_fail, png_warn);
    if (!png) return {nullptr, "out of memory"};
    png_infop info = png_create_info_struct(png);
    auto r = std::make_shared<Raster>();
    std::vector<std::uint8_t> buffer;
    std::vector<png_bytep> rows;
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        if (!src.too_big.empty()) return {nullptr, src.too_big, src.over_budget};
        return {nullptr, "the PNG file is damaged or truncated: " + src.error};
    }
    png_set_read_fn(png, &src, png_read);
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);  // sizes are judged below, with a message
    png_read_info(png, info);
    const png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    if (src.too_big = check_size(w, h); !src.too_big.empty()) png_error(png, "too big");
    if ((src.over_budget = over(w, h, budget))) {
        src.too_big = "too many pixels";
        png_error(png, "too big");
    }
    const int type = png_get_color_type(png, info);
    png_set_strip_16(png);
    png_set_packing(png);
    if (type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (type == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    png_set_interlace_handling(png);
    png_uint_32 x_density = 0, y_density = 0;
    int density_unit = 0;
    if (png_get_pHYs(png, info, &x_density, &y_density, &density_unit) && x_density > 0 && y_density > 0)
        r->pixel_aspect = static_cast<double>(y_density) / x_density;  // pixels a unit across and down
    png_read_update_info(png, info);
    const int channels = png_get_channels(png, info);  // 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA
    const std::size_t stride = png_get_rowbytes(png, info);
    buffer.resize(stride * h);
    rows.resize(h);
    for (png_uint_32 y = 0; y < h; ++y) rows[y] = buffer.data() + y * stride;
    png_read_image(png, rows.data());
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);

    r->width = static_cast<int>(w);
    r->height = static_cast<int>(h);
    const bool has_alpha = channels == 2 || channels == 4;
    r->channels = channels >= 3 ? 3 : 1;
    const std::size_t n = static_cast<std::size_t>(w) * h;
    const auto c = static_cast<std::size_t>(r->channels);
    if (!has_alpha) {
        r->pixels = std::move(buffer);
        return {r, {}};
    }
    r->pixels.resize(n * c);
    r->alpha.resize(n);
    bool opaque = true;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < c; ++k) r->pixels[i * c + k] = buffer[i * (c + 1) + k];
        r->alpha[i] = buffer[i * (c + 1) + c];
        opaque = opaque && r->alpha[i] == 255;
    }
    if (opaque) r->alpha.clear();
    return {r, {}};
}

// The orientation in the first EXIF APP1 segment libjpeg kept (bounded by the segment's length).
int orientation_of(const jpeg_decompress_struct& cinfo) {
    for (jpeg_saved_marker_ptr m = cinfo.marker_list; m; m = m->next) {
        if (m->marker != JPEG_APP0 + 1 || !m->data) continue;
        const std::string_view payload(reinterpret_cast<const char*>(m->data), m->data_length);
        if (payload.starts_with(std::string_view("Exif\0\0", 6))) return exif_orientation(payload);
    }
    return 1;
}

// Whether a PDF reader's DCTDecode shows this JPEG as libjpeg does, so its bytes can go into the
// PDF as they are: 8-bit Huffman-coded (baseline or progressive, which PDF 1.3+ reads) grey or
// YCbCr. CMYK (Adobe's inverted or not), RGB without the YCbCr transform, 12-bit and
// arithmetic-coded files are decoded and embedded as pixels instead.
bool can_pass_through(const jpeg_decompress_struct& cinfo) {
    if (cinfo.data_precision != 8 || cinfo.arith_code) return false;
    if (cinfo.num_components == 1) return cinfo.jpeg_color_space == JCS_GRAYSCALE;
    return cinfo.num_components == 3 && cinfo.jpeg_color_space == JCS_YCbCr;
}

struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void jpeg_fail(j_common_ptr cinfo) {
    auto* e = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, e->message);
    std::longjmp(e->jump, 1);
}

// libjpeg's warnings (corrupt data, a premature end) would leave grey where the picture was:
// they stop the decoding as errors do.
void jpeg_warn(j_common_ptr cinfo, int level) {
    if (level < 0) jpeg_fail(cinfo);
}

LoadedImage decode_jpeg(std::string_view bytes, long long budget) {
    jpeg_decompress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_fail;
    err.mgr.emit_message = jpeg_warn;
    err.message[0] = '\0';
    auto r = std::make_shared<Raster>();
    std::vector<std::uint8_t> row;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return {nullptr, std::string("the JPEG file is damaged or truncated: ") + err.message};
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);
    r->orientation = orientation_of(cinfo);
    if (cinfo.saw_JFIF_marker && cinfo.X_density > 0 && cinfo.Y_density > 0)
        r->pixel_aspect = static_cast<double>(cinfo.Y_density) / cinfo.X_density;
    if (auto problem = check_size(cinfo.image_width, cinfo.image_height); !problem.empty()) {
        jpeg_destroy_decompress(&cinfo);
        return {nullptr, problem};
    }
    if (const long long n = over(cinfo.image_width, cinfo.image_height, budget)) {
        jpeg_destroy_decompress(&cinfo);
        return {nullptr, "too many pixels", n};
    }
    const bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    const bool grey = cinfo.jpeg_color_space == JCS_GRAYSCALE;
    cinfo.out_color_space = cmyk ? JCS_CMYK : grey ? JCS_GRAYSCALE : JCS_RGB;
    const bool passes_through = can_pass_through(cinfo);
    jpeg_start_decompress(&cinfo);
    r->width = static_cast<int>(cinfo.output_width);
    r->height = static_cast<int>(cinfo.output_height);
    r->channels = grey ? 1 : 3;
    const auto w = static_cast<std::size_t>(r->width);
    r->pixels.resize(w * static_cast<std::size_t>(r->height) * static_cast<std::size_t>(r->channels));
    row.resize(w * static_cast<std::size_t>(cinfo.output_components));
    // Adobe writes CMYK JPEGs inverted; its marker says so, and everyone reads them that way.
    const bool inverted = cmyk && cinfo.saw_Adobe_marker;
    while (cinfo.output_scanline < cinfo.output_height) {
        const std::size_t y = cinfo.output_scanline;
        JSAMPROW rows[1] = {row.data()};
        jpeg_read_scanlines(&cinfo, rows, 1);
        std::uint8_t* out = r->pixels.data() + y * w * static_cast<std::size_t>(r->channels);
        if (!cmyk) {
            std::memcpy(out, row.data(), row.size());
            continue;
        }
        for (std::size_t x = 0; x < w; ++x) {
            int c = row[x * 4], m = row[x * 4 + 1], yv = row[x * 4 + 2], k = row[x * 4 + 3];
            if (!inverted) {
                c = 255 - c;
                m = 255 - m;
                yv = 255 - yv;
                k = 255 - k;
            }
            out[x * 3] = static_cast<std::uint8_t>(c * k / 255);
            out[x * 3 + 1] = static_cast<std::uint8_t>(m * k / 255);
            out[x * 3 + 2] = static_cast<std::uint8_t>(yv * k / 255);
        }
    }
    jpeg_finish_decompress(&cinfo);
    if (passes_through) r->jpeg = std::string(bytes);
    jpeg_destroy_decompress(&cinfo);
    return {r, {}};
}

std::uint32_t read_u16(std::string_view b, std::size_t at, bool big) {
    const auto x = static_cast<unsigned char>(b[at]), y = static_cast<unsigned char>(b[at + 1]);
    return big ? (x << 8 | y) : (y << 8 | x);
}

std::uint32_t read_u32(std::string_view b, std::size_t at, bool big) {
    const std::uint32_t hi = read_u16(b, at, big), lo = read_u16(b, at + 2, big);
    return big ? (hi << 16 | lo) : (lo << 16 | hi);
}

}  // namespace

int exif_orientation(std::string_view app1) {
    if (!app1.starts_with(std::string_view("Exif\0\0", 6))) return 1;
    const std::string_view tiff = app1.substr(6);
    if (tiff.size() < 8) return 1;
    const bool big = tiff.starts_with("MM");
    if (!big && !tiff.starts_with("II")) return 1;
    if (read_u16(tiff, 2, big) != 42) return 1;
    const std::uint32_t ifd = read_u32(tiff, 4, big);
    if (ifd > tiff.size() || tiff.size() - ifd < 2) return 1;
    const std::uint32_t entries = read_u16(tiff, ifd, big);
    for (std::uint32_t k = 0; k < entries; ++k) {
        const std::size_t at = ifd + 2 + static_cast<std::size_t>(k) * 12;
        if (at > tiff.size() || tiff.size() - at < 12) break;  // the directory runs past the segment
        if (read_u16(tiff, at, big) != 0x0112) continue;
        const std::uint32_t type = read_u16(tiff, at + 2, big), count = read_u32(tiff, at + 4, big);
        if (count != 1) return 1;
        // A SHORT (as the standard says) sits in the value's first two bytes; some writers use a LONG.
        const std::uint32_t v = type == 3 ? read_u16(tiff, at + 8, big) : type == 4 ? read_u32(tiff, at + 8, big) : 0;
        return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
    }
    return 1;
}

ShownSize shown_size(const Raster& r) {
    double w = r.width, h = r.height;
    const double a = r.pixel_aspect > 0 && std::isfinite(r.pixel_aspect) ? r.pixel_aspect : 1.0;
    if (a < 1)
        w *= a;  // narrow pixels: fewer across
    else
        h /= a;  // wide pixels: fewer down
    if (r.orientation >= 5 && r.orientation <= 8) std::swap(w, h);
    return {w, h};
}

ImageFormat sniff_image(std::string_view b) {
    if (b.starts_with("\x89PNG\r\n\x1a\n")) return ImageFormat::Png;
    if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
        static_cast<unsigned char>(b[2]) == 0xFF)
        return ImageFormat::Jpeg;
    return ImageFormat::Other;
}

LoadedImage decode_image(std::string_view bytes, long long budget) {
    switch (sniff_image(bytes)) {
        case ImageFormat::Png: return decode_png(bytes, budget);
        case ImageFormat::Jpeg: return decode_jpeg(bytes, budget);
        case ImageFormat::Other: break;
    }
    return {nullptr, "the file is neither a PNG nor a JPEG image"};
}

LoadedImage load_image(const std::string& path, long long budget) {
    const FileRead read = read_regular_file(path, limits::kImageBytes);
    if (!read.bytes) return {nullptr, describe(read.failure, read.size, limits::kImageBytes)};
    return decode_image(*read.bytes, budget);
}

}  // namespace leafpress
