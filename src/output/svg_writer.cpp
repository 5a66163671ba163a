// Thumbnails as SVG: each printed side drawn from the page model as vector shapes. Text too
// small to read at the thumbnail's size is a light bar per word (as page-layout programs greek
// it); larger text (a title, the phone number in a call to action) is text the browser sets in
// the face's family, stretched to the width layout gave it; pictures are small PNGs inside.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "core/numbers.hpp"
#include "core/utf8.hpp"
#include "output/png_encode.hpp"
#include "output/png_module.hpp"
#include "output/writer.hpp"
#include "model/sheets.hpp"

namespace leafpress::output {

namespace {

// A coordinate in points, to a tenth: a thumbnail's pixel is four points at 18 dpi.
std::string num(double v) { return fixed_number(v, 1); }

std::string hex(Color c) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string s = "#";
    for (double v : {c.r, c.g, c.b}) {
        const int b = std::clamp(static_cast<int>(std::lround(v * 255)), 0, 255);
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

std::string base64(const std::vector<std::uint8_t>& bytes) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2];
        out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]};
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = bytes[i] << 16;
        out += {table[v >> 18], table[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == bytes.size()) {
        const unsigned v = bytes[i] << 16 | bytes[i + 1] << 8;
        out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], '='};
    }
    return out;
}

