#include "pdf/page_content.hpp"

#include <algorithm>
#include <cmath>

#include "core/utf8.hpp"
#include "pdf/deflate.hpp"
#include "pdf/structure.hpp"

namespace leafpress::pdf {

EmbeddedFont& DocumentResources::font_for(const text::Face* face) {
    auto it = fonts_.find(face);
    if (it != fonts_.end()) return *it->second;
    auto f = std::make_unique<EmbeddedFont>(pdf_, *face, "F" + std::to_string(fonts_.size() + 1), codes_);
    auto& ref = *f;
    fonts_order_.push_back(face);
    fonts_.emplace(face, std::move(f));
    return ref;
}

namespace {

// A JPEG file as an image XObject, its bytes as they are under DCTDecode (the decoder said it can
// go through: 8-bit grey or YCbCr).
HPDF_Image jpeg_xobject(HaruDocument& pdf, const Raster& raster) {
    HPDF_Dict img = HPDF_DictStream_New(pdf.mmgr(), pdf.get()->xref);
    if (!img) return nullptr;
    img->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
    pdf.encoded(img, StreamFilter::Dct);
    HPDF_Dict_AddName(img, "Type", "XObject");
    HPDF_Dict_AddName(img, "Subtype", "Image");
    HPDF_Dict_AddNumber(img, "Width", raster.width);
    HPDF_Dict_AddNumber(img, "Height", raster.height);
    HPDF_Dict_AddName(img, "ColorSpace", raster.channels == 1 ? "DeviceGray" : "DeviceRGB");
    HPDF_Dict_AddNumber(img, "BitsPerComponent", 8);
    if (HPDF_Stream_Write(img->stream, reinterpret_cast<const HPDF_BYTE*>(raster.jpeg.data()),
                          static_cast<HPDF_UINT>(raster.jpeg.size())) != HPDF_OK)
        return nullptr;
    return img;
}

}  // namespace

HPDF_Image DocumentResources::image_for(const std::shared_ptr<const Raster>& raster) {
    if (!raster) return nullptr;
    auto it = images_.find(raster.get());
    if (it != images_.end()) return it->second;
    const auto w = static_cast<HPDF_UINT>(raster->width), h = static_cast<HPDF_UINT>(raster->height);
    HPDF_Image img = nullptr;
    // A JPEG goes in as it is, unless print needs its colours in CMYK (grey stays grey).
    if (!raster->jpeg.empty() && (!print() || raster->channels == 1)) {
        img = jpeg_xobject(pdf_, *raster);
    } else if (raster->channels == 1) {
        img = HPDF_LoadRawImageFromMem(pdf(), raster->pixels.data(), w, h, HPDF_CS_DEVICE_GRAY, 8);
    } else if (print()) {
        const auto cmyk = print_->convert_pixels(raster->pixels);
        img = HPDF_LoadRawImageFromMem(pdf(), cmyk.data(), w, h, HPDF_CS_DEVICE_CMYK, 8);
    } else {
        img = HPDF_LoadRawImageFromMem(pdf(), raster->pixels.data(), w, h, HPDF_CS_DEVICE_RGB, 8);
    }
    if (img && !raster->alpha.empty()) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(pdf(), raster->alpha.data(), w, h, HPDF_CS_DEVICE_GRAY, 8);
        if (!mask || HPDF_Image_AddSMask(img, mask) != HPDF_OK) img = nullptr;
    }
    if (!img) images_failed_ = true;  // libharu could not allocate it: the PDF is not written without it
    images_[raster.get()] = img;
    return img;
}

std::string DocumentResources::colour(const Color& c, Paint paint) const {
    if (print()) {
        const Cmyk k = print_->convert(c);
        return num(k.c, 4) + " " + num(k.m, 4) + " " + num(k.y, 4) + " " + num(k.k, 4) +
               (paint == Paint::Fill ? " k\n" : " K\n");
    }
    // Three decimals tell 8-bit colours apart; a grey is DeviceGray (PDF/A allows it where
    // there is an output intent, as here).
    if (c.r == c.g && c.g == c.b) return num(c.r) + (paint == Paint::Fill ? " g\n" : " G\n");
    return num(c.r) + " " + num(c.g) + " " + num(c.b) + (paint == Paint::Fill ? " rg\n" : " RG\n");
}

