// Font faces loaded from the fonts folder, looked up by family and style, with a fallback
// chain per layout. Faces are immutable once loaded and safe to share between threads.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <hb.h>

#include "content/document.hpp"
#include "core/diagnostics.hpp"
#include "core/units.hpp"

namespace leafpress::text {

class Face {
public:
    static std::unique_ptr<Face> load(const std::string& path, Diagnostics& diags);
    ~Face();
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] const std::string& family() const { return family_; }
    [[nodiscard]] const std::string& postscript_name() const { return postscript_name_; }
    [[nodiscard]] FontStyle style() const { return style_; }
    [[nodiscard]] hb_font_t* hb_font() const { return font_; }
    [[nodiscard]] hb_face_t* hb_face() const { return face_; }
    [[nodiscard]] unsigned units_per_em() const { return upem_; }
    [[nodiscard]] std::span<const std::uint8_t> data() const {
        return {reinterpret_cast<const std::uint8_t*>(data_.data()), data_.size()};
    }

    [[nodiscard]] bool has_glyph(char32_t cp) const;
    // Design metrics, in font units.
    [[nodiscard]] int ascender() const { return ascender_; }
    [[nodiscard]] int descender() const { return descender_; }  // negative
    [[nodiscard]] int cap_height() const { return cap_height_; }
    [[nodiscard]] int advance(std::uint32_t gid) const;

    // Font units → points at a size; the shaper (shape.cpp) is its one user.
    [[nodiscard]] Pt to_pt(double units, Pt size) const { return Pt(units * size.value() / upem_); }

private:
    Face() = default;
    std::string path_, family_, postscript_name_;
    FontStyle style_ = FontStyle::Regular;
    std::string data_;  // the font file's bytes
    hb_blob_t* blob_ = nullptr;
    hb_face_t* face_ = nullptr;
    hb_font_t* font_ = nullptr;
    unsigned upem_ = 1000;
    int ascender_ = 800, descender_ = -200, cap_height_ = 700;
};

// Every face in a folder.
class FontLibrary {
public:
    static FontLibrary scan(const std::string& dir, Diagnostics& diags);
    // The face of a family in a style; a missing italic falls back to the family's regular,
    // bold italic to bold. nullptr when the family is not there at all.
    [[nodiscard]] const Face* find(std::string_view family, FontStyle style) const;
    [[nodiscard]] std::vector<std::string> families() const;
    [[nodiscard]] const std::string& dir() const { return dir_; }

private:
    std::string dir_;
    std::vector<std::unique_ptr<Face>> faces_;
};

// The faces a layout uses: for each style, the primary family's face and then the fallbacks.
struct FontChain {
    std::array<std::vector<const Face*>, 4> by_style;
    [[nodiscard]] const std::vector<const Face*>& faces(FontStyle s) const {
        return by_style[static_cast<std::size_t>(s)];
    }
    [[nodiscard]] const Face& primary(FontStyle s) const { return *faces(s).front(); }
    // The first face of the chain that has the character, or nullptr.
    [[nodiscard]] const Face* face_for(char32_t cp, FontStyle s) const;
};

// Reports a family that the library lacks as an error where it is named: where[0] for the
// family, where[k] for fallback k-1 (the last position stands for any beyond).
std::optional<FontChain> resolve_fonts(const std::string& family, const std::vector<std::string>& fallback,
                                       const FontLibrary& library, const std::vector<SourcePos>& where,
                                       Diagnostics& diags);

}  // namespace leafpress::text