// A picture made small: each target pixel the average of the source pixels under it, alpha
// premultiplied away onto white (the paper).
std::vector<std::uint8_t> shrink(const Raster& r, int w, int h) {
    std::vector<std::uint8_t> out(3 * static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    const bool alpha = !r.alpha.empty();
    for (int y = 0; y < h; ++y) {
        const int y0 = y * r.height / h, y1 = std::max(y0 + 1, (y + 1) * r.height / h);
        for (int x = 0; x < w; ++x) {
            const int x0 = x * r.width / w, x1 = std::max(x0 + 1, (x + 1) * r.width / w);
            double sum[3] = {0, 0, 0};
            int n = 0;
            for (int sy = y0; sy < y1; ++sy)
                for (int sx = x0; sx < x1; ++sx) {
                    const std::size_t i =
                        static_cast<std::size_t>(sy) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(sx);
                    const double a = alpha ? r.alpha[i] / 255.0 : 1.0;
                    for (int c = 0; c < 3; ++c) {
                        const double v = r.channels == 1 ? r.pixels[i] : r.pixels[3 * i + static_cast<std::size_t>(c)];
                        sum[c] += v * a + 255 * (1 - a);
                    }
                    ++n;
                }
            for (int c = 0; c < 3; ++c)
                out[3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) +
                    static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(std::lround(sum[c] / n));
        }
    }
    return out;
}

class SideDrawer {
public:
    SideDrawer(double scale, std::map<const Raster*, std::string>& pictures) : scale_(scale), pictures_(pictures) {}

    void items(const std::vector<PageItem>& items) {
        for (const PageItem& item : items) std::visit([&](const auto& it) { draw(it); }, item);
        flush_bars();
    }
    [[nodiscard]] std::string take() {
        flush_bars();
        return std::move(out_);
    }
    void raw(const std::string& s) {
        flush_bars();
        out_ += s;
    }

private:
    void draw(const GlyphRun& run) {
        if (run.glyphs.empty()) return;
        if (run.size.value() * scale_ < 6) {
            greek(run);
            return;
        }
        flush_bars();
        // The run's ink, without the spaces at its ends (a browser would not stretch them).
        std::optional<Pt> left;
        Pt right{0};
        for (const PlacedGlyph& g : run.glyphs)
            if (run.text_of(g) != U" " && g.advance() > Pt(0)) {
                if (!left) left = run.origin.x + g.x();
                right = run.origin.x + g.x() + g.advance();
            }
        if (!left) return;
        const bool rtl = !run.logical.empty();
        std::u32string text = rtl ? run.logical : run.text;
        while (!text.empty() && text.back() == U' ') text.pop_back();
        while (!text.empty() && text.front() == U' ') text.erase(text.begin());
        const FontStyle style = run.face ? run.face->style() : FontStyle::Regular;
        out_ += "<text x=\"" + num((rtl ? right : *left).value()) + "\" y=\"" + num(run.origin.y.value()) +
                "\" font-family=\"" + utf8::markup_escaped(run.face ? run.face->family() : std::string("sans-serif")) +
                ",sans-serif\" font-size=\"" + num(run.size.value()) + "\"";
        if (style == FontStyle::Bold || style == FontStyle::BoldItalic) out_ += " font-weight=\"bold\"";
        if (style == FontStyle::Italic || style == FontStyle::BoldItalic) out_ += " font-style=\"italic\"";
        if (rtl) out_ += " direction=\"rtl\"";
        out_ += " fill=\"" + hex(run.color) + "\" textLength=\"" + num((right - *left).value()) +
                "\" lengthAdjust=\"spacingAndGlyphs\">" + utf8::markup_escaped(utf8::encode(text)) + "</text>";
    }

    // A bar per word, x-height tall, in the text's colour half mixed with the paper's (about a
    // line of text's ink). Runs of one colour drawn one after another share one path.
    void greek(const GlyphRun& run) {
        const Color c{(run.color.r + 1) / 2, (run.color.g + 1) / 2, (run.color.b + 1) / 2};
        const std::string fill = hex(c);
        if (fill != bar_fill_) {
            flush_bars();
            bar_fill_ = fill;
        }
        const std::string top = num((run.origin.y - run.size * 0.5).value()), height = num((run.size * 0.5).value());
        std::optional<double> start;
        double end = 0;
        const auto bar = [&] {
            std::string w;
            append_fixed(w, end - *start, 1);
            bars_ += 'M';
            append_fixed(bars_, *start, 1);
            bars_ += ' ';
            bars_ += top;
            bars_ += 'h';
            bars_ += w;
            bars_ += 'v';
            bars_ += height;
            bars_ += "h-";
            bars_ += w;
            bars_ += 'z';
        };
        for (const PlacedGlyph& g : run.glyphs) {
            const bool space = run.text_of(g) == U" ";
            if (!space && g.advance() > Pt(0)) {
                if (!start) start = (run.origin.x + g.x()).value();
                end = (run.origin.x + g.x() + g.advance()).value();
            } else if (space && start) {
                bar();
                start.reset();
            }
        }
        if (start) bar();
    }

    void flush_bars() {
        if (bars_.empty()) return;
        out_ += "<path fill=\"" + bar_fill_ + "\" d=\"" + bars_ + "\"/>";
        bars_.clear();
    }

    void draw(const Box& it) {
        flush_bars();
        out_ += "<rect x=\"" + num(it.rect.x.value()) + "\" y=\"" + num(it.rect.y.value()) + "\" width=\"" +
                num(it.rect.width.value()) + "\" height=\"" + num(it.rect.height.value()) + "\" fill=\"" +
                (it.fill ? hex(*it.fill) : std::string("none")) + "\"";
        if (it.stroke)
            out_ += " stroke=\"" + hex(*it.stroke) + "\" stroke-width=\"" + num(it.stroke_width.value()) + "\"";
        out_ += "/>";
    }

    void draw(const Rule& it) {
        flush_bars();
        out_ += "<path d=\"M" + num(it.from.x.value()) + " " + num(it.from.y.value()) + "L" + num(it.to.x.value()) +
                " " + num(it.to.y.value()) + "\" stroke=\"" + hex(it.color) + "\" stroke-width=\"" +
                num(it.thickness.value()) + "\"/>";
    }

    void draw(const CellGrid& it) {
        flush_bars();
        const Size cell = it.cell();
        std::string d;
        for (const CellRect& c : cell_rectangles(it)) {
            const std::string w = num((cell.width * c.width).value());
            d += 'M';
            append_fixed(d, (it.rect.x + cell.width * c.column).value(), 1);
            d += ' ';
            append_fixed(d, (it.rect.y + cell.height * c.row).value(), 1);
            d += 'h';
            d += w;
            d += 'v';
            append_fixed(d, (cell.height * c.height).value(), 1);
            d += "h-";
            d += w;
            d += 'z';
        }
        out_ += "<path fill=\"" + hex(it.color) + "\" d=\"" + d + "\"/>";
    }

    // A picture at twice the thumbnail's pixels (sharp on a high-density screen), made once per
    // raster for the whole leaflet.
    void draw(const Image& it) {
        flush_bars();
        if (!it.raster || it.raster->width <= 0 || it.raster->height <= 0) return;
        auto [at, added] = pictures_.try_emplace(it.raster.get());
        // The stored picture's pixels: a quarter turn shows its width down the rectangle.
        const bool turned = it.raster->orientation >= 5 && it.raster->orientation <= 8;
        const double across = turned ? it.rect.height.value() : it.rect.width.value();
        const double down = turned ? it.rect.width.value() : it.rect.height.value();
        if (added) {
            const int w = std::clamp(static_cast<int>(std::ceil(across * scale_ * 2)), 1, it.raster->width);
            const int h = std::clamp(static_cast<int>(std::ceil(down * scale_ * 2)), 1, it.raster->height);
            const auto pixels = shrink(*it.raster, w, h);
            at->second = "data:image/png;base64," + base64(encode_png(w, h, pixels.data(), PngChannels::Rgb));
        }
        if (it.raster->orientation != 1) {
            // The unit square of the stored picture, turned into the rectangle.
            const auto m = orientation_matrix(it.raster->orientation);
            const double x = it.rect.x.value(), y = it.rect.y.value(), w = it.rect.width.value(),
                         h = it.rect.height.value();
            out_ += "<image width=\"1\" height=\"1\" transform=\"matrix(" + num(w * m[0]) + " " + num(h * m[3]) + " " +
                    num(w * m[1]) + " " + num(h * m[4]) + " " + num(x + w * m[2]) + " " + num(y + h * m[5]) +
                    ")\" preserveAspectRatio=\"none\" href=\"" + at->second + "\"/>";
            return;
        }
        out_ += "<image x=\"" + num(it.rect.x.value()) + "\" y=\"" + num(it.rect.y.value()) + "\" width=\"" +
                num(it.rect.width.value()) + "\" height=\"" + num(it.rect.height.value()) +
                "\" preserveAspectRatio=\"none\" href=\"" + at->second + "\"/>";
    }

    void draw(const Link&) {}  // an area to click in a PDF: nothing to draw

    double scale_;  // pixels a point
    std::map<const Raster*, std::string>& pictures_;
    std::string out_, bars_, bar_fill_;
};

}  // namespace