bool DocumentResources::finish_fonts(Diagnostics& diags) {
    for (const text::Face* face : fonts_order_) {  // creation order: object numbers stay stable
        EmbeddedFont& font = *fonts_.at(face);
        if (font.uses_byte_codes() && !byte_codes_) {
            byte_codes_ = byte_codes_cmap(pdf_);
            to_unicode_ = shared_to_unicode(pdf_, codes_);
        }
        if (const Result<void> finished = font.finish(byte_codes_, to_unicode_); !finished) {
            diags.error("pdf.font", {face->path(), 0, 0}, finished.error());
            return false;
        }
    }
    return true;
}

void write_content(HPDF_Page side, const std::string& s) {
    auto* attr = static_cast<HPDF_PageAttr>(side->attr);
    // With its length: a two-byte character code may hold a zero byte.
    HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size()));
}

void compress_content(HaruDocument& doc, HPDF_Page side) {
    auto* attr = static_cast<HPDF_PageAttr>(side->attr);
    HPDF_Stream stream = attr->stream;
    HPDF_UINT32 size = HPDF_Stream_Size(stream);
    std::string raw(size, '\0');
    if (HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
        HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(raw.data()), &size) != HPDF_OK || size != raw.size())
        return;  // left for libharu to compress
    const std::string packed = deflate(raw, Effort::Quick);
    if (packed.empty()) return;
    HPDF_MemStream_FreeData(stream);
    HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()), static_cast<HPDF_UINT>(packed.size()));
    doc.encoded(attr->contents, StreamFilter::Flate);
}

namespace {

enum class Layer { Text, Marks };

// A cluster: a glyph that carries text and the glyphs after it that carry none (a mark, the
// other parts of a ligature or conjunct, an Indic vowel sign drawn before its consonant), as
// shaping made them, in the run's glyph order.
struct Cluster {
    std::size_t begin = 0, end = 0;
    // Its characters, as the glyphs carry them: right to left, in drawing order (poppler
    // reads a right-to-left line's characters from left to right and turns them round).
    // Joined only for a cluster of several glyphs; one glyph's are its own (text()).
    std::u32string joined;
    [[nodiscard]] std::u32string_view text(const GlyphRun& run) const {
        return end - begin == 1 ? run.text_of(run.glyphs[begin]) : std::u32string_view(joined);
    }
};

std::vector<Cluster> clusters_of(const GlyphRun& run) {
    std::vector<Cluster> out;
    const auto& glyphs = run.glyphs;
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        const PlacedGlyph& g = glyphs[i];
        const bool joins = i > 0 && g.text_length == 0 && g.kind == text::GlyphKind::Text &&
                           glyphs[i - 1].kind == text::GlyphKind::Text;
        if (!joins) out.push_back({i, i, {}});
        Cluster& c = out.back();
        if (c.end - c.begin == 1) c.joined = run.text_of(glyphs[c.begin]);  // a second glyph joins the first
        if (c.end > c.begin) c.joined += run.text_of(g);
        c.end = i + 1;
    }
    return out;
}

// What the k-th of a cluster's m glyphs (in the order they are written) stands for in
// ToUnicode: every code maps to something (PDF/UA-1 7.21.7), and read one after another they
// give the cluster's text where there are as many glyphs as characters (a letter and its
// marks); a last glyph takes the characters left over, and surplus glyphs repeat the last one.
// Readers that apply /ActualText read the cluster's text from its span instead.
std::u32string_view part_of(std::u32string_view text, std::size_t k, std::size_t m) {
    if (text.empty()) return U"\uFFFD";  // no glyph of the cluster had text (never from shaping)
    const std::size_t at = std::min(k, text.size() - 1);
    return k + 1 == m ? text.substr(at) : text.substr(at, 1);
}

