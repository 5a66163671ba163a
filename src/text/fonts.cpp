#include "text/fonts.hpp"

#include <hb-subset.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_CID_H
#include <hb-ot.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <tuple>
#include <filesystem>

#include "core/c_handle.hpp"
#include "text/script.hpp"

namespace fs = std::filesystem;

namespace leafpress::text {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool same_family(std::string_view a, std::string_view b) { return lower(a) == lower(b); }

// No glyph's box: every coordinate at the least a 16-bit value can hold.
constexpr std::uint64_t kInkUnknown = 0x8000800080008000ULL;

std::int16_t clamp16(hb_position_t v) { return static_cast<std::int16_t>(std::clamp(v, -32767, 32767)); }

std::uint64_t pack(GlyphBox b) {
    const auto u = [](std::int16_t v) { return static_cast<std::uint64_t>(static_cast<std::uint16_t>(v)); };
    return u(b.x_min) | u(b.y_min) << 16 | u(b.x_max) << 32 | u(b.y_max) << 48;
}

GlyphBox unpack(std::uint64_t v) {
    const auto s = [&](int shift) { return static_cast<std::int16_t>(static_cast<std::uint16_t>(v >> shift)); };
    return {s(0), s(16), s(32), s(48)};
}

}  // namespace

std::unique_ptr<Face> Face::load(const std::string& path, unsigned index, Diagnostics& diags) {
    std::unique_ptr<Face> f(new Face());
    f->path_ = path;
    f->index_ = index;
    // Memory-mapped, not read: a CJK collection is 20 MB, of which a leaflet touches a little.
    f->blob_ = hb_blob_create_from_file_or_fail(path.c_str());
    if (!f->blob_) {
        diags.error("font.unreadable", {path, 0, 0}, "cannot read font file");
        return nullptr;
    }
    unsigned size = 0;
    const char* bytes = hb_blob_get_data(f->blob_, &size);

    // Names, style and metrics through FreeType.
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) {
        diags.error("font.freetype", {path, 0, 0}, "FreeType could not be initialised");
        return nullptr;
    }
    const CHandle<FT_LibraryRec_, FT_Done_FreeType> ft(library);
    FT_Face opened = nullptr;
    if (FT_New_Memory_Face(ft.get(), reinterpret_cast<const FT_Byte*>(bytes), static_cast<FT_Long>(size),
                           static_cast<FT_Long>(index), &opened) != 0) {
        diags.error("font.invalid", {path, 0, 0}, "not a font file FreeType can read");
        return nullptr;
    }
    const CHandle<FT_FaceRec_, FT_Done_Face> face(opened);  // freed before its library
    FT_Face ftf = face.get();
    if (!FT_IS_SFNT(ftf)) {
        diags.error("font.invalid", {path, 0, 0}, "only TrueType/OpenType fonts are supported");
        return nullptr;
    }
    f->family_ = ftf->family_name ? ftf->family_name : fs::path(path).stem().string();
    const char* ps = FT_Get_Postscript_Name(ftf);
    f->postscript_name_ = ps ? ps : fs::path(path).stem().string();
    const bool bold = (ftf->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    const bool italic = (ftf->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    f->style_ =
        bold ? (italic ? FontStyle::BoldItalic : FontStyle::Bold) : (italic ? FontStyle::Italic : FontStyle::Regular);
    f->upem_ = ftf->units_per_EM ? ftf->units_per_EM : 1000;
    f->ascender_ = ftf->ascender;
    f->descender_ = ftf->descender;
    if (const auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ftf, FT_SFNT_OS2)); os2 && os2->version >= 2)
        f->cap_height_ = os2->sCapHeight;
    else
        f->cap_height_ = static_cast<int>(f->upem_ * 0.7);
    // CFF outlines (OpenType/CFF: the CJK fonts) are embedded as CIDFontType0, whose content
    // streams name glyphs by the CFF charset's character ids.
    FT_Bool cid_keyed = 0;
    if (FT_Get_CID_Is_Internally_CID_Keyed(ftf, &cid_keyed) == 0 && cid_keyed) {
        f->cids_.resize(static_cast<std::size_t>(ftf->num_glyphs));
        for (FT_Long g = 0; g < ftf->num_glyphs; ++g) {
            FT_UInt cid = 0;
            FT_Get_CID_From_Glyph_Index(ftf, static_cast<FT_UInt>(g), &cid);
            f->cids_[static_cast<std::size_t>(g)] = cid;
        }
        const char* registry = nullptr;
        const char* ordering = nullptr;
        FT_Int supplement = 0;
        if (FT_Get_CID_Registry_Ordering_Supplement(ftf, &registry, &ordering, &supplement) == 0 && registry &&
            ordering)
            f->cid_system_ = {registry, ordering, supplement};
    }

    // Shaping through HarfBuzz, on the same bytes.
    f->face_ = hb_face_create(f->blob_, index);
    if (const CHandle<hb_blob_t, hb_blob_destroy> cff{hb_face_reference_table(f->face_, HB_TAG('C', 'F', 'F', ' '))})
        if (hb_blob_get_length(cff.get()) > 0) f->outlines_ = Outlines::Cff;
    f->font_ = hb_font_create(f->face_);
    hb_ot_font_set_funcs(f->font_);
    hb_font_set_scale(f->font_, static_cast<int>(f->upem_), static_cast<int>(f->upem_));
    hb_font_make_immutable(f->font_);
    f->glyph_count_ = hb_face_get_glyph_count(f->face_);
    f->ink_ = std::make_unique<std::atomic<std::uint64_t>[]>(f->glyph_count_);
    for (unsigned g = 0; g < f->glyph_count_; ++g) f->ink_[g].store(kInkUnknown, std::memory_order_relaxed);
    return f;
}