std::optional<Rendition> SvgWriter::draw(const LaidOut& doc, Diagnostics& diags) const {
    if (!(settings_.dpi >= 1 && settings_.dpi <= 2400)) {
        diags.error("svg.dpi", {}, "the resolution must be between 1 and 2400 dpi");
        return std::nullopt;
    }
    const double scale = settings_.dpi / 72.0;
    std::map<const Raster*, std::string> pictures;
    Rendition r;
    int number = 0;
    for (const SheetSide& side : sheet_sides(doc, nullptr)) {
        ++number;
        SideDrawer d(scale, pictures);
        d.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" xml:space=\"preserve\" role=\"img\" aria-label=\"page " +
              std::to_string(number) + "\" width=\"" + std::to_string(png_pixels(side.width, settings_.dpi)) +
              "\" height=\"" + std::to_string(png_pixels(side.height, settings_.dpi)) + "\" viewBox=\"0 0 " +
              num(side.width) + " " + num(side.height) + "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        for (const SheetSlot& slot : side.slots) {
            const Page& page = doc.pages[static_cast<std::size_t>(slot.page)];
            // The slot's bottom-left corner, PDF-style (y up), as SVG's top-left (y down).
            const double ty = side.height - slot.ty - page.size.height.value();
            const bool moved = slot.tx != 0 || ty != 0;
            if (moved) d.raw("<g transform=\"translate(" + num(slot.tx) + " " + num(ty) + ")\">");
            d.items(page.items);
            if (moved) d.raw("</g>");
        }
        d.raw("</svg>");
        const std::string svg = d.take();
        r.files.emplace_back(svg.begin(), svg.end());
    }
    return r;
}

}  // namespace leafpress::output