// Writes glyphs as TJ arrays, each at its absolute position: the adjustments come from where
// the viewer's pen is, so rounding never drifts.
//
// Every code written maps to text in ToUnicode (part_of). A cluster of several spacing glyphs
// (an Indic vowel sign drawn before its consonant, say) is one span with the cluster's text:
// extraction would otherwise see a gap after the glyph that carries the text, and read a
// space into the word.
//
// Text extraction (poppler) starts a new word at every change of baseline, and at a gap after
// a glyph, so a mark that sits above or below it, or one moved back over its base (a
// Devanagari vowel sign), would split its word. In the Text layer such a glyph is written
// invisible (Tr 3) on the baseline where the pen stands, carrying its text; the Marks layer
// then draws it visibly where it belongs, under the same code, in a span whose /ActualText is
// empty: its text is read once.
//
// A right-to-left run's clusters are written in reading order, right to left: readers that
// take text in the order it is written (MuPDF) read it in order, sentence after sentence;
// readers that sort by position are not affected.
std::string show(const GlyphRun& run, EmbeddedFont& font, double size, Layer layer) {
    const std::vector<PlacedGlyph>& glyphs = run.glyphs;
    const bool rtl = !run.logical.empty();
    // Whether each glyph is away from where the pen stands, and where the Text layer writes it.
    std::vector<char> off_baseline(glyphs.size(), 0);
    std::vector<double> target(glyphs.size(), 0);
    Pt next{0};  // where the layout's pen stands: after the last glyph that advanced
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        const PlacedGlyph& g = glyphs[i];
        const bool moved = g.advance() == Pt(0) && i > 0 && std::abs((g.x() - next).value()) > 0.0005;
        off_baseline[i] = g.y_offset() != Pt(0) || moved;
        if (g.advance() != Pt(0) || i == 0) next = g.x() + g.advance();
        // In the Text layer a detached mark stands just before where the pen is (before what
        // follows it, for readers that sort by position); the Marks layer puts it where it is
        // drawn.
        target[i] = layer == Layer::Text && moved ? next.value() - 0.01 : g.x().value();
    }
    // The Marks layer of a run with no mark off its baseline (most runs) draws nothing.
    if (layer == Layer::Marks && std::find(off_baseline.begin(), off_baseline.end(), 1) == off_baseline.end())
        return {};
    const std::vector<Cluster> clusters = clusters_of(run);
    std::string s = "[";
    double pen = 0;                              // where the viewer's pen is, in points from the origin
    std::size_t string_end = std::string::npos;  // just past the last string written
    int drawn = 0;
    const auto put = [&](const Cluster& c, std::size_t i, bool in_cluster) {
        const PlacedGlyph& g = glyphs[i];
        // A hyphen added at a line break reads as nothing.
        const bool added = g.kind == text::GlyphKind::Hyphen && layer == Layer::Text;
        if (added) s += "] TJ\n/Span <</ActualText ()>> BDC\n[";
        const auto [code, bytes, w, actual] = font.use(g.gid, part_of(c.text(run), i - c.begin, c.end - c.begin));
        // A glyph whose character id cannot carry this text (CFF fonts) says it in a span.
        const bool spanned = actual && !added && !in_cluster && layer == Layer::Text;
        if (spanned) s += "] TJ\n/Span <</ActualText " + text_token(*actual) + ">> BDC\n[";
        if (off_baseline[i])
            s += layer == Layer::Text ? std::string("] TJ\n3 Tr\n[") : "] TJ\n" + num(g.y_offset().value()) + " Ts\n[";
        const double delta = target[i] - pen;
        if (std::abs(delta) > 0.0005) {
            // TJ numbers are thousandths of an em, subtracted from the position.
            // A tenth of a thousandth of an em (at most 0.006 pt at 12 pt) is far below a
            // printer dot; the pen follows what is written, so no error adds up.
            const double adj = std::round(-delta * 1000.0 / size * 10.0) / 10.0;
            s += num(adj);
            pen += -adj * size / 1000.0;
        }
        // Glyphs with nothing between them share one string: "(Stem cell)". Codes are
        // bytes (one for an ASCII character, else two); the few that a literal string
        // cannot hold as they are get a backslash.
        if (s.size() == string_end)
            s.pop_back();
        else
            s.push_back('(');
        for (int b = bytes - 1; b >= 0; --b) {
            const auto byte = static_cast<char>((code >> (8 * b)) & 0xFF);
            if (byte == '(' || byte == ')' || byte == '\\') s.push_back('\\');
            if (byte == '\r')
                s += "\\r";
            else
                s.push_back(byte);
        }
        s.push_back(')');
        string_end = s.size();
        ++drawn;
        pen += static_cast<double>(w) * size / 1000.0;
        if (off_baseline[i]) s += layer == Layer::Text ? "] TJ\n0 Tr\n[" : "] TJ\n0 Ts\n[";
        if (added || spanned) s += "] TJ\nEMC\n[";
    };
    for (std::size_t n = 0; n < clusters.size(); ++n) {
        const Cluster& c = clusters[rtl ? clusters.size() - 1 - n : n];
        bool spacing = false;
        for (std::size_t i = c.begin + 1; i < c.end; ++i) spacing = spacing || glyphs[i].advance() > Pt(0);
        const bool span = spacing && layer == Layer::Text;
        if (span) s += "] TJ\n/Span <</ActualText " + text_token(c.text(run)) + ">> BDC\n[";
        for (std::size_t i = c.begin; i < c.end; ++i)
            if (layer == Layer::Text || off_baseline[i]) put(c, i, span);
        if (span) s += "] TJ\nEMC\n[";
    }
    if (layer == Layer::Marks) return drawn == 0 ? std::string() : "/Span <</ActualText ()>> BDC\n" + s + "] TJ\nEMC\n";
    return s + "] TJ\n";
}

