#include "text/fonts.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>

#include <algorithm>
#include <filesystem>
#include "core/files.hpp"

namespace fs = std::filesystem;

namespace leafpress::text {

std::unique_ptr<Face> Face::load(const std::string& path, Diagnostics& diags) {
    auto bytes = read_file(path);
    if (!bytes) {
        diags.error("font.unreadable", {path, 0, 0}, "cannot read font file");
        return nullptr;
    }
    std::unique_ptr<Face> f(new Face());
    f->path_ = path;
    f->data_ = std::move(*bytes);

    // Names and style through FreeType.
    FT_Library ft = nullptr;
    if (FT_Init_FreeType(&ft) != 0) {
        diags.error("font.freetype", {path, 0, 0}, "FreeType could not be initialised");
        return nullptr;
    }
    FT_Face ftf = nullptr;
    if (FT_New_Memory_Face(ft, reinterpret_cast<const FT_Byte*>(f->data_.data()), static_cast<FT_Long>(f->data_.size()), 0,
                           &ftf) != 0) {
        FT_Done_FreeType(ft);
        diags.error("font.invalid", {path, 0, 0}, "not a font file FreeType can read");
        return nullptr;
    }
    if (!FT_IS_SFNT(ftf)) {
        FT_Done_Face(ftf);
        FT_Done_FreeType(ft);
        diags.error("font.invalid", {path, 0, 0}, "only TrueType/OpenType fonts are supported");
        return nullptr;
    }
    f->family_ = ftf->family_name ? ftf->family_name : fs::path(path).stem().string();
    const char* ps = FT_Get_Postscript_Name(ftf);
    f->postscript_name_ = ps ? ps : fs::path(path).stem().string();
    const bool bold = (ftf->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    const bool italic = (ftf->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    f->style_ = bold ? (italic ? FontStyle::BoldItalic : FontStyle::Bold) : (italic ? FontStyle::Italic : FontStyle::Regular);
    f->upem_ = ftf->units_per_EM ? ftf->units_per_EM : 1000;
    f->ascender_ = ftf->ascender;
    f->descender_ = ftf->descender;
    if (const auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ftf, FT_SFNT_OS2)); os2 && os2->version >= 2)
        f->cap_height_ = os2->sCapHeight;
    else
        f->cap_height_ = static_cast<int>(f->upem_ * 0.7);
    FT_Done_Face(ftf);
    FT_Done_FreeType(ft);

    // Shaping through HarfBuzz, on the same bytes.
    f->blob_ = hb_blob_create(reinterpret_cast<const char*>(f->data_.data()), static_cast<unsigned>(f->data_.size()),
                              HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    f->face_ = hb_face_create(f->blob_, 0);
    f->font_ = hb_font_create(f->face_);
    hb_ot_font_set_funcs(f->font_);
    hb_font_set_scale(f->font_, static_cast<int>(f->upem_), static_cast<int>(f->upem_));
    hb_font_make_immutable(f->font_);
    return f;
}

Face::~Face() {
    if (font_) hb_font_destroy(font_);
    if (face_) hb_face_destroy(face_);
    if (blob_) hb_blob_destroy(blob_);
}

bool Face::has_glyph(char32_t cp) const {
    hb_codepoint_t gid = 0;
    return hb_font_get_nominal_glyph(font_, cp, &gid) && gid != 0;
}

int Face::advance(std::uint32_t gid) const { return hb_font_get_glyph_h_advance(font_, gid); }

FontLibrary FontLibrary::scan(const std::string& dir, Diagnostics& diags) {
    FontLibrary lib;
    lib.dir_ = dir;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string ext = e.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (ext == ".ttf" || ext == ".otf") files.push_back(e.path());
    }
    if (ec) diags.error("font.dir", {dir, 0, 0}, "cannot read the fonts folder: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
        if (auto f = Face::load(p.string(), diags)) lib.faces_.push_back(std::move(f));
    }
    return lib;
}

const Face* FontLibrary::find(std::string_view family, FontStyle style) const {
    const auto get = [&](FontStyle s) -> const Face* {
        for (const auto& f : faces_)
            if (f->family() == family && f->style() == s) return f.get();
        return nullptr;
    };
    if (const Face* f = get(style)) return f;
    if (style == FontStyle::BoldItalic)
        if (const Face* f = get(FontStyle::Bold)) return f;
    if (style != FontStyle::Regular)
        if (const Face* f = get(FontStyle::Regular)) return f;
    for (const auto& f : faces_)
        if (f->family() == family) return f.get();
    return nullptr;
}

std::vector<std::string> FontLibrary::families() const {
    std::vector<std::string> out;
    for (const auto& f : faces_)
        if (std::find(out.begin(), out.end(), f->family()) == out.end()) out.push_back(f->family());
    return out;
}

const Face* FontChain::face_for(char32_t cp, FontStyle s) const {
    for (const Face* f : faces(s))
        if (f->has_glyph(cp)) return f;
    return nullptr;
}

std::optional<FontChain> resolve_fonts(const std::string& family, const std::vector<std::string>& fallback,
                                       const FontLibrary& library, const std::vector<SourcePos>& where,
                                       Diagnostics& diags) {
    FontChain chain;
    std::vector<std::string> names{family};
    names.insert(names.end(), fallback.begin(), fallback.end());
    bool ok = true;
    for (std::size_t k = 0; k < names.size(); ++k) {
        const std::string& name = names[k];
        const SourcePos at = where.empty() ? SourcePos{} : where[std::min(k, where.size() - 1)];
        if (!library.find(name, FontStyle::Regular)) {
            std::string have;
            for (const auto& f : library.families()) have += (have.empty() ? "" : ", ") + f;
            diags.error("font.missing", at, "font family '" + name + "' is not in " + library.dir(),
                        have.empty() ? "the fonts folder has no fonts" : "available: " + have);
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    for (std::size_t s = 0; s < 4; ++s)
        for (const auto& name : names) chain.by_style[s].push_back(library.find(name, static_cast<FontStyle>(s)));
    return chain;
}

}  // namespace leafpress::text
