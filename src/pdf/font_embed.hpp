// Embedding a face as a Type0 font: an hb-subset subset of the glyphs used, a /W array and a
// ToUnicode CMap.
//
// TrueType outlines become a CIDFontType2. Its character ids are allocated per (glyph, text)
// pair and mapped to glyph ids through a CIDToGIDMap, so the same glyph can stand for
// different text in different places (a base letter alone and with its combining marks, say)
// and text extraction is right for each. A glyph that stands for one printable ASCII character
// gets that character's code as its id, written as one byte (0x20..0x7F); the others get ids
// from 1 up, skipping those, written as two bytes (<0001>..<1FFF>, then <8000>..<FFFF>). The encoding that says so (byte_codes_cmap) is one small
// embedded CMap for every such font; content streams then read like their text and compress
// like it too.
//
// CFF outlines (the CJK fonts) become a CIDFontType0 with the subset as FontFile3/OpenType.
// There the CFF's own charset maps character ids to glyphs, so each glyph has one character
// id; where the same glyph stands for other text than its first, the content stream says so
// with /ActualText.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "pdf/pdf_objects.hpp"
#include "text/fonts.hpp"

namespace leafpress::pdf {

class EmbeddedFont {
public:
    EmbeddedFont(HPDF_Doc doc, const text::Face& face, std::string resource_name);

    struct Use {
        std::uint32_t code;  // what the content stream writes: `bytes` bytes, big-endian
        int bytes;
        long width;          // in 1/1000 em, as written in /W: positions are computed with it
        // Set when the ToUnicode map cannot say what this use stands for: the content stream
        // must wrap the glyph in a span with this /ActualText.
        std::optional<std::u32string> actual_text;
    };
    // Records a glyph as used for a text (possibly empty: a mark whose text its base carries).
    Use use(std::uint32_t gid, std::u32string_view text);
    [[nodiscard]] long width(std::uint32_t gid) const;

    [[nodiscard]] HPDF_Dict dict() const { return type0_; }
    [[nodiscard]] const std::string& resource_name() const { return name_; }

    // Subsets the face and fills in the font objects; `byte_codes` is the document's encoding
    // CMap for TrueType fonts (see byte_codes_cmap). Returns false with a message on failure.
    bool finish(HPDF_Dict byte_codes, std::string& error);
    [[nodiscard]] bool uses_byte_codes() const { return face_.outlines() != text::Outlines::Cff; }

private:
    HPDF_Doc doc_;
    const text::Face& face_;
    std::string name_;
    HPDF_Dict type0_;
    std::map<std::pair<std::uint32_t, std::u32string>, std::uint32_t> cids_;  // (gid, text) → cid
    struct Glyph {
        std::uint32_t gid = 0;
        std::u32string text;
        std::uint32_t new_gid = 0;  // in the TrueType subset
    };
    std::map<std::uint32_t, Glyph> by_cid_;  // cid → glyph; cid 0 is .notdef
    std::uint32_t next_cid_ = 1;            // the next id for a glyph that is not one ASCII character
    // CFF faces: the glyphs used, and the text of each character id.
    std::set<std::uint32_t> cff_glyphs_;
    std::map<std::uint32_t, std::u32string> cff_text_;

    Use use_cff(std::uint32_t gid, std::u32string_view text);
    HPDF_Dict subset_file(std::string& error);
    HPDF_Dict descriptor(const std::string& base, HPDF_Dict file);
    HPDF_Dict cid_font_type2(const std::string& base, HPDF_Dict desc);
    HPDF_Dict cid_font_type0(const std::string& base, HPDF_Dict desc);
};

// The encoding of every TrueType font: codes are character ids, one byte from <20> to <7F>,
// two from <0000> to <1FFF> and from <8000> to <FFFF>. An embedded CMap stream (PDF/A asks for the CMaps it does not
// know to be embedded), made once per document.
HPDF_Dict byte_codes_cmap(HPDF_Doc doc);

}  // namespace leafpress::pdf