// Draws one page's items; the state of its text between them.
class PageDrawer {
public:
    PageDrawer(const PagePlacement& at, Size size, DocumentResources& r, TextState& ts)
        : at_(at), size_(size), r_(r), ts_(ts) {}

    void draw(const std::vector<PageItem>& items, const std::vector<ItemTag>& tags);

private:
    [[nodiscard]] double flip(Pt y) const { return (size_.height - y).value(); }
    void write(const std::string& s) { write_content(at_.side, s); }
    void end_text();
    void glyph_run(const GlyphRun& run);
    void add_font_resource(const EmbeddedFont& font);
    std::string cells(const CellGrid& grid) const;
    void link(const std::vector<PageItem>& items, std::size_t index, const Link& it);
    void draw_image(HPDF_Image img, const Image& it);

    const PagePlacement& at_;
    Size size_;
    DocumentResources& r_;
    TextState& ts_;
};

void PageDrawer::end_text() {
    if (!ts_.open) return;
    HPDF_Page_EndText(at_.side);
    ts_.open = false;
}

void PageDrawer::add_font_resource(const EmbeddedFont& font) {
    auto* attr = static_cast<HPDF_PageAttr>(at_.side->attr);
    if (!attr->fonts) {
        HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(at_.side, "Resources", HPDF_OCLASS_DICT));
        HPDF_Dict fonts = HPDF_Dict_New(r_.pdf()->mmgr);
        HPDF_Dict_Add(resources, "Font", fonts);
        attr->fonts = fonts;
    }
    if (!HPDF_Dict_GetItem(attr->fonts, font.resource_name().c_str(), HPDF_OCLASS_DICT))
        HPDF_Dict_Add(attr->fonts, font.resource_name().c_str(), font.dict());
}

void PageDrawer::glyph_run(const GlyphRun& run) {
    if (run.glyphs.empty()) return;
    EmbeddedFont& font = r_.font_for(run.face);
    add_font_resource(font);
    const double size = run.size.value();
    std::string s;
    if (!ts_.open) {
        HPDF_Page_BeginText(at_.side);
        ts_.open = true;
        ts_.x = ts_.y = 0;  // BT starts at the origin
    }
    if (ts_.font != &font || ts_.size != size) {
        s += "/" + font.resource_name() + " " + num(size) + " Tf\n";
        ts_.font = &font;
        ts_.size = size;
    }
    if (!ts_.color || !(*ts_.color == run.color)) {
        s += r_.colour(run.color, Paint::Fill);
        ts_.color = run.color;
    }
    // Td moves from the last line's origin; the move written is the one remembered, so
    // rounding never accumulates down a paragraph.
    const auto move = [&](double x, double y) {
        const double dx = std::round((x - ts_.x) * 1000.0) / 1000.0, dy = std::round((y - ts_.y) * 1000.0) / 1000.0;
        ts_.x += dx;
        ts_.y += dy;
        return num(dx) + " " + num(dy) + " Td\n";
    };
    s += move(run.origin.x.value(), flip(run.origin.y));
    s += show(run, font, size, Layer::Text);
    const std::string marks = show(run, font, size, Layer::Marks);  // empty without marks
    if (!marks.empty()) s += "0 0 Td\n" + marks;                    // back to the line's start
    write(s);
}

