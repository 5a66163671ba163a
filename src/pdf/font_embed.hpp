// Embedding a face as a Type0 / CIDFontType2 font with Identity-H: an hb-subset subset of
// the glyphs used (glyph ids kept), a /W array and a ToUnicode CMap.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "pdf/pdf_objects.hpp"
#include "text/fonts.hpp"

namespace leafpress::pdf {

class EmbeddedFont {
public:
    EmbeddedFont(HPDF_Doc doc, const text::Face& face, std::string resource_name);

    // Records a glyph as used and what it stands for; returns its width in 1/1000 em as
    // written in /W (the content stream computes positions with the same number).
    long use(std::uint32_t gid, const std::u32string& text);
    [[nodiscard]] long width(std::uint32_t gid) const;

    [[nodiscard]] HPDF_Dict dict() const { return type0_; }
    [[nodiscard]] const std::string& resource_name() const { return name_; }

    // Subsets the face and fills in the font objects. Returns false with a message on failure.
    bool finish(std::string& error);

private:
    HPDF_Doc doc_;
    const text::Face& face_;
    std::string name_;
    HPDF_Dict type0_;
    std::map<std::uint32_t, std::u32string> glyphs_;  // gid → text (first use wins)
};

}  // namespace leafpress::pdf
