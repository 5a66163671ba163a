// The PNG module (libleafpress_png.so, see png_module.hpp): pictures of the printed sides, drawn
// with cairo from the page model. Glyphs come from the same font files as the PDF's, through
// FreeType without hinting, at the positions HarfBuzz gave, so that a picture matches what a
// PDF viewer (poppler's pdftoppm) draws at the same resolution.
#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

#include "output/png_encode.hpp"
#include "output/png_module.hpp"

namespace leafpress::output {

namespace {

// Where poppler (pdftoppm) draws a glyph: its origin snapped down to a quarter of a device pixel
// across and to a whole pixel down. Doing the same makes the pictures match its to a few pixels.
constexpr double kAcrossSteps = 4.0;

// The font faces of one drawing: a FreeType face per font file, each owned by the cairo face
// made from it. cairo may keep a face in its caches after the drawing lets go of it, so each
// face, not the drawing, decides when it is freed, and the FreeType library lives until the
// last of its faces is gone.
class Faces {
public:
    Faces() : library_(new Library) {
        if (FT_Init_FreeType(&library_->ft) != 0) library_->ft = nullptr;
    }
    ~Faces() {
        for (auto& [face, cf] : faces_)
            if (cf) cairo_font_face_destroy(cf);
        release(library_);
    }
    Faces(const Faces&) = delete;
    Faces& operator=(const Faces&) = delete;

    cairo_font_face_t* get(const text::Face* face) {
        if (auto it = faces_.find(face); it != faces_.end()) return it->second;
        cairo_font_face_t* cf = nullptr;
        FT_Face ftf = nullptr;
        if (library_->ft &&
            FT_New_Face(library_->ft, face->path().c_str(), static_cast<FT_Long>(face->index()), &ftf) == 0) {
            cf = cairo_ft_font_face_create_for_ft_face(ftf, FT_LOAD_NO_HINTING);
            auto* owned = new Owned{ftf, library_};
            ++library_->refs;
            static const cairo_user_data_key_t key{};
            if (cairo_font_face_set_user_data(cf, &key, owned, [](void* p) {
                    auto* o = static_cast<Owned*>(p);
                    FT_Done_Face(o->face);
                    release(o->library);
                    delete o;
                }) != CAIRO_STATUS_SUCCESS) {
                cairo_font_face_destroy(cf);
                FT_Done_Face(ftf);
                release(library_);
                delete owned;
                cf = nullptr;
            }
        }
        faces_[face] = cf;
        return cf;
    }

private:
    struct Library {
        FT_Library ft = nullptr;
        std::atomic<int> refs{1};  // cairo may let go of a face in another thread
    };
    struct Owned {
        FT_Face face;
        Library* library;
    };
    static void release(Library* l) {
        if (--l->refs > 0) return;
        if (l->ft) FT_Done_FreeType(l->ft);
        delete l;
    }

    Library* library_;
    std::map<const text::Face*, cairo_font_face_t*> faces_;
};

void set_colour(cairo_t* cr, const Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// Decoded pixels as a cairo surface: RGB (grey widened), premultiplied by any alpha.
cairo_surface_t* surface_of(const Raster& r) {
    const bool alpha = !r.alpha.empty();
    cairo_surface_t* s =
        cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, r.width, r.height);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) return s;
    cairo_surface_flush(s);
    unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < r.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < r.width; ++x) {
            const std::size_t i =
                static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x);
            std::uint32_t red, green, blue;
            if (r.channels == 1) {
                red = green = blue = r.pixels[i];
            } else {
                red = r.pixels[3 * i];
                green = r.pixels[3 * i + 1];
                blue = r.pixels[3 * i + 2];
            }
            const std::uint32_t a = alpha ? r.alpha[i] : 255;
            if (alpha) {
                red = (red * a + 127) / 255;
                green = (green * a + 127) / 255;
                blue = (blue * a + 127) / 255;
            }
            row[x] = (a << 24) | (red << 16) | (green << 8) | blue;
        }
    }
    cairo_surface_mark_dirty(s);
    return s;
}

// The cairo surface of the picture drawn last, kept for the next item that shows the same
// picture: a picture a leaflet shows many times is turned into a surface once for a run of
// them, and never more than one surface is held.
class LastSurface {
public:
    LastSurface() = default;
    ~LastSurface() { release(); }
    LastSurface(const LastSurface&) = delete;
    LastSurface& operator=(const LastSurface&) = delete;
    cairo_surface_t* get(const Raster& r) {
        if (raster_ != &r) {
            release();
            surface_ = surface_of(r);
            raster_ = &r;
        }
        return surface_;
    }

private:
    void release() {
        if (surface_) cairo_surface_destroy(surface_);
        surface_ = nullptr;
        raster_ = nullptr;
    }
    const Raster* raster_ = nullptr;
    cairo_surface_t* surface_ = nullptr;
};

// From the stored pixels to the picture's rectangle, turned upright as its orientation says.
void place_picture(cairo_t* cr, const Image& it) {
    const Raster& r = *it.raster;
    const double x = it.rect.x.value(), y = it.rect.y.value(), w = it.rect.width.value(), h = it.rect.height.value();
    if (r.orientation == 1) {
        cairo_translate(cr, x, y);
        cairo_scale(cr, w / r.width, h / r.height);
        return;
    }
    const auto m = orientation_matrix(r.orientation);
    cairo_matrix_t t;
    cairo_matrix_init(&t, w * m[0] / r.width, h * m[3] / r.width, w * m[1] / r.height, h * m[4] / r.height,
                      x + w * m[2], y + h * m[5]);
    cairo_transform(cr, &t);
}