GlyphBox Face::ink(std::uint32_t gid) const {
    if (gid >= glyph_count_) return {};
    std::atomic<std::uint64_t>& slot = ink_[gid];
    if (const std::uint64_t known = slot.load(std::memory_order_relaxed); known != kInkUnknown) return unpack(known);
    // HarfBuzz reads the box from the outlines (glyf's bounds, CFF's charstrings), in font
    // units at the scale set at load; two threads asking at once store the same value.
    hb_glyph_extents_t e{};
    GlyphBox box;
    if (hb_font_get_glyph_extents(font_, gid, &e) && e.width != 0 && e.height != 0) {
        const hb_position_t x0 = e.x_bearing, x1 = e.x_bearing + e.width;
        const hb_position_t y1 = e.y_bearing, y0 = e.y_bearing + e.height;
        box = {clamp16(std::min(x0, x1)), clamp16(std::min(y0, y1)), clamp16(std::max(x0, x1)),
               clamp16(std::max(y0, y1))};
    }
    slot.store(pack(box), std::memory_order_relaxed);
    return box;
}

Face::~Face() {
    for (auto& [tags, face] : subset_sources_) hb_face_destroy(face);
    if (font_) hb_font_destroy(font_);
    if (face_) hb_face_destroy(face_);
    if (blob_) hb_blob_destroy(blob_);
}

hb_face_t* Face::subset_source(std::span<const hb_tag_t> without) const {
    std::vector<hb_tag_t> key(without.begin(), without.end());
    std::sort(key.begin(), key.end());
    std::lock_guard lock(subset_mutex_);
    hb_face_t*& source = subset_sources_[key];
    if (!source) {
        source = hb_face_builder_create();
        std::array<hb_tag_t, 64> tags{};
        for (unsigned start = 0;;) {
            unsigned count = tags.size();
            hb_face_get_table_tags(face_, start, &count, tags.data());
            for (unsigned k = 0; k < count; ++k) {
                if (std::binary_search(key.begin(), key.end(), tags[k])) continue;
                const CHandle<hb_blob_t, hb_blob_destroy> table(hb_face_reference_table(face_, tags[k]));
                hb_face_builder_add_table(source, tags[k], table.get());
            }
            if (count < tags.size()) break;
            start += count;
        }
    }
    return source;
}

bool Face::has_glyph(char32_t cp) const {
    hb_codepoint_t gid = 0;
    return hb_font_get_nominal_glyph(font_, cp, &gid) && gid != 0;
}

int Face::advance(std::uint32_t gid) const { return hb_font_get_glyph_h_advance(font_, gid); }

std::uint32_t Face::cid(std::uint32_t gid) const { return gid < cids_.size() ? cids_[gid] : gid; }

// Fontconfig and the faces found through it. Opened on first need: a leaflet whose text the
// folder's fonts cover never starts fontconfig.
struct FontLibrary::SystemFonts {
    std::mutex mutex;
    FcConfig* config = nullptr;
    bool tried = false;
    std::map<std::pair<std::string, unsigned>, std::unique_ptr<Face>> faces;                // by file and index
    std::map<std::pair<std::string, FontStyle>, const Face*> by_family;                     // found or not (nullptr)
    std::map<std::tuple<char32_t, int, FontStyle, std::string>, const Face*> by_char;       // fallback answers
    std::map<std::tuple<int, FontStyle, std::string>, std::vector<const Face*>> by_script;  // the usual faces

    ~SystemFonts() {
        if (config) FcConfigDestroy(config);
    }
    FcConfig* fc() {
        if (!tried) {
            tried = true;
            config = FcInitLoadConfigAndFonts();
        }
        return config;
    }
};

FontLibrary::FontLibrary(FontLibrary&&) noexcept = default;
FontLibrary& FontLibrary::operator=(FontLibrary&&) noexcept = default;
FontLibrary::~FontLibrary() = default;

