// Font faces: the fonts folder first, then the system's fonts through fontconfig. The folder's
// faces are loaded (memory-mapped) when it is scanned; a system face only when a leaflet needs
// it. Faces are immutable once loaded.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <unordered_map>
#include <string>
#include <vector>

#include <hb.h>

#include "core/diagnostics.hpp"
#include "core/typography.hpp"
#include "core/units.hpp"

namespace leafpress::text {

// How the face's outlines are stored, which decides how a PDF embeds them.
enum class Outlines { TrueType, Cff };

// What shape() has shaped in a face already, in font units, by text and setting: a leaflet
// repeats its words, and a trifold's copy-fit sets the same text at several sizes. Filled and
// read by shape.cpp only.
struct ShapeMemo {
    struct Glyph {
        std::uint32_t gid = 0;
        std::int32_t x_advance = 0, x_offset = 0, y_offset = 0;
        std::uint32_t cluster = 0;  // from the start of the shaped text
    };
    std::mutex mutex;
    std::unordered_map<std::u32string, std::vector<Glyph>> words;
};

// A glyph's ink: the bounding box of its outline, in font units (y up). Empty (all zero) for a
// glyph with no outline, such as a space.
struct GlyphBox {
    std::int16_t x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    [[nodiscard]] bool empty() const { return x_min >= x_max || y_min >= y_max; }
};

class Face {
public:
    // The face at `index` of a font file (a collection such as a .ttc holds several).
    static std::unique_ptr<Face> load(const std::string& path, unsigned index, Diagnostics& diags);
    ~Face();
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] unsigned index() const { return index_; }
    [[nodiscard]] const std::string& family() const { return family_; }
    [[nodiscard]] const std::string& postscript_name() const { return postscript_name_; }
    [[nodiscard]] FontStyle style() const { return style_; }
    [[nodiscard]] Outlines outlines() const { return outlines_; }
    [[nodiscard]] hb_font_t* hb_font() const { return font_; }
    [[nodiscard]] hb_face_t* hb_face() const { return face_; }
    // The face to subset from: this one without the tables `without` (made on first use, the
    // tables shared, not copied). A subset of it is byte for byte the subset of the whole face
    // with those tables dropped, made five to seven times faster: hb-subset plans from the
    // tables it is given, maps every character of a cmap it was told to drop, and so on.
    [[nodiscard]] hb_face_t* subset_source(std::span<const hb_tag_t> without) const;
    [[nodiscard]] unsigned units_per_em() const { return upem_; }

    [[nodiscard]] bool has_glyph(char32_t cp) const;
    // Design metrics, in font units.
    [[nodiscard]] int ascender() const { return ascender_; }
    [[nodiscard]] int descender() const { return descender_; }  // negative
    [[nodiscard]] int cap_height() const { return cap_height_; }
    [[nodiscard]] int advance(std::uint32_t gid) const;
    // The box of a glyph's outline (stacked marks reach past the ascender), read from the
    // outlines once and remembered; safe from several threads.
    [[nodiscard]] GlyphBox ink(std::uint32_t gid) const;

    // For CID-keyed CFF faces: the character id of a glyph in the font's own charset, and the
    // font's Registry-Ordering-Supplement. Other faces: the glyph id, and Adobe-Identity-0.
    [[nodiscard]] std::uint32_t cid(std::uint32_t gid) const;
    [[nodiscard]] bool cid_keyed() const { return !cids_.empty(); }
    struct CidSystem {
        std::string registry = "Adobe", ordering = "Identity";
        int supplement = 0;
    };
    [[nodiscard]] const CidSystem& cid_system() const { return cid_system_; }