void draw_items(cairo_t* cr, const Page& page, Faces& faces, LastSurface& pictures) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
    std::vector<cairo_glyph_t> glyphs;
    for (const PageItem& item : page.items) {
        std::visit(
            [&](const auto& it) {
                using T = std::decay_t<decltype(it)>;
                if constexpr (std::is_same_v<T, GlyphRun>) {
                    if (it.glyphs.empty()) return;
                    cairo_font_face_t* cf = it.face ? faces.get(it.face) : nullptr;
                    if (!cf) return;
                    cairo_set_font_face(cr, cf);
                    cairo_set_font_size(cr, it.size.value());
                    set_colour(cr, it.color);
                    glyphs.clear();
                    for (const PlacedGlyph& g : it.glyphs) {
                        // As poppler places glyphs: across at a quarter of a pixel, down at whole pixels.
                        double x = (it.origin.x + g.x()).value(), y = (it.origin.y - g.y_offset()).value();
                        cairo_user_to_device(cr, &x, &y);
                        x = std::floor(x * kAcrossSteps) / kAcrossSteps;
                        y = std::floor(y);
                        cairo_device_to_user(cr, &x, &y);
                        glyphs.push_back({g.gid, x, y});
                    }
                    // As outlines filled where they are: cairo's own glyph drawing would round
                    // each origin to a whole pixel.
                    cairo_glyph_path(cr, glyphs.data(), static_cast<int>(glyphs.size()));
                    cairo_fill(cr);
                } else if constexpr (std::is_same_v<T, Box>) {
                    cairo_rectangle(cr, it.rect.x.value(), it.rect.y.value(), it.rect.width.value(),
                                    it.rect.height.value());
                    if (it.fill) {
                        set_colour(cr, *it.fill);
                        if (it.stroke)
                            cairo_fill_preserve(cr);
                        else
                            cairo_fill(cr);
                    }
                    if (it.stroke) {
                        set_colour(cr, *it.stroke);
                        cairo_set_line_width(cr, it.stroke_width.value());
                        cairo_stroke(cr);
                    }
                } else if constexpr (std::is_same_v<T, CellGrid>) {
                    // One path, filled once: no seams between cells.
                    const Size cell = it.cell();
                    for (const CellRect& r : cell_rectangles(it))
                        cairo_rectangle(cr, (it.rect.x + cell.width * r.column).value(),
                                        (it.rect.y + cell.height * r.row).value(), (cell.width * r.width).value(),
                                        (cell.height * r.height).value());
                    set_colour(cr, it.color);
                    cairo_fill(cr);
                } else if constexpr (std::is_same_v<T, Rule>) {
                    set_colour(cr, it.color);
                    cairo_set_line_width(cr, it.thickness.value());
                    cairo_move_to(cr, it.from.x.value(), it.from.y.value());
                    cairo_line_to(cr, it.to.x.value(), it.to.y.value());
                    cairo_stroke(cr);
                } else if constexpr (std::is_same_v<T, Image>) {
                    if (!it.raster || it.raster->width <= 0 || it.raster->height <= 0) return;
                    cairo_surface_t* s = pictures.get(*it.raster);
                    cairo_save(cr);
                    cairo_rectangle(cr, it.rect.x.value(), it.rect.y.value(), it.rect.width.value(),
                                    it.rect.height.value());
                    cairo_clip(cr);
                    place_picture(cr, it);
                    cairo_set_source_surface(cr, s, 0, 0);
                    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
                    cairo_paint(cr);
                    cairo_restore(cr);
                }
                // A Link is an area to click in a PDF: nothing to draw.
            },
            item);
    }
}

// An opaque RGB24 surface as an 8-bit RGB PNG (png_encode.hpp).
std::vector<std::uint8_t> encode_png(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    std::vector<std::uint8_t> rgb(3 * static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y) {
        const auto* px = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        std::uint8_t* out = rgb.data() + 3 * static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
        for (int x = 0; x < w; ++x) {
            out[3 * x] = static_cast<std::uint8_t>(px[x] >> 16);
            out[3 * x + 1] = static_cast<std::uint8_t>(px[x] >> 8);
            out[3 * x + 2] = static_cast<std::uint8_t>(px[x]);
        }
    }
    return encode_png(w, h, rgb.data(), PngChannels::Rgb);
}

}  // namespace

}  // namespace leafpress::output

using namespace leafpress;
using namespace leafpress::output;

extern "C" std::uint64_t leafpress_png_abi() { return kPngModuleAbi; }

extern "C" void leafpress_png_draw(const PngJob* job, PngDrawn* out) {
    const LaidOut& doc = *job->doc;
    Faces faces;
    LastSurface pictures;
    const double scale = job->settings.dpi / 72.0;
    for (const SheetSide& side : *job->sides) {
        const int w = png_pixels(side.width, job->settings.dpi), h = png_pixels(side.height, job->settings.dpi);
        cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        cairo_t* cr = cairo_create(surface);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, scale, scale);
        for (const SheetSlot& slot : side.slots) {
            const Page& page = doc.pages[static_cast<std::size_t>(slot.page)];
            cairo_save(cr);
            // The slot's bottom-left corner, PDF-style (y up), as cairo's top-left (y down).
            cairo_translate(cr, slot.tx, side.height - slot.ty - page.size.height.value());
            draw_items(cr, page, faces, pictures);
            cairo_restore(cr);
        }
        const cairo_status_t status = cairo_status(cr);
        std::vector<std::uint8_t> png;
        if (status == CAIRO_STATUS_SUCCESS) png = encode_png(surface);
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        if (status != CAIRO_STATUS_SUCCESS || png.empty()) {
            out->files.clear();
            out->error = std::string("cairo could not draw the page: ") + cairo_status_to_string(status);
            return;
        }
        out->files.push_back(std::move(png));
    }
}
