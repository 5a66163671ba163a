#include "pdf/write_pdf.hpp"

#include <algorithm>
#include <cmath>
#include <array>
#include <map>
#include <memory>

#include "core/utf8.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/deflate.hpp"
#include "pdf/pack_objects.hpp"
#include "pdf/sheets.hpp"
#include "pdf/pdf_objects.hpp"
#include "pdf/structure.hpp"
#include "pdf/tags.hpp"

namespace leafpress {

namespace {

struct ErrorState {
    HPDF_STATUS code = 0;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* e = static_cast<ErrorState*>(user);
    if (e->code == 0) {
        e->code = code;
        e->detail = detail;
    }
}

class Writer {
public:
    Writer(LaidOut& doc, const PdfOptions& options) : doc_(doc), options_(options) {
        pdf_ = HPDF_New(on_error, &error_);
        if (pdf_) HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
    }
    ~Writer() {
        if (pdf_) HPDF_Free(pdf_);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    std::optional<std::vector<std::uint8_t>> run(Diagnostics& diags) {
        if (!pdf_) {
            diags.error("pdf.init", {}, "libharu could not start");
            return std::nullopt;
        }
        plan_ = pdf::plan_tags(doc_, print() ? pdf::Links::TextOnly : pdf::Links::Annotated);
        const pdf::PrintGeometry geometry;
        const auto sides = pdf::sheet_sides(doc_, print() ? &geometry : nullptr);
        written_.reading.resize(doc_.pages.size());
        for (std::size_t s = 0; s < sides.size(); ++s) written_.pages.push_back(render_side(sides[s], static_cast<int>(s), geometry));
        outline(written_.pages);
        metadata();
        const auto& info = doc_.info;
        pdf::OutputIntent intent;
        if (print()) {
            intent = {options_.print->profile(), 4, options_.print->description(), pdf::OutputIntent::Standard::PdfX4};
        } else if (!options_.srgb_profile.empty()) {
            intent = {options_.srgb_profile, 3, "sRGB IEC61966-2.1", pdf::OutputIntent::Standard::PdfA};
        }
        pdf::write_metadata(pdf_, {info.title, info.author, info.subject, info.keywords, info.language, date()}, intent);
        if (doc_.sheet.duplex != Duplex::Unspecified) {
            HPDF_Dict prefs = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(pdf_->catalog, "ViewerPreferences", HPDF_OCLASS_DICT));
            if (prefs)
                HPDF_Dict_Add(prefs, "Duplex", pdf::name(pdf_, doc_.sheet.duplex == Duplex::FlipShortEdge ? "DuplexFlipShortEdge"
                                                                                                           : "DuplexFlipLongEdge"));
        }
        for (const text::Face* face : fonts_order_) {  // creation order: object numbers stay stable
            std::string err;
            pdf::EmbeddedFont& font = *fonts_.at(face);
            if (font.uses_byte_codes() && !byte_codes_) {
                byte_codes_ = pdf::byte_codes_cmap(pdf_);
                to_unicode_ = pdf::shared_to_unicode(pdf_, codes_);
            }
            if (!font.finish(byte_codes_, to_unicode_, err)) {
                diags.error("pdf.font", {face->path(), 0, 0}, err);
                return std::nullopt;
            }
        }
        // The structure tree last, written as text after libharu's objects (see pack_objects).
        pdf::ExtraObjects tree;
        tree.first = static_cast<unsigned>(pdf_->xref->entries->count);
        tree.bodies = pdf::write_structure(pdf_, plan_, written_, tree.first);
        tree.catalog = "\n/StructTreeRoot " + std::to_string(tree.first) + " 0 R";
        if (error_.code != 0) {
            char buf[80];
            std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error_.code),
                          static_cast<unsigned>(error_.detail));
            diags.error("pdf.write", {}, buf);
            return std::nullopt;
        }
        if (HPDF_SaveToStream(pdf_) != HPDF_OK) {
            diags.error("pdf.write", {}, "libharu could not write the document");
            return std::nullopt;
        }
        std::vector<std::uint8_t> bytes(HPDF_GetStreamSize(pdf_));
        HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
        HPDF_ReadFromStream(pdf_, bytes.data(), &size);
        bytes.resize(size);
        std::string problem;
        auto packed = pdf::pack_objects(bytes, tree, problem);
        if (!packed) {
            diags.error("pdf.pack", {}, "the PDF could not be finished: " + problem);
            return std::nullopt;
        }
        bytes = std::move(*packed);
        stamp_id(bytes);
        return bytes;
    }

