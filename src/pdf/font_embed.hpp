// Embedding a face as a Type0 font: an hb-subset subset of the glyphs used, a /W array and a
// ToUnicode CMap.
//
// TrueType outlines become a CIDFontType2. Its character ids are allocated per (glyph, text)
// pair, so the same glyph can stand for different text in different places (a base letter
// alone and with its combining marks, say) and text extraction is right for each. A glyph that
// stands for one printable ASCII character gets that character's code as its id, written as one
// byte (0x20..0x7F); the others get ids from the document's CodeBook, shared by all its TrueType
// fonts, written as two bytes (<0001>..<1FFF>, then <8000>..<FFFF>). The encoding that says so
// (byte_codes_cmap) is one small embedded CMap for every such font; content streams then read
// like their text and compress like it too. As a code stands for the same text in every font,
// one ToUnicode CMap (shared_to_unicode) serves them all. The subset's glyphs are put in the
// order of their ids (glyph id = character id, /CIDToGIDMap /Identity) where the font allows
// (glyph_order.hpp), else a CIDToGIDMap stream maps them.
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
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "pdf/pdf_objects.hpp"
#include "text/fonts.hpp"

namespace leafpress::pdf {

// The two-byte codes of a document's TrueType fonts: each stands for one text in every font that
// uses it. A text can have several codes (in one font, two glyphs may stand for it: an Arabic
// letter's forms); a font takes the first of them it has not given to another glyph.
class CodeBook {
public:
    // The codes of `text`, oldest first.
    [[nodiscard]] const std::vector<std::uint32_t>* codes(const std::u32string& text) const;
    // A new code for `text`; nullopt once all are given.
    std::optional<std::uint32_t> add(const std::u32string& text);
    // Every code given, with its text.
    [[nodiscard]] const std::map<std::uint32_t, std::u32string>& texts() const { return texts_; }

private:
    std::map<std::u32string, std::vector<std::uint32_t>> codes_;
    std::map<std::uint32_t, std::u32string> texts_;
    std::uint32_t next_ = 1;  // skipping 0x20..0x7F (one-byte codes) and 0x2000..0x7FFF
};

class EmbeddedFont {
public:
    // `book`: the document's two-byte codes, which must outlive the font.
    EmbeddedFont(HaruDocument& doc, const text::Face& face, std::string resource_name, CodeBook& book);

    struct Use {
        std::uint32_t code;  // what the content stream writes: `bytes` bytes, big-endian
        int bytes;
        long width;  // in 1/1000 em, as written in /W: positions are computed with it
        // Set when the ToUnicode map cannot say what this use stands for: the content stream
        // must wrap the glyph in a span with this /ActualText.
        std::optional<std::u32string> actual_text;
    };
    // Records a glyph as used for a text (possibly empty: a mark whose text its base carries).
    Use use(std::uint32_t gid, std::u32string_view text);
    [[nodiscard]] long width(std::uint32_t gid) const;

    [[nodiscard]] HPDF_Dict dict() const { return type0_; }
    [[nodiscard]] const std::string& resource_name() const { return name_; }

    // Subsets the face and fills in the font objects; for TrueType fonts, `byte_codes` is the
    // document's encoding CMap (byte_codes_cmap) and `to_unicode` its ToUnicode CMap
    // (shared_to_unicode), made once all text is written. Fails, saying why, if hb-subset does.
    Result<void> finish(HPDF_Dict byte_codes, HPDF_Dict to_unicode);
    [[nodiscard]] bool uses_byte_codes() const { return face_.outlines() != text::Outlines::Cff; }

private:
    HaruDocument& doc_;
    const text::Face& face_;
    std::string name_;
    CodeBook& book_;
    HPDF_Dict type0_;
    std::map<std::pair<std::uint32_t, std::u32string>, std::uint32_t> cids_;  // (gid, text) → cid
    // The same for a glyph that stands for one character (nearly all), keyed (gid << 32 |
    // character), with the glyph's width: found once, looked up for every glyph drawn.
    struct Known {
        std::uint32_t cid;
        long width;
    };
    std::unordered_map<std::uint64_t, Known> single_cids_;
    struct Glyph {
        std::uint32_t gid = 0;
        std::u32string text;
        std::uint32_t new_gid = 0;  // in the TrueType subset
    };
    std::map<std::uint32_t, Glyph> by_cid_;  // cid → glyph; cid 0 is .notdef
    bool identity_ = false;                  // the subset's glyph ids are the character ids
    // CFF faces: the glyphs used, and the text of each character id.
    std::set<std::uint32_t> cff_glyphs_;
    std::map<std::uint32_t, std::u32string> cff_text_;

    Use use_cff(std::uint32_t gid, std::u32string_view text);
    Result<HPDF_Dict> subset_file();
    HPDF_Dict descriptor(const std::string& base, HPDF_Dict file);
    HPDF_Dict cid_font_type2(const std::string& base, HPDF_Dict desc);
    void add_cid_to_gid_map(HPDF_Dict cid);
    HPDF_Dict cid_font_type0(const std::string& base, HPDF_Dict desc);
};

// The ToUnicode CMap of every TrueType font: one-byte codes are their ASCII characters, two-byte
// codes the book's texts. Made once per document, after its text is written.
HPDF_Dict shared_to_unicode(HaruDocument& doc, const CodeBook& book);

// The encoding of every TrueType font: codes are character ids, one byte from <20> to <7F>,
// two from <0000> to <1FFF> and from <8000> to <FFFF>. An embedded CMap stream (PDF/A asks for the CMaps it does not
// know to be embedded), made once per document.
HPDF_Dict byte_codes_cmap(HaruDocument& doc);

}  // namespace leafpress::pdf