    // Font units → points at a size; the shaper (shape.cpp) is its one user.
    [[nodiscard]] Pt to_pt(double units, Pt size) const { return Pt(units * size.value() / upem_); }
    [[nodiscard]] ShapeMemo& shape_memo() const { return *memo_; }

private:
    Face() = default;
    std::string path_, family_, postscript_name_;
    unsigned index_ = 0;
    FontStyle style_ = FontStyle::Regular;
    Outlines outlines_ = Outlines::TrueType;
    hb_blob_t* blob_ = nullptr;  // the file, memory-mapped
    hb_face_t* face_ = nullptr;
    hb_font_t* font_ = nullptr;
    unsigned upem_ = 1000;
    int ascender_ = 800, descender_ = -200, cap_height_ = 700;
    std::vector<std::uint32_t> cids_;  // gid → cid, for CID-keyed CFF
    unsigned glyph_count_ = 0;
    // ink() by glyph id, its box packed in 64 bits; kInkUnknown until first asked.
    std::unique_ptr<std::atomic<std::uint64_t>[]> ink_;
    CidSystem cid_system_;
    std::unique_ptr<ShapeMemo> memo_ = std::make_unique<ShapeMemo>();
    mutable std::mutex subset_mutex_;
    mutable std::map<std::vector<hb_tag_t>, hb_face_t*> subset_sources_;  // by the tables left out
};

// Where a face was found.
struct FaceSource {
    std::string path;
    unsigned index = 0;
};

// The fonts folder's faces and, on demand, the system's.
class FontLibrary {
public:
    enum class System { Search, Ignore };  // Ignore: the folder alone (tests of the folder)
    static FontLibrary scan(const std::string& dir, Diagnostics& diags, System system = System::Search);
    FontLibrary(FontLibrary&&) noexcept;
    FontLibrary& operator=(FontLibrary&&) noexcept;
    ~FontLibrary();

    // The face of a family in a style, from the folder, else from the system; a missing italic
    // falls back to the family's regular, bold italic to bold. nullptr when the family is not
    // there at all.
    [[nodiscard]] const Face* find(std::string_view family, FontStyle style) const;
    // A face that has the character, for text in a script and language: the script's usual
    // families first (Noto for each script, symbol and math faces for symbols), then any
    // installed face that covers it. nullptr when nothing installed has it.
    [[nodiscard]] const Face* fallback(char32_t cp, hb_script_t script, FontStyle style,
                                       std::string_view language) const;
    [[nodiscard]] std::vector<std::string> families() const;  // the folder's
    // The system font files loaded so far, sorted: what a build read besides the folder.
    [[nodiscard]] std::vector<std::string> loaded_system_files() const;
    [[nodiscard]] const std::string& dir() const { return dir_; }

private:
    FontLibrary() = default;
    struct SystemFonts;
    const Face* load_system(const FaceSource& source) const;
    std::string dir_;
    System system_ = System::Search;
    std::vector<std::unique_ptr<Face>> faces_;
    std::unique_ptr<SystemFonts> sys_;  // fontconfig and the faces loaded from it, under a lock
};

// The faces a layout uses: for each style, the primary family's face and then the fallbacks;
// past them, the library's fallback for the character's script.
struct FontChain {
    std::array<std::vector<const Face*>, 4> by_style;
    const FontLibrary* library = nullptr;
    [[nodiscard]] const std::vector<const Face*>& faces(FontStyle s) const {
        return by_style[static_cast<std::size_t>(s)];
    }
    [[nodiscard]] const Face& primary(FontStyle s) const { return *faces(s).front(); }
    // The first face of the chain that has the character, then the system's fallback for the
    // script; nullptr when none has it.
    [[nodiscard]] const Face* face_for(char32_t cp, FontStyle s, hb_script_t script = HB_SCRIPT_COMMON,
                                       std::string_view language = "en") const;
};

// Reports a family that neither the folder nor the system has as an error where it is named:
// where[0] for the family, where[k] for fallback k-1 (the last position stands for any beyond).
std::optional<FontChain> resolve_fonts(const std::string& family, const std::vector<std::string>& fallback,
                                       const FontLibrary& library, const std::vector<SourcePos>& where,
                                       Diagnostics& diags);

}  // namespace leafpress::text