// A cell grid as one path in cell units (a cell is 1 by 1, rows going down from the grid's
// top-left corner) of rectangles (cell_rectangles), filled once: a QR code is a few hundred
// bytes, and one fill leaves no seams between its cells.
std::string PageDrawer::cells(const CellGrid& grid) const {
    const Size cell = grid.cell();
    std::string s = "q\n" + num(cell.width.value(), 5) + " 0 0 " + num(-cell.height.value(), 5) + " " +
                    num(grid.rect.x.value()) + " " + num(flip(grid.rect.y)) + " cm\n" +
                    r_.colour(grid.color, Paint::Fill);
    for (const CellRect& c : cell_rectangles(grid))
        s += std::to_string(c.column) + " " + std::to_string(c.row) + " " + std::to_string(c.width) + " " +
             std::to_string(c.height) + " re\n";
    return s + "f\nQ\n";
}

// A picture in its rectangle, stood upright by its placement matrix: the stored pixels are
// turned and mirrored as their orientation says, never decoded and turned again.
void PageDrawer::draw_image(HPDF_Image img, const Image& it) {
    const double x = it.rect.x.value(), y0 = flip(it.rect.bottom());
    const double w = it.rect.width.value(), h = it.rect.height.value();
    if (!it.raster || it.raster->orientation == 1) {
        HPDF_Page_DrawImage(at_.side, img, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y0),
                            static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
        return;
    }
    // The image's unit square (s right, t up) is the stored picture with u = s, v = 1 - t;
    // the shown picture's (x, y down) lands at (x + w x, y0 + h (1 - y)) on the page.
    const auto m = orientation_matrix(it.raster->orientation);
    const auto r = [](double v) { return static_cast<HPDF_REAL>(v); };
    HPDF_Page_GSave(at_.side);
    HPDF_Page_Concat(at_.side, r(w * m[0]), r(-h * m[3]), r(-w * m[1]), r(h * m[4]), r(x + w * (m[1] + m[2])),
                     r(y0 + h * (1 - m[4] - m[5])));
    HPDF_Page_ExecuteXObject(at_.side, img);
    HPDF_Page_GRestore(at_.side);
}

// A link's annotation. What it says to a reader: the text of the run it covers, and where it goes.
void PageDrawer::link(const std::vector<PageItem>& items, std::size_t index, const Link& it) {
    // Annotations are placed on the side, not in the page's moved space.
    const SheetSlot& slot = at_.slot;
    HPDF_Rect rect{
        static_cast<HPDF_REAL>(it.rect.x.value() + slot.tx), static_cast<HPDF_REAL>(flip(it.rect.bottom()) + slot.ty),
        static_cast<HPDF_REAL>(it.rect.right().value() + slot.tx), static_cast<HPDF_REAL>(flip(it.rect.y) + slot.ty)};
    HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(at_.side, rect, it.uri.c_str());
    if (!a) return;
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    HPDF_Dict_AddNumber(a, "F", 4);  // printed, as PDF/A asks
    std::u32string text;
    if (index > 0)
        if (const auto* run = std::get_if<GlyphRun>(&items[index - 1])) text += run->text;
    const std::string shown = utf8::encode(text);
    HPDF_Dict_Add(a, "Contents", text_string(r_.pdf(), shown.empty() ? it.uri : shown + " (" + it.uri + ")"));
    r_.annotations[{at_.page, static_cast<int>(index)}] = a;
}