FontLibrary FontLibrary::scan(const std::string& dir, Diagnostics& diags, System system) {
    FontLibrary lib;
    lib.dir_ = dir;
    lib.system_ = system;
    lib.sys_ = std::make_unique<SystemFonts>();
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string ext = lower(e.path().extension().string());
        if (ext == ".ttf" || ext == ".otf") files.push_back(e.path());
    }
    if (ec) diags.error("font.dir", {dir, 0, 0}, "cannot read the fonts folder: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
        if (auto f = Face::load(p.string(), 0, diags)) lib.faces_.push_back(std::move(f));
    }
    return lib;
}

namespace {

// How far a face's style is from the one wanted: weight and slant.
int style_distance(int weight, int slant, FontStyle want) {
    const bool bold = want == FontStyle::Bold || want == FontStyle::BoldItalic;
    const bool italic = want == FontStyle::Italic || want == FontStyle::BoldItalic;
    const int w = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
    return std::abs(weight - w) + ((slant != FC_SLANT_ROMAN) != italic ? 1000 : 0);
}

struct Candidate {
    int distance;
    std::string family, file;
    int index;
    bool operator<(const Candidate& o) const {
        return std::tie(distance, family, file, index) < std::tie(o.distance, o.family, o.file, o.index);
    }
};

// The system's TrueType/OpenType faces matching a pattern, nearest the style first.
std::vector<Candidate> list_faces(FcConfig* fc, FcPattern* pattern, FontStyle style) {
    std::vector<Candidate> out;
    FcObjectSet* os = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_FONTFORMAT, FC_OUTLINE,
                                       FC_COLOR, nullptr);
    FcFontSet* set = FcFontList(fc, pattern, os);
    FcObjectSetDestroy(os);
    if (!set) return out;
    for (int i = 0; i < set->nfont; ++i) {
        FcPattern* p = set->fonts[i];
        FcChar8* file = nullptr;
        FcChar8* family = nullptr;
        FcChar8* format = nullptr;
        int index = 0, weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
        if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) continue;
        if (FcPatternGetString(p, FC_FONTFORMAT, 0, &format) == FcResultMatch) {
            const std::string_view fmt(reinterpret_cast<const char*>(format));
            if (fmt != "TrueType" && fmt != "CFF") continue;
        }
        // Colour bitmap faces (emoji) and bitmap-only faces cannot be embedded as outlines.
        FcBool outline = FcTrue, color = FcFalse;
        FcPatternGetBool(p, FC_OUTLINE, 0, &outline);
        FcPatternGetBool(p, FC_COLOR, 0, &color);
        if (!outline || color) continue;
        FcPatternGetString(p, FC_FAMILY, 0, &family);
        FcPatternGetInteger(p, FC_INDEX, 0, &index);
        FcPatternGetInteger(p, FC_WEIGHT, 0, &weight);
        FcPatternGetInteger(p, FC_SLANT, 0, &slant);
        const std::string fam = family ? reinterpret_cast<const char*>(family) : "";
        // Variable instances share their file's index 0 with the named instances above it.
        if (index < 0 || index > 0xFFFF) continue;
        out.push_back({style_distance(weight, slant, style), fam, reinterpret_cast<const char*>(file), index});
    }
    FcFontSetDestroy(set);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

const Face* FontLibrary::load_system(const FaceSource& source) const {
    auto key = std::make_pair(source.path, source.index);
    auto it = sys_->faces.find(key);
    if (it != sys_->faces.end()) return it->second.get();
    Diagnostics ignored;
    auto face = Face::load(source.path, source.index, ignored);
    const Face* f = face.get();
    sys_->faces.emplace(std::move(key), std::move(face));
    return f;
}

const Face* FontLibrary::find(std::string_view family, FontStyle style) const {
    const auto get = [&](FontStyle s) -> const Face* {
        for (const auto& f : faces_)
            if (same_family(f->family(), family) && f->style() == s) return f.get();
        return nullptr;
    };
    if (const Face* f = get(style)) return f;
    if (style == FontStyle::BoldItalic)
        if (const Face* f = get(FontStyle::Bold)) return f;
    if (style != FontStyle::Regular)
        if (const Face* f = get(FontStyle::Regular)) return f;
    for (const auto& f : faces_)
        if (same_family(f->family(), family)) return f.get();
    if (system_ == System::Ignore || !sys_) return nullptr;

    std::lock_guard lock(sys_->mutex);
    const auto key = std::make_pair(std::string(family), style);
    if (auto it = sys_->by_family.find(key); it != sys_->by_family.end()) return it->second;
    const Face* found = nullptr;
    if (FcConfig* fc = sys_->fc()) {
        FcPattern* pattern = FcPatternCreate();
        const std::string name(family);
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
        for (const auto& c : list_faces(fc, pattern, style)) {
            if ((found = load_system({c.file, static_cast<unsigned>(c.index)}))) break;
        }
        FcPatternDestroy(pattern);
    }
    sys_->by_family.emplace(key, found);
    return found;
}