    // The trailer's /ID (written as two placeholders of zeros) becomes a fingerprint of every
    // other byte of the file. The trailer (or cross-reference stream's dictionary) is the last
    // thing in the file, so no offset moves.
    static void stamp_id(std::vector<std::uint8_t>& bytes) {
        static const std::string zeros = "<" + std::string(32, '0') + ">";
        const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        const std::size_t trailer = text.rfind("/ID");
        if (trailer == std::string_view::npos) return;
        std::vector<std::size_t> at;
        for (std::size_t p = text.find(zeros, trailer); p != std::string_view::npos && at.size() < 2; p = text.find(zeros, p + 1))
            at.push_back(p);
        if (at.size() != 2) return;
        const auto id = pdf::fingerprint(text);
        static constexpr char digits[] = "0123456789ABCDEF";
        for (std::size_t p : at)
            for (std::size_t i = 0; i < 16; ++i) {
                bytes[p + 1 + 2 * i] = static_cast<std::uint8_t>(digits[id[i] >> 4]);
                bytes[p + 2 + 2 * i] = static_cast<std::uint8_t>(digits[id[i] & 0xF]);
            }
    }

private:
    static double flip(const Page& p, Pt y) { return (p.size.height - y).value(); }

    void write(HPDF_Page page, const std::string& s) {
        auto* attr = static_cast<HPDF_PageAttr>(page->attr);
        // With its length: a two-byte character code may hold a zero byte.
        HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size()));
    }

    pdf::EmbeddedFont& font_for(const text::Face* face) {
        auto it = fonts_.find(face);
        if (it != fonts_.end()) return *it->second;
        auto f = std::make_unique<pdf::EmbeddedFont>(pdf_, *face, "F" + std::to_string(fonts_.size() + 1), codes_);
        auto& ref = *f;
        fonts_order_.push_back(face);
        fonts_.emplace(face, std::move(f));
        return ref;
    }

    void add_font_resource(HPDF_Page page, const pdf::EmbeddedFont& font) {
        auto* attr = static_cast<HPDF_PageAttr>(page->attr);
        if (!attr->fonts) {
            HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
            HPDF_Dict fonts = HPDF_Dict_New(pdf_->mmgr);
            HPDF_Dict_Add(resources, "Font", fonts);
            attr->fonts = fonts;
        }
        if (!HPDF_Dict_GetItem(attr->fonts, font.resource_name().c_str(), HPDF_OCLASS_DICT))
            HPDF_Dict_Add(attr->fonts, font.resource_name().c_str(), font.dict());
    }

    enum class Layer { Text, Marks };

    // Writes glyphs as one TJ array, each at its absolute position: the adjustments come from
    // where the viewer's pen is, so rounding never drifts.
    //
    // Text extraction (poppler) starts a new word at every change of baseline, and at a gap
    // after a glyph, so a mark that sits above or below it, or one moved back over its base
    // (a Devanagari vowel sign), would split its word. In the Text layer such a glyph is
    // written invisible (Tr 3) on the baseline where the pen stands, carrying its text; the
    // Marks layer then draws it visibly where it belongs, under a character id that stands
    // for no text.
    static std::string show(const GlyphRun& run, pdf::EmbeddedFont& font, double size, Layer layer) {
        const std::vector<PlacedGlyph>& glyphs = run.glyphs;
        std::string s = "[";
        double pen = 0;  // where the viewer's pen is, in points from the origin
        Pt next{0};      // where the layout's pen stands: after the last glyph that advanced
        std::size_t cluster_end = 0;  // past the last glyph of an open cluster span
        std::size_t string_end = std::string::npos;  // just past the last string written
        int drawn = 0;
        for (std::size_t i = 0; i < glyphs.size(); ++i) {
            const PlacedGlyph& g = glyphs[i];
            const bool moved = g.advance() == Pt(0) && i > 0 && std::abs((g.x() - next).value()) > 0.0005;
            const bool off_baseline = g.y_offset() != Pt(0) || moved;
            if (g.advance() != Pt(0) || i == 0) next = g.x() + g.advance();
            if (layer == Layer::Marks && !off_baseline) continue;
            // A cluster of several spacing glyphs (an Indic vowel sign drawn before its
            // consonant, say) is one span with the cluster's text: extraction would otherwise
            // see a gap after the glyph that carries the text, and read a space into the word.
            if (layer == Layer::Text && i >= cluster_end && g.text_length > 0 && g.kind == text::GlyphKind::Text) {
                std::size_t e = i + 1;
                bool spacing = false;
                while (e < glyphs.size() && glyphs[e].text_length == 0 && glyphs[e].kind == text::GlyphKind::Text) {
                    spacing = spacing || glyphs[e].advance() > Pt(0);
                    ++e;
                }
                if (spacing) {
                    s += "] TJ\n/Span <</ActualText " + pdf::text_token(run.text_of(g)) + ">> BDC\n[";
                    cluster_end = e;
                }
            }
            const bool in_cluster = i < cluster_end;
            // A hyphen added at a line break reads as nothing.
            const bool added = g.kind == text::GlyphKind::Hyphen && layer == Layer::Text;
            if (added) s += "] TJ\n/Span <</ActualText ()>> BDC\n[";
            const auto [code, bytes, w, actual] =
                font.use(g.gid, layer == Layer::Text && !in_cluster ? run.text_of(g) : std::u32string_view());
            // A glyph whose character id cannot carry this text (CFF fonts) says it in a span.
            const bool spanned = actual && !added && !in_cluster;
            if (spanned) s += "] TJ\n/Span <</ActualText " + pdf::text_token(*actual) + ">> BDC\n[";
            if (off_baseline) {
                s += layer == Layer::Text ? std::string("] TJ\n3 Tr\n[")
                                          : "] TJ\n" + pdf::num(g.y_offset().value()) + " Ts\n[";
            }
            // In the Text layer a detached mark stands just before where the pen is (before what
            // follows it, for readers that sort by position); the Marks layer puts it
            // where it is drawn.
            const double target = layer == Layer::Text && moved ? next.value() - 0.01 : g.x().value();
            const double delta = target - pen;
            if (std::abs(delta) > 0.0005) {
                // TJ numbers are thousandths of an em, subtracted from the position.
                // A tenth of a thousandth of an em (at most 0.006 pt at 12 pt) is far below a
                // printer dot; the pen follows what is written, so no error adds up.
                const double adj = std::round(-delta * 1000.0 / size * 10.0) / 10.0;
                s += pdf::num(adj);
                pen += -adj * size / 1000.0;
            }
            // Glyphs with nothing between them share one string: "(Stem cell)". Codes are
            // bytes (one for an ASCII character, else two); the few that a literal string
            // cannot hold as they are get a backslash.
            if (s.size() == string_end) s.pop_back();
            else s.push_back('(');
            for (int b = bytes - 1; b >= 0; --b) {
                const auto byte = static_cast<char>((code >> (8 * b)) & 0xFF);
                if (byte == '(' || byte == ')' || byte == '\\') s.push_back('\\');
                if (byte == '\r') s += "\\r";
                else s.push_back(byte);
            }
            s.push_back(')');
            string_end = s.size();
            ++drawn;
            pen += static_cast<double>(w) * size / 1000.0;
            if (off_baseline) s += layer == Layer::Text ? "] TJ\n0 Tr\n[" : "] TJ\n0 Ts\n[";
            if (added || spanned) s += "] TJ\nEMC\n[";
            if (in_cluster && i + 1 == cluster_end) s += "] TJ\nEMC\n[";
        }
        if (drawn == 0 && layer == Layer::Marks) return {};
        return s + "] TJ\n";
    }

    // What the page's content stream has set so far, so that the lines of a paragraph share
    // one text object and say only what changes: a font or colour once, then relative moves.
    struct TextState {
        bool open = false;                 // inside BT ... ET
        const pdf::EmbeddedFont* font = nullptr;  // Tf (kept across text objects)
        double size = 0;
        std::optional<Color> color;        // rg; forgotten when anything else is drawn
        double x = 0, y = 0;               // the line origin the last Td set, as written
    };

    void end_text(HPDF_Page page, TextState& ts) {
        if (!ts.open) return;
        HPDF_Page_EndText(page);
        ts.open = false;
    }

    void glyph_run(HPDF_Page page, const Page& p, const GlyphRun& run, TextState& ts) {
        if (run.glyphs.empty()) return;
        pdf::EmbeddedFont& font = font_for(run.face);
        add_font_resource(page, font);
        const double size = run.size.value();
        std::string s;
        if (!ts.open) {
            HPDF_Page_BeginText(page);
            ts.open = true;
            ts.x = ts.y = 0;  // BT starts at the origin
        }
        if (ts.font != &font || ts.size != size) {
            s += "/" + font.resource_name() + " " + pdf::num(size) + " Tf\n";
            ts.font = &font;
            ts.size = size;
        }
        if (!ts.color || !(*ts.color == run.color)) {
            s += colour(run.color, Paint::Fill);
            ts.color = run.color;
        }
        // Td moves from the last line's origin; the move written is the one remembered, so
        // rounding never accumulates down a paragraph.
        const auto move = [&](double x, double y) {
            const double dx = std::round((x - ts.x) * 1000.0) / 1000.0, dy = std::round((y - ts.y) * 1000.0) / 1000.0;
            ts.x += dx;
            ts.y += dy;
            return pdf::num(dx) + " " + pdf::num(dy) + " Td\n";
        };
        s += move(run.origin.x.value(), flip(p, run.origin.y));
        s += show(run, font, size, Layer::Text);
        const std::string marks = show(run, font, size, Layer::Marks);  // empty without marks
        if (!marks.empty()) s += "0 0 Td\n" + marks;                   // back to the line's start
        write(page, s);
    }

    [[nodiscard]] bool print() const { return options_.print != nullptr; }

    enum class Paint { Fill, Stroke };

    // The operator that sets a colour: sRGB on screen, the print profile's CMYK in print.
    std::string colour(const Color& c, Paint paint) const {
        if (print()) {
            const Cmyk k = options_.print->convert(c);
            return pdf::num(k.c, 4) + " " + pdf::num(k.m, 4) + " " + pdf::num(k.y, 4) + " " + pdf::num(k.k, 4) +
                   (paint == Paint::Fill ? " k\n" : " K\n");
        }
        // Three decimals tell 8-bit colours apart; a grey is DeviceGray (PDF/A allows it where
        // there is an output intent, as here).
        if (c.r == c.g && c.g == c.b) return pdf::num(c.r) + (paint == Paint::Fill ? " g\n" : " G\n");
        return pdf::num(c.r) + " " + pdf::num(c.g) + " " + pdf::num(c.b) + (paint == Paint::Fill ? " rg\n" : " RG\n");
    }

    // An image XObject for decoded pixels, made once per raster; alpha becomes a soft mask.
    HPDF_Image image_for(const std::shared_ptr<const Raster>& raster) {
        if (!raster) return nullptr;
        auto it = images_.find(raster.get());
        if (it != images_.end()) return it->second;
        const auto w = static_cast<HPDF_UINT>(raster->width), h = static_cast<HPDF_UINT>(raster->height);
        HPDF_Image img = nullptr;
        if (raster->channels == 1) {
            img = HPDF_LoadRawImageFromMem(pdf_, raster->pixels.data(), w, h, HPDF_CS_DEVICE_GRAY, 8);
        } else if (print()) {
            const auto cmyk = options_.print->convert_pixels(raster->pixels);
            img = HPDF_LoadRawImageFromMem(pdf_, cmyk.data(), w, h, HPDF_CS_DEVICE_CMYK, 8);
        } else {
            img = HPDF_LoadRawImageFromMem(pdf_, raster->pixels.data(), w, h, HPDF_CS_DEVICE_RGB, 8);
        }
        if (img && !raster->alpha.empty()) {
            HPDF_Image mask = HPDF_LoadRawImageFromMem(pdf_, raster->alpha.data(), w, h, HPDF_CS_DEVICE_GRAY, 8);
            if (mask) HPDF_Image_AddSMask(img, mask);
        }
        images_[raster.get()] = img;
        return img;
    }

    // A finished page's content stream compressed now, with libdeflate: faster than libharu's
    // zlib at saving, and the document then holds the compressed bytes only.
    static void compress_content(HPDF_Page page) {
        auto* attr = static_cast<HPDF_PageAttr>(page->attr);
        HPDF_Stream stream = attr->stream;
        HPDF_UINT32 size = HPDF_Stream_Size(stream);
        std::string raw(size, '\0');
        if (HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
            HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(raw.data()), &size) != HPDF_OK || size != raw.size())
            return;  // left for libharu to compress
        const std::string packed = pdf::deflate(raw);
        if (packed.empty()) return;
        HPDF_MemStream_FreeData(stream);
        HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()), static_cast<HPDF_UINT>(packed.size()));
        attr->contents->filter = HPDF_STREAM_FILTER_NONE;
        pdf::mark_precompressed(attr->contents);
    }

    static HPDF_Array box(HPDF_Doc pdf, const std::array<double, 4>& r) {
        HPDF_Array a = HPDF_Array_New(pdf->mmgr);
        for (double v : r) HPDF_Array_AddReal(a, static_cast<HPDF_REAL>(v));
        return a;
    }

    // One printed side: its reading pages, each moved to its place; in print, the trim and
    // bleed boxes and the printer's marks.
    HPDF_Page render_side(const pdf::SheetSide& side, int index, const pdf::PrintGeometry& geometry) {
        HPDF_Page page = HPDF_AddPage(pdf_);
        // libharu names the procedure sets of PDF 1.3 and before, which readers ignore.
        if (HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT)))
            HPDF_Dict_RemoveElement(resources, "ProcSet");
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(side.width));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(side.height));
        if (print()) {
            HPDF_Dict_Add(page, "TrimBox", box(pdf_, side.trim));
            HPDF_Dict_Add(page, "BleedBox", box(pdf_, side.bleed));
            // Registration-free marks: black ink alone, hairline.
            write(page, "/Artifact BMC\nq\n0 0 0 1 K\n0.25 w\n" + side.marks + "Q\nEMC\n");
        }
        // A side of blank pages (a one-page booklet's back) still has a content stream that
        // decompresses: libharu writes no data at all for an empty one.
        if (side.slots.empty() && side.marks.empty()) write(page, "q Q\n");
        int mcids = 0;
        for (const pdf::SheetSlot& slot : side.slots) {
            auto& r = written_.reading[static_cast<std::size_t>(slot.page)];
            r = {index, mcids, slot.tx, slot.ty, doc_.pages[static_cast<std::size_t>(slot.page)].size.height.value()};
            for (const pdf::ItemTag& t : plan_.pages[static_cast<std::size_t>(slot.page)])
                if (t.kind == pdf::ItemTag::Kind::Content) mcids = std::max(mcids, r.mcid_offset + t.mcid + 1);
            const bool moved = slot.tx != 0 || slot.ty != 0;
            if (moved) write(page, "q\n1 0 0 1 " + pdf::num(slot.tx) + " " + pdf::num(slot.ty) + " cm\n");
            render_items(page, slot, geometry);
            if (moved) write(page, "Q\n");
            std::vector<PageItem>().swap(doc_.pages[static_cast<std::size_t>(slot.page)].items);
        }
        compress_content(page);
        return page;
    }

    void render_items(HPDF_Page page, const pdf::SheetSlot& slot, const pdf::PrintGeometry& geometry) {
        const auto index = static_cast<std::size_t>(slot.page);
        const Page& p = doc_.pages[index];
        const int mcid_offset = written_.reading[index].mcid_offset;
        TextState ts;
        for (std::size_t i = 0; i < p.items.size(); ++i) {
            const PageItem& item = p.items[i];
            // PDF/X-4 allows no annotation on the printed area, and paper has no links: in print
            // a link is its text alone (the plan made no Link elements).
            if (print() && std::holds_alternative<Link>(item)) continue;
            const auto& tags = plan_.pages[index];
            pdf::ItemTag tag = tags[i];
            if (tag.kind == pdf::ItemTag::Kind::Content) tag.mcid += mcid_offset;
            const auto* run = std::get_if<GlyphRun>(&item);
            // A sequence spans the items that share its MCID (a figure's shapes), or artifacts of
            // one kind that follow one another (a footer's pieces).
            const auto same = [&](std::size_t k) {
                if (k >= tags.size() || tags[k].kind != tags[i].kind) return false;
                if (tags[i].kind == pdf::ItemTag::Kind::Content) return tags[k].mcid == tags[i].mcid;
                return tags[i].kind != pdf::ItemTag::Kind::Annotation &&
                       (!print() || !std::holds_alternative<Link>(p.items[k]));
            };
            const bool opens = !(i > 0 && same(i - 1));
            const bool closes = !same(i + 1);
            const std::string open = opens ? pdf::open_marked(plan_, tag, run ? run->logical : std::u32string()) : "";
            if (opens || !run) end_text(page, ts);
            if (!run) ts.color.reset();
            if (!open.empty()) write(page, open);
            std::visit(
                [&](const auto& it) {
                    using T = std::decay_t<decltype(it)>;
                    if constexpr (std::is_same_v<T, GlyphRun>) {
                        glyph_run(page, p, it, ts);
                    } else if constexpr (std::is_same_v<T, Box>) {
                        // A filled band at the sheet's edge runs on into the bleed.
                        const auto r = print() && it.fill && !it.stroke ? pdf::into_bleed(it.rect, p.size, slot, geometry.bleed) : it.rect;
                        const auto x = static_cast<HPDF_REAL>(r.x.value());
                        const auto y = static_cast<HPDF_REAL>(flip(p, r.bottom()));
                        const auto w = static_cast<HPDF_REAL>(r.width.value());
                        const auto h = static_cast<HPDF_REAL>(r.height.value());
                        if (it.fill) write(page, colour(*it.fill, Paint::Fill));
                        if (it.stroke) {
                            write(page, colour(*it.stroke, Paint::Stroke));
                            HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(it.stroke_width.value()));
                        }
                        HPDF_Page_Rectangle(page, x, y, w, h);
                        if (it.fill && it.stroke) HPDF_Page_FillStroke(page);
                        else if (it.fill) HPDF_Page_Fill(page);
                        else HPDF_Page_Stroke(page);
                    } else if constexpr (std::is_same_v<T, Rule>) {
                        write(page, colour(it.color, Paint::Stroke));
                        HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(it.thickness.value()));
                        HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(it.from.x.value()),
                                         static_cast<HPDF_REAL>(flip(p, it.from.y)));
                        HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(it.to.x.value()),
                                         static_cast<HPDF_REAL>(flip(p, it.to.y)));
                        HPDF_Page_Stroke(page);
                    } else if constexpr (std::is_same_v<T, Image>) {
                        if (HPDF_Image img = image_for(it.raster)) {
                            HPDF_Page_DrawImage(page, img, static_cast<HPDF_REAL>(it.rect.x.value()),
                                                static_cast<HPDF_REAL>(flip(p, it.rect.bottom())),
                                                static_cast<HPDF_REAL>(it.rect.width.value()),
                                                static_cast<HPDF_REAL>(it.rect.height.value()));
                        }
                    } else if constexpr (std::is_same_v<T, CellGrid>) {
                        write(page, cells(p, it));
                    } else if constexpr (std::is_same_v<T, Link>) {
                        // Annotations are placed on the side, not in the page's moved space.
                        HPDF_Rect r{static_cast<HPDF_REAL>(it.rect.x.value() + slot.tx),
                                    static_cast<HPDF_REAL>(flip(p, it.rect.bottom()) + slot.ty),
                                    static_cast<HPDF_REAL>(it.rect.right().value() + slot.tx),
                                    static_cast<HPDF_REAL>(flip(p, it.rect.y) + slot.ty)};
                        HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, r, it.uri.c_str());
                        if (a) {
                            HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
                            HPDF_Dict_AddNumber(a, "F", 4);  // printed, as PDF/A asks
                            HPDF_Dict_Add(a, "Contents", pdf::text_string(pdf_, link_text(p, i, it.uri)));
                            written_.annotations[{static_cast<int>(index), static_cast<int>(i)}] = a;
                        }
                    }
                },
                item);
            if (closes) end_text(page, ts);
            if (closes && tag.kind != pdf::ItemTag::Kind::Annotation) write(page, "EMC\n");
        }
        end_text(page, ts);
    }

    // A cell grid as one path in cell units (a cell is 1 by 1, rows going down from the grid's
    // top-left corner) of rectangles (cell_rectangles), filled once: a QR code is a few hundred
    // bytes, and one fill leaves no seams between its cells.
    std::string cells(const Page& p, const CellGrid& grid) const {
        const Size cell = grid.cell();
        std::string s = "q\n" + pdf::num(cell.width.value(), 5) + " 0 0 " + pdf::num(-cell.height.value(), 5) + " " +
                        pdf::num(grid.rect.x.value()) + " " + pdf::num(flip(p, grid.rect.y)) + " cm\n" +
                        colour(grid.color, Paint::Fill);
        for (const CellRect& r : cell_rectangles(grid))
            s += std::to_string(r.column) + " " + std::to_string(r.row) + " " + std::to_string(r.width) + " " +
                 std::to_string(r.height) + " re\n";
        return s + "f\nQ\n";
    }

    // What a link says to a reader: the text of the run it covers, and where it goes.
    static std::string link_text(const Page& p, std::size_t link_index, const std::string& uri) {
        std::u32string text;
        if (link_index > 0)
            if (const auto* run = std::get_if<GlyphRun>(&p.items[link_index - 1]))
                text += run->text;
        const std::string shown = utf8::encode(text);
        return shown.empty() ? uri : shown + " (" + uri + ")";
    }

    std::string date() const { return options_.source_date.empty() ? doc_.info.date : options_.source_date; }

    void outline(const std::vector<HPDF_Page>& pages) {
        if (doc_.outline.empty()) return;
        for (const auto& e : doc_.outline) {
            HPDF_Outline o = HPDF_CreateOutline(pdf_, nullptr, "-", nullptr);
            if (!o) continue;
            HPDF_Dict_RemoveElement(o, "Type");  // an outline item has none (only the outline's root)
            HPDF_Dict_Add(o, "Title", pdf::text_string(pdf_, e.title));
            const auto& at = written_.reading[static_cast<std::size_t>(e.page)];
            const auto page = pages[static_cast<std::size_t>(at.side)];
            HPDF_Destination d = HPDF_Page_CreateDestination(page);
            const Page& p = doc_.pages[static_cast<std::size_t>(e.page)];
            HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(flip(p, e.y) + at.ty));
            HPDF_Outline_SetDestination(o, d);
        }
        HPDF_SetPageMode(pdf_, HPDF_PAGE_MODE_USE_OUTLINE);
    }

    void metadata() {
        const auto& info = doc_.info;
        // libharu makes the Info dictionary on first use; strings are then replaced by UTF-16 ones.
        HPDF_SetInfoAttr(pdf_, HPDF_INFO_PRODUCER, "leafpress");
        HPDF_Dict dict = pdf_->info;
        const auto set = [&](const char* key, const std::string& v) {
            if (!v.empty()) HPDF_Dict_Add(dict, key, pdf::text_string(pdf_, v));
        };
        set("Title", info.title);
        set("Author", info.author);
        set("Subject", info.subject);
        set("Keywords", info.keywords);
        set("Creator", "leafpress");
        const std::string date = options_.source_date.empty() ? info.date : options_.source_date;
        if (date.size() == 10) {
            HPDF_Date d{};
            d.year = std::stoi(date.substr(0, 4));
            d.month = std::stoi(date.substr(5, 2));
            d.day = std::stoi(date.substr(8, 2));
            d.ind = 'Z';
            HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_CREATION_DATE, d);
            HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_MOD_DATE, d);
        }
        if (!info.language.empty()) HPDF_Dict_Add(pdf_->catalog, "Lang", HPDF_String_New(pdf_->mmgr, info.language.c_str(), nullptr));
        // The document ID is made from the written bytes (see run()): the same leaflet always
        // gets the same ID. Here a placeholder of the same length holds its place.
        const std::array<HPDF_BYTE, 16> id{};
        HPDF_Array ids = HPDF_Array_New(pdf_->mmgr);
        HPDF_Array_Add(ids, HPDF_Binary_New(pdf_->mmgr, const_cast<HPDF_BYTE*>(id.data()), 16));
        HPDF_Array_Add(ids, HPDF_Binary_New(pdf_->mmgr, const_cast<HPDF_BYTE*>(id.data()), 16));
        HPDF_Dict_Add(pdf_->trailer, "ID", ids);
    }

    LaidOut& doc_;  // each page's items are released once it is written
    const PdfOptions& options_;
    ErrorState error_;
    HPDF_Doc pdf_ = nullptr;
    std::map<const text::Face*, std::unique_ptr<pdf::EmbeddedFont>> fonts_;
    std::vector<const text::Face*> fonts_order_;
    std::map<const Raster*, HPDF_Image> images_;
    pdf::CodeBook codes_;              // the two-byte codes of TrueType fonts
    HPDF_Dict byte_codes_ = nullptr;  // the encoding CMap of TrueType fonts, made once
    HPDF_Dict to_unicode_ = nullptr;  // and their ToUnicode CMap
    pdf::TagPlan plan_;
    pdf::WrittenPages written_;
};

}  // namespace

std::optional<std::vector<std::uint8_t>> write_pdf(LaidOut doc, const PdfOptions& options, Diagnostics& diags) {
    Writer w(doc, options);
    return w.run(diags);
}

}  // namespace leafpress
