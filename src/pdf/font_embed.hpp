// Embedding a face as a Type0 / CIDFontType2 font with Identity-H: an hb-subset subset of
// the glyphs used (glyph ids kept), a /W array and a ToUnicode CMap.
//
// Character ids are allocated per (glyph, text) pair and mapped to glyph ids through a
// CIDToGIDMap, so the same glyph can stand for different text in different places (a base
// letter alone and with its combining marks, say) and text extraction is right for each.
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

    struct Use {
        std::uint16_t cid;  // what the content stream writes
        long width;         // in 1/1000 em, as written in /W: positions are computed with it
    };
    // Records a glyph as used for a text (possibly empty: a mark whose text its base carries).
    Use use(std::uint32_t gid, const std::u32string& text);
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
    std::map<std::pair<std::uint32_t, std::u32string>, std::uint16_t> cids_;  // (gid, text) → cid
    std::vector<std::uint32_t> gid_of_;    // cid → gid; cid 0 is .notdef
    std::vector<std::u32string> text_of_;  // cid → text
};

}  // namespace leafpress::pdf