const Face* FontLibrary::fallback(char32_t cp, hb_script_t script, FontStyle style, std::string_view language) const {
    if (system_ == System::Ignore || !sys_) return nullptr;
    // The script's usual faces, looked up by family once per script, style and language (the
    // itemizer asks for every character its layout's fonts lack).
    const auto script_key = std::make_tuple(static_cast<int>(script), style, std::string(language));
    const std::vector<const Face*>* usual = nullptr;
    {
        std::lock_guard lock(sys_->mutex);
        if (auto it = sys_->by_script.find(script_key); it != sys_->by_script.end()) usual = &it->second;
    }
    if (!usual) {
        std::vector<const Face*> faces;
        for (const auto& family : fallback_families(script, language))  // find() takes the lock itself
            if (const Face* f = find(family, style)) faces.push_back(f);
        std::lock_guard lock(sys_->mutex);
        usual = &sys_->by_script.try_emplace(script_key, std::move(faces)).first->second;
    }
    for (const Face* f : *usual)
        if (f->has_glyph(cp)) return f;

    // Anything installed that has the character: Noto Sans first, then Noto, then the rest,
    // each nearest the style; the order is fixed so that a build is reproducible.
    std::lock_guard lock(sys_->mutex);
    const auto key = std::make_tuple(cp, static_cast<int>(script), style, std::string(language));
    if (auto it = sys_->by_char.find(key); it != sys_->by_char.end()) return it->second;
    const Face* found = nullptr;
    if (FcConfig* fc = sys_->fc()) {
        FcPattern* pattern = FcPatternCreate();
        FcCharSet* set = FcCharSetCreate();
        FcCharSetAddChar(set, cp);
        FcPatternAddCharSet(pattern, FC_CHARSET, set);
        auto candidates = list_faces(fc, pattern, style);
        const auto rank = [](const std::string& family) {
            return family.rfind("Noto Sans", 0) == 0 ? 0 : family.rfind("Noto", 0) == 0 ? 1 : 2;
        };
        std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
            return std::make_pair(rank(a.family), a.distance) < std::make_pair(rank(b.family), b.distance);
        });
        for (const auto& c : candidates) {
            const Face* f = load_system({c.file, static_cast<unsigned>(c.index)});
            if (f && f->has_glyph(cp)) {
                found = f;
                break;
            }
        }
        FcCharSetDestroy(set);
        FcPatternDestroy(pattern);
    }
    sys_->by_char.emplace(key, found);
    return found;
}

std::vector<std::string> FontLibrary::families() const {
    std::vector<std::string> out;
    for (const auto& f : faces_)
        if (std::find(out.begin(), out.end(), f->family()) == out.end()) out.push_back(f->family());
    return out;
}

std::vector<std::string> FontLibrary::loaded_system_files() const {
    std::vector<std::string> out;
    if (!sys_) return out;
    std::lock_guard lock(sys_->mutex);
    for (const auto& [key, face] : sys_->faces)
        if (face && (out.empty() || out.back() != key.first)) out.push_back(key.first);
    return out;
}

const Face* FontChain::face_for(char32_t cp, FontStyle s, hb_script_t script, std::string_view language) const {
    for (const Face* f : faces(s))
        if (f->has_glyph(cp)) return f;
    return library ? library->fallback(cp, script, s, language) : nullptr;
}

std::optional<FontChain> resolve_fonts(const std::string& family, const std::vector<std::string>& fallback,
                                       const FontLibrary& library, const std::vector<SourcePos>& where,
                                       Diagnostics& diags) {
    FontChain chain;
    chain.library = &library;
    std::vector<std::string> names{family};
    names.insert(names.end(), fallback.begin(), fallback.end());
    bool ok = true;
    for (std::size_t k = 0; k < names.size(); ++k) {
        const std::string& name = names[k];
        const SourcePos at = where.empty() ? SourcePos{} : where[std::min(k, where.size() - 1)];
        if (!library.find(name, FontStyle::Regular)) {
            std::string have;
            for (const auto& f : library.families()) have += (have.empty() ? "" : ", ") + f;
            diags.error("font.missing", at,
                        "font family '" + name + "' is neither in " + library.dir() + " nor installed on the system",
                        have.empty() ? "the fonts folder has no fonts" : "the fonts folder has: " + have);
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    for (std::size_t s = 0; s < 4; ++s)
        for (const auto& name : names) chain.by_style[s].push_back(library.find(name, static_cast<FontStyle>(s)));
    return chain;
}

}  // namespace leafpress::text