void PageDrawer::draw(const std::vector<PageItem>& items, const std::vector<ItemTag>& tags) {
    const bool print = r_.print();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const PageItem& item = items[i];
        // PDF/X-4 allows no annotation on the printed area, and paper has no links: in print
        // a link is its text alone (the plan made no Link elements).
        if (print && std::holds_alternative<Link>(item)) continue;
        ItemTag tag = tags[i];
        if (tag.kind == ItemTag::Kind::Content) tag.mcid += at_.mcid_offset;
        const auto* run = std::get_if<GlyphRun>(&item);
        // A sequence spans the items that share its MCID (a figure's shapes), or artifacts of
        // one kind that follow one another (a footer's pieces).
        const auto same = [&](std::size_t k) {
            if (k >= tags.size() || tags[k].kind != tags[i].kind) return false;
            if (tags[i].kind == ItemTag::Kind::Content) return tags[k].mcid == tags[i].mcid;
            return tags[i].kind != ItemTag::Kind::Annotation && (!print || !std::holds_alternative<Link>(items[k]));
        };
        const bool opens = !(i > 0 && same(i - 1));
        const bool closes = !same(i + 1);
        const std::string open = opens ? open_marked(*at_.elements, tag, run ? run->logical : std::u32string()) : "";
        if (opens || !run) end_text();
        if (!run) ts_.color.reset();
        if (!open.empty()) write(open);
        std::visit(
            [&](const auto& it) {
                using T = std::decay_t<decltype(it)>;
                if constexpr (std::is_same_v<T, GlyphRun>) {
                    glyph_run(it);
                } else if constexpr (std::is_same_v<T, Box>) {
                    // A filled band at the sheet's edge runs on into the bleed.
                    const auto b = print && it.fill && !it.stroke && at_.geometry
                                       ? into_bleed(it.rect, size_, at_.slot, at_.geometry->bleed)
                                       : it.rect;
                    const auto x = static_cast<HPDF_REAL>(b.x.value());
                    const auto y = static_cast<HPDF_REAL>(flip(b.bottom()));
                    const auto w = static_cast<HPDF_REAL>(b.width.value());
                    const auto h = static_cast<HPDF_REAL>(b.height.value());
                    if (it.fill) write(r_.colour(*it.fill, Paint::Fill));
                    if (it.stroke) {
                        write(r_.colour(*it.stroke, Paint::Stroke));
                        HPDF_Page_SetLineWidth(at_.side, static_cast<HPDF_REAL>(it.stroke_width.value()));
                    }
                    HPDF_Page_Rectangle(at_.side, x, y, w, h);
                    if (it.fill && it.stroke)
                        HPDF_Page_FillStroke(at_.side);
                    else if (it.fill)
                        HPDF_Page_Fill(at_.side);
                    else
                        HPDF_Page_Stroke(at_.side);
                } else if constexpr (std::is_same_v<T, Rule>) {
                    write(r_.colour(it.color, Paint::Stroke));
                    HPDF_Page_SetLineWidth(at_.side, static_cast<HPDF_REAL>(it.thickness.value()));
                    HPDF_Page_MoveTo(at_.side, static_cast<HPDF_REAL>(it.from.x.value()),
                                     static_cast<HPDF_REAL>(flip(it.from.y)));
                    HPDF_Page_LineTo(at_.side, static_cast<HPDF_REAL>(it.to.x.value()),
                                     static_cast<HPDF_REAL>(flip(it.to.y)));
                    HPDF_Page_Stroke(at_.side);
                } else if constexpr (std::is_same_v<T, Image>) {
                    if (HPDF_Image img = r_.image_for(it.raster)) draw_image(img, it);
                } else if constexpr (std::is_same_v<T, CellGrid>) {
                    write(cells(it));
                } else if constexpr (std::is_same_v<T, Link>) {
                    link(items, i, it);
                }
            },
            item);
        if (closes) end_text();
        if (closes && tag.kind != ItemTag::Kind::Annotation) write("EMC\n");
    }
    end_text();
}

}  // namespace

void enter_slot(HPDF_Page side, const SheetSlot& slot) {
    if (slot.tx != 0 || slot.ty != 0) write_content(side, "q\n1 0 0 1 " + num(slot.tx) + " " + num(slot.ty) + " cm\n");
}

void leave_slot(HPDF_Page side, const SheetSlot& slot) {
    if (slot.tx != 0 || slot.ty != 0) write_content(side, "Q\n");
}

void draw_items(const PagePlacement& at, Size size, const std::vector<PageItem>& items,
                const std::vector<ItemTag>& tags, DocumentResources& resources, TextState& state) {
    PageDrawer(at, size, resources, state).draw(items, tags);
}

std::string mark_operators(const std::vector<MarkLine>& marks) {
    std::string s;
    const auto stroke = [&](bool dashed) {
        for (const MarkLine& m : marks)
            if (m.dashed == dashed) s += num(m.x0) + " " + num(m.y0) + " m " + num(m.x1) + " " + num(m.y1) + " l\n";
    };
    if (marks.empty()) return s;
    stroke(false);
    s += "S\n";
    if (std::none_of(marks.begin(), marks.end(), [](const MarkLine& m) { return m.dashed; })) return s;
    s += "[3 2] 0 d\n";
    stroke(true);
    return s + "S\n";
}

}  // namespace leafpress::pdf
